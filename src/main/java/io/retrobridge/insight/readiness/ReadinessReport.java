package io.retrobridge.insight.readiness;

import io.retrobridge.domain.DayCount;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentTelemetry;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.domain.WorkCalendar;
import io.retrobridge.gate.FollowUp;
import io.retrobridge.gate.GateAnswer;
import io.retrobridge.gate.GateDecider;
import io.retrobridge.gate.GateDecision;
import io.retrobridge.gate.GateFacts;
import io.retrobridge.gate.GateFactsSource;
import io.retrobridge.gate.ReleaseQuestion;
import io.retrobridge.gate.RetrospectiveFacts;
import io.retrobridge.insight.DeploymentTelemetryReport;
import io.retrobridge.insight.pir.PirRequest;
import io.retrobridge.insight.readiness.Readiness.Deployments;
import io.retrobridge.insight.readiness.Readiness.FailureMode;
import io.retrobridge.insight.readiness.Readiness.FollowUps;
import io.retrobridge.insight.readiness.Readiness.GateCheck;
import io.retrobridge.insight.readiness.Readiness.OpenFollowUp;
import io.retrobridge.insight.readiness.Readiness.Pirs;
import io.retrobridge.insight.readiness.Readiness.RetrospectiveSeen;
import io.retrobridge.insight.readiness.Readiness.Retrospectives;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.gate.GateMode;
import io.retrobridge.mapping.gate.GatePolicy;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.PirStore;
import io.retrobridge.sync.RetrospectiveStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Gathers a release's readiness review from the local store only, never by a remote call:
 * <ul>
 *   <li>follow-ups and failure modes come from the facts the gate reads ({@link GateFactsSource}: the latest
 *       retrospectives and their follow-ups as the refresh job last read them), so the review and the gate never
 *       disagree about what is open or overdue;</li>
 *   <li>failed and rolled-back runs are counted as deployment telemetry counts them, over the deployment window up
 *       to now;</li>
 *   <li>the last PIR is the newest, by deployment time, of the summaries of the application's recent releases:
 *       its recent successful runs, the runs of the window that went wrong, and the changes its retrospectives look
 *       back on (PIR summaries are kept by release, not by application);</li>
 *   <li>the gate is asked through the decision core with the policy in force, read-only: the answer is neither
 *       recorded nor audited, as asking it through the API would.</li>
 * </ul>
 */
@Component
public class ReadinessReport {

    /** How many of the newest retrospectives are listed. */
    public static final int RETROSPECTIVES_SHOWN = 10;
    /** How many runs that went wrong are listed; the counts include all. */
    public static final int RUNS_SHOWN = 50;
    /** How many recent successful runs are looked at for their PIR. */
    static final int RELEASES_FOR_PIR = 10;

    private final GateDecider decider = new GateDecider();
    private final Supplier<Optional<GatePolicy>> policy;
    private final Supplier<GateFactsSource> facts;
    private final Supplier<WorkCalendar> calendar;
    private final RetrospectiveStore retrospectives;
    private final DeploymentStore deployments;
    private final PirStore pirs;
    private final ReadinessProperties settings;
    private final Clock clock;

    @Autowired
    public ReadinessReport(CurrentMappings mappings, ObjectProvider<GateFactsSource> facts,
                           RetrospectiveStore retrospectives, DeploymentStore deployments, PirStore pirs,
                           ReadinessProperties settings, ObjectProvider<Clock> clock) {
        this(mappings::gates, facts::getIfAvailable,
                () -> mappings.escalations().map(EscalationPolicy::calendar).orElseGet(WorkCalendar::standard),
                retrospectives, deployments, pirs, settings, clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * @param policy   the gate policy in force; empty when there is no gates.yaml
     * @param facts    the gate's facts source; null when there is none
     * @param calendar the escalation calendar, whose zone decides when a due date has passed
     */
    public ReadinessReport(Supplier<Optional<GatePolicy>> policy, Supplier<GateFactsSource> facts,
                           Supplier<WorkCalendar> calendar, RetrospectiveStore retrospectives,
                           DeploymentStore deployments, PirStore pirs, ReadinessProperties settings, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.retrospectives = Objects.requireNonNull(retrospectives, "retrospectives");
        this.deployments = Objects.requireNonNull(deployments, "deployments");
        this.pirs = Objects.requireNonNull(pirs, "pirs");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The review of {@code application}, and of {@code version} when not null, as the store holds them now. */
    public Readiness review(String application, String version) {
        Objects.requireNonNull(application, "application");
        Instant now = clock.instant();
        String environment = settings.environment();
        GateFacts gateFacts = factsFor(application, now);

        long retrospectiveCount = retrospectives.count(application, null);
        List<Retrospective> latest = retrospectiveCount == 0 ? List.of()
                : retrospectives.list(application, null, 0, RETROSPECTIVES_SHOWN);
        Instant from = now.minus(settings.deploymentWindow());
        List<Deployment> window = deployments.between(application, environment, from, now);
        DeploymentTelemetry counted = DeploymentTelemetryReport.of(application, environment, from, now, window);
        List<Deployment> wentWrong = window.stream().filter(run -> run.result().finished())
                .filter(run -> !run.finishedAt().isBefore(from) && run.finishedAt().isBefore(now))
                .filter(Deployment::wentWrong).limit(RUNS_SHOWN).toList();
        List<Deployment> released = deployments.successfulBefore(application, environment, now, RELEASES_FOR_PIR);
        Pirs pir = pirs(application, environment, version, released, wentWrong, latest);

        boolean known = retrospectiveCount > 0 || !window.isEmpty() || !released.isEmpty() || pir.latest() != null
                || pir.forVersion() != null;
        String note = known ? null : "Nothing is known about " + application + ": no retrospective, deployment or"
                + " PIR of it is recorded. A first release is judged by the gate's answer alone.";
        return new Readiness(application, version, environment, now, known, note,
                new Retrospectives(retrospectiveCount, latest.stream().map(ReadinessReport::seen).toList()),
                followUps(gateFacts, LocalDate.ofInstant(now, calendar.get().zone())),
                new Deployments(environment, from, now, counted.deployments(), counted.failed(), counted.rollbacks(),
                        wentWrong),
                pir, failureModes(gateFacts), new GateCheck(settings.gate(), gate(application, version, environment,
                        gateFacts, now)));
    }

    private GateFacts factsFor(String application, Instant now) {
        GateFactsSource source = facts.get();
        if (source == null) {
            return GateFacts.unavailable("no facts source");
        }
        try {
            return source.factsFor(application, now);
        } catch (RuntimeException e) {
            // A review is still worth reading without them; the follow-ups section says why they are missing.
            return GateFacts.unavailable("the local store could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private GateAnswer gate(String application, String version, String environment, GateFacts gateFacts,
                            Instant now) {
        ReleaseQuestion question = new ReleaseQuestion(settings.gate(), application, version, environment, null, null,
                "readiness review");
        return policy.get().map(p -> decider.decide(p, question, gateFacts, now))
                .orElseGet(() -> new GateAnswer(GateDecision.ALLOW, "ALLOW: no gates.yaml: no gate, so " + application
                        + " may proceed to " + environment, "none", GateMode.OFF, List.of(), List.of(), List.of(),
                        List.of()));
    }

    private FollowUps followUps(GateFacts gateFacts, LocalDate today) {
        if (!(gateFacts instanceof GateFacts.Gathered gathered)) {
            String why = gateFacts instanceof GateFacts.NotReady notReady
                    ? "Follow-ups are still being gathered (" + notReady.what() + "); ask again shortly."
                    : "Follow-ups could not be read: " + ((GateFacts.Unavailable) gateFacts).why() + ".";
            return new FollowUps(why, 0, 0, 0, List.of());
        }
        List<OpenFollowUp> open = new ArrayList<>();
        for (RetrospectiveFacts retrospective : gathered.retrospectives()) {
            for (FollowUp item : retrospective.followUps()) {
                if (item.open()) {
                    open.add(open(retrospective, item, today));
                }
            }
        }
        open.sort(Comparator.comparing((OpenFollowUp item) -> !item.overdue())
                .thenComparing(item -> item.escalatedTo() == null)
                .thenComparing(OpenFollowUp::due, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(OpenFollowUp::reference));
        return new FollowUps(null, open.size(), (int) open.stream().filter(OpenFollowUp::overdue).count(),
                (int) open.stream().filter(item -> item.escalatedTo() != null).count(), open);
    }

    private OpenFollowUp open(RetrospectiveFacts retrospective, FollowUp item, LocalDate today) {
        Long days = item.due() == null ? null : calendar.get().daysOverdue(item.due(), today, DayCount.CALENDAR);
        return new OpenFollowUp(retrospective.name(), retrospective.key(), item.reference(), item.title(),
                item.jiraKey(), item.serviceNowNumber(), item.scope(), item.due(), item.overdue(), days,
                item.escalatedTo(), item.failureMode());
    }

    /** Each failure mode with the retrospectives that named it, counted as {@code failure-mode-recurred} counts. */
    private static List<FailureMode> failureModes(GateFacts gateFacts) {
        if (!(gateFacts instanceof GateFacts.Gathered gathered)) {
            return List.of();
        }
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (RetrospectiveFacts retrospective : gathered.retrospectives()) {
            for (FollowUp item : retrospective.followUps()) {
                if (item.failureMode() != null) {
                    tallies.computeIfAbsent(item.failureMode(), mode -> new Tally()).count(retrospective, item);
                }
            }
        }
        return tallies.entrySet().stream().map(entry -> entry.getValue().mode(entry.getKey()))
                .sorted(Comparator.comparing((FailureMode mode) -> !mode.recurred())
                        .thenComparing(Comparator.comparingInt(FailureMode::retrospectives).reversed())
                        .thenComparing(FailureMode::name))
                .toList();
    }

    /** One failure mode while the retrospectives are read, newest first. */
    private static final class Tally {
        private final Map<String, String> namedIn = new LinkedHashMap<>();
        private Instant lastNamed;
        private int items;
        private int open;

        void count(RetrospectiveFacts retrospective, FollowUp item) {
            namedIn.putIfAbsent(retrospective.key(), retrospective.name());
            if (lastNamed == null || retrospective.openedAt().isAfter(lastNamed)) {
                lastNamed = retrospective.openedAt();
            }
            items++;
            if (item.open()) {
                open++;
            }
        }

        FailureMode mode(String name) {
            return new FailureMode(name, namedIn.size(), items, open, namedIn.size() > 1,
                    List.copyOf(namedIn.values()), lastNamed);
        }
    }

    private Pirs pirs(String application, String environment, String version, List<Deployment> released,
                      List<Deployment> wentWrong, List<Retrospective> latest) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> versionKeys = new LinkedHashSet<>();
        if (version != null) {
            versionKeys.add(application + "@" + environment + "@" + version);
        }
        for (Deployment run : concat(released, wentWrong)) {
            keys.add(PirRequest.keyOf(run));
            if (run.version().equals(version)) {
                versionKeys.add(PirRequest.keyOf(run));
            }
        }
        latest.stream().map(Retrospective::changeNumber).filter(Objects::nonNull)
                .forEach(change -> keys.add(PirRequest.keyOf(change)));
        keys.addAll(versionKeys);
        Map<String, PirSummary> found = new LinkedHashMap<>();
        keys.forEach(key -> pirs.find(key).ifPresent(summary -> found.put(key, summary)));
        Comparator<PirSummary> newest = Comparator.comparing(PirSummary::deployedAt)
                .thenComparing(PirSummary::collectedAt);
        PirSummary newestOfAll = found.values().stream().max(newest).orElse(null);
        PirSummary ofVersion = versionKeys.stream().map(found::get).filter(Objects::nonNull).max(newest).orElse(null);
        return new Pirs(newestOfAll, ofVersion);
    }

    private static List<Deployment> concat(List<Deployment> first, List<Deployment> second) {
        List<Deployment> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static RetrospectiveSeen seen(Retrospective retrospective) {
        return new RetrospectiveSeen(retrospective.key(), retrospective.changeNumber() != null
                ? retrospective.changeNumber() : retrospective.key(), retrospective.changeNumber(),
                retrospective.reason(), retrospective.createdAt(), retrospective.jiraKey(),
                retrospective.serviceNowNumber());
    }
}
