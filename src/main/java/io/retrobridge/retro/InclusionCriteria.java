package io.retrobridge.retro;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ChangeState;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.mapping.retro.InclusionRule;
import io.retrobridge.mapping.retro.Program;
import io.retrobridge.mapping.retro.ProgramThreshold;
import io.retrobridge.mapping.retro.RetrospectivesMapping;
import io.retrobridge.mapping.retro.RuleMatch.ChangeMatch;
import io.retrobridge.mapping.retro.RuleMatch.DeploymentMatch;
import io.retrobridge.mapping.retro.RuleMatch.DeploymentOutcome;
import io.retrobridge.mapping.retro.Tier;
import io.retrobridge.sync.MajorIncidents;
import io.retrobridge.sync.ReleaseFailures.FailedRelease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, by the admin's {@code retrospectives.yaml}, whether a release needs a retrospective: the first rule that
 * matches the fact decides. Changes are judged once closed, deployments once finished; judging the same fact again
 * gives the same answer, so a repeated fact is harmless. Major incidents are looked up only for a closed change that
 * reaches a rule asking for one.
 */
public final class InclusionCriteria {

    private final RetrospectivesMapping mapping;
    private final MajorIncidents majorIncidents;

    public InclusionCriteria(RetrospectivesMapping mapping, MajorIncidents majorIncidents) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.majorIncidents = Objects.requireNonNull(majorIncidents, "majorIncidents");
    }

    /**
     * A change request as recorded. The previous version is not needed: a closed change is judged on what it is
     * now, so a change recorded again (a redelivery, a retry after a crash) is judged alike and queues nothing new.
     */
    public Judgement judge(ChangeRecord change, Optional<ChangeRecord> previous) {
        String what = describe(change);
        if (change.state() != ChangeState.CLOSED) {
            return Judgement.none(what + " is " + change.state().label() + ", not closed; changes are judged when"
                    + " they close");
        }
        List<String> incidents = null;
        for (InclusionRule rule : mapping.rules()) {
            if (!(rule.when() instanceof ChangeMatch match) || !matches(match, change)) {
                continue;
            }
            if (match.majorIncident()) {
                if (incidents == null) {
                    incidents = majorIncidents.linkedTo(change.sysId());
                }
                if (incidents.isEmpty()) {
                    continue;
                }
            }
            String reason = what + (match.majorIncident() ? " is linked to major incident" + (incidents.size() > 1
                    ? "s " : " ") + String.join(", ", incidents) : "");
            if (rule.excludes()) {
                return Judgement.none(reason + ": rule " + rule.id() + " says it needs no retrospective");
            }
            Instant ended = change.endedAt().orElse(change.updatedAt());
            Optional<Program> program = mapping.programOf(change.configurationItem());
            RetrospectiveTrigger trigger = trigger(ReleaseKeys.of(change), rule, reason, change.configurationItem(),
                    null, null, change.number(), program, ended);
            return Judgement.open(trigger, failure(rule, trigger, ended));
        }
        return Judgement.none("no rule of " + RetrospectivesMapping.FILE_NAME + " matches " + what);
    }

    /** A deployment run as recorded (merged with earlier reports of the same run). */
    public Judgement judge(Deployment deployment) {
        return judge(deployment, "");
    }

    /**
     * A rollback run judged as the release it undid: the retrospective is about {@code undoneVersion} (the version
     * that was live before it), not about the earlier version it put back.
     */
    public Judgement judgeRollback(Deployment rollback, String undoneVersion) {
        Deployment undone = new Deployment(rollback.source(), rollback.runId(), rollback.application(),
                rollback.environment(), undoneVersion, rollback.commitSha(), rollback.pipeline(), rollback.runUrl(),
                rollback.startedAt(), rollback.finishedAt(), rollback.result(), true, rollback.changeNumber());
        return judge(undone, " to " + rollback.version());
    }

    private Judgement judge(Deployment deployment, String rolledBackTo) {
        String what = deployment.application() + " " + deployment.version() + " in " + deployment.environment();
        if (!deployment.result().finished()) {
            return Judgement.none("the deployment of " + what + " is still running; deployments are judged when they"
                    + " end");
        }
        Set<DeploymentOutcome> outcomes = outcomes(deployment);
        String how = describe(outcomes) + rolledBackTo;
        for (InclusionRule rule : mapping.rules()) {
            if (!(rule.when() instanceof DeploymentMatch match)
                    || !match.environments().contains(deployment.environment().toLowerCase(Locale.ROOT))
                    || (!match.outcomes().isEmpty() && match.outcomes().stream().noneMatch(outcomes::contains))) {
                continue;
            }
            String reason = what + " " + how + " (" + deployment.source() + " run " + deployment.runId()
                    + deployment.change().map(c -> ", change " + c).orElse("") + ")";
            if (rule.excludes()) {
                return Judgement.none(reason + ": rule " + rule.id() + " says it needs no retrospective");
            }
            Instant ended = deployment.finishedAt();
            Optional<Program> program = mapping.programOf(deployment.application());
            RetrospectiveTrigger trigger = trigger(ReleaseKeys.of(deployment), rule, reason, deployment.application(),
                    deployment.environment(), deployment.version(), deployment.changeNumber(), program, ended);
            return Judgement.open(trigger, failure(rule, trigger, ended));
        }
        return Judgement.none("no rule of " + RetrospectivesMapping.FILE_NAME + " matches " + what + " " + how);
    }

    /** Where the program's failure window starts for a failure that ended at {@code failedAt}; empty without one. */
    public Optional<Instant> windowStart(FailedRelease failure) {
        return threshold(failure.program())
                .map(t -> failure.failedAt().atZone(mapping.calendar().zone()).minus(t.within()).toInstant());
    }

    /**
     * The program-level retrospective a failure opens, given the program's failed releases in its window that no
     * program retrospective covers yet (the failure among them): one once they reach the threshold, over all of
     * them, known by the first; none before.
     */
    public Optional<RetrospectiveTrigger> programTrigger(FailedRelease failure, List<FailedRelease> uncovered) {
        Optional<ProgramThreshold> threshold = threshold(failure.program());
        if (threshold.isEmpty() || uncovered.size() < threshold.get().failures()) {
            return Optional.empty();
        }
        List<FailedRelease> releases = uncovered.stream()
                .sorted(Comparator.comparing(FailedRelease::failedAt).thenComparing(FailedRelease::releaseKey))
                .toList();
        List<String> keys = releases.stream().map(FailedRelease::releaseKey).toList();
        Instant last = releases.get(releases.size() - 1).failedAt();
        ProgramThreshold t = threshold.get();
        Tier tier = mapping.tier(t.tier());
        String reason = keys.size() + " failed releases of program " + failure.program() + " within "
                + t.within().getDays() + " days: " + String.join(", ", keys);
        return Optional.of(new RetrospectiveTrigger(ReleaseKeys.program(failure.program(), keys.get(0)),
                "programs." + failure.program() + ".threshold", tier.id(), tier.mandatory(), tier.optional(), reason,
                null, null, null, null, failure.program(), t.due().after(last, mapping.calendar()), last, keys));
    }

    private Optional<ProgramThreshold> threshold(String program) {
        return Optional.ofNullable(mapping.programs().get(program)).flatMap(Program::threshold);
    }

    private RetrospectiveTrigger trigger(String key, InclusionRule rule, String reason, String application,
                                         String environment, String version, String changeNumber,
                                         Optional<Program> program, Instant ended) {
        Tier tier = mapping.tier(rule.tier().orElseThrow());
        return new RetrospectiveTrigger(key, rule.id(), tier.id(), tier.mandatory(), tier.optional(), reason,
                application, environment, version, changeNumber, program.map(Program::id).orElse(null),
                rule.due().after(ended, mapping.calendar()), ended, List.of(key));
    }

    private static Optional<FailedRelease> failure(InclusionRule rule, RetrospectiveTrigger trigger, Instant ended) {
        if (!rule.failedRelease() || trigger.program() == null) {
            return Optional.empty();
        }
        return Optional.of(new FailedRelease(trigger.key(), trigger.program(), trigger.application(), ended, null));
    }

    private static boolean matches(ChangeMatch match, ChangeRecord change) {
        String type = change.type() == null ? "" : change.type().toLowerCase(Locale.ROOT);
        return (match.types().isEmpty() || match.types().contains(type))
                && (match.closeCodes().isEmpty() || change.closed().map(match.closeCodes()::contains).orElse(false));
    }

    private static Set<DeploymentOutcome> outcomes(Deployment deployment) {
        Set<DeploymentOutcome> outcomes = EnumSet.noneOf(DeploymentOutcome.class);
        if (deployment.result() == DeploymentResult.FAILURE) {
            outcomes.add(DeploymentOutcome.FAILED);
        } else if (deployment.result() == DeploymentResult.ABORTED) {
            outcomes.add(DeploymentOutcome.ABORTED);
        } else if (!deployment.rollback()) {
            outcomes.add(DeploymentOutcome.SUCCEEDED);
        }
        if (deployment.rollback()) {
            outcomes.add(DeploymentOutcome.ROLLED_BACK);
        }
        return outcomes;
    }

    private static String describe(Set<DeploymentOutcome> outcomes) {
        List<String> words = new ArrayList<>();
        outcomes.forEach(o -> words.add(switch (o) {
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case ABORTED -> "was aborted";
            case ROLLED_BACK -> "was rolled back";
        }));
        return String.join(" and ", words);
    }

    private static String describe(ChangeRecord change) {
        String type = change.type() == null || change.type().isBlank() ? "" : change.type() + " ";
        return type + "change " + change.number() + change.closed().map(code -> " closed " + code).orElse("");
    }
}
