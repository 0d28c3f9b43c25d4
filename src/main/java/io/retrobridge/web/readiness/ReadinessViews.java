package io.retrobridge.web.readiness;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.domain.Scope;
import io.retrobridge.gate.GateAnswer;
import io.retrobridge.gate.GateItem;
import io.retrobridge.gate.GateWarning;
import io.retrobridge.insight.readiness.Readiness;
import io.retrobridge.web.gates.GateLinks;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** A readiness review as the API shows it, every item with the links people open it by. */
final class ReadinessViews {

    private ReadinessViews() {
    }

    @Schema(name = "ReadinessReview", description = "What a pre-release readiness review of an application needs")
    record Review(String application,
                  @Schema(description = "the version asked about; null when none was named") String version,
                  @Schema(description = "the environment the release is reviewed for") String environment,
                  @Schema(description = "when the review was gathered") Instant generatedAt,
                  @Schema(description = "false when nothing of the application is recorded") boolean known,
                  @Schema(description = "says nothing is known of the application; null when something is")
                  String note,
                  Gate gate, FollowUps followUps, Deployments deployments, Pirs pir,
                  @Schema(description = "failure modes its retrospectives' action items name, recurring ones first")
                  List<FailureMode> failureModes,
                  Retrospectives retrospectives) {
    }

    @Schema(name = "ReadinessLinks", description = "Where people open it; null where there is nothing to link to")
    record Links(String jira, String servicenow) {
    }

    @Schema(name = "ReadinessGate", description = "The gate's answer now to a release of the version to the "
            + "environment, asked read-only: not kept as an evaluation")
    record Gate(String gate,
                @Schema(description = "ALLOW, DENY or PENDING") String decision, boolean allowed, String reason,
                String tier, @Schema(description = "enforce, warn or off") String mode, List<String> rules,
                List<GateBlock> blocking,
                @Schema(description = "what the answer names without being held back by it") List<String> warnings) {
    }

    @Schema(name = "ReadinessGateBlock", description = "Something that denies the release")
    record GateBlock(String rule, @Schema(description = "ACTION_ITEM or RETROSPECTIVE") String kind,
                     String reference, String title, Links links) {
    }

    @Schema(name = "ReadinessFollowUps", description = "The open follow-ups of the latest retrospectives, as the "
            + "gate reads them")
    record FollowUps(@Schema(description = "why they could not be listed; null when they are") String note,
                     int open, int overdue, int escalated,
                     @Schema(description = "overdue first, then escalated, then by due date") List<FollowUp> items) {
    }

    @Schema(name = "ReadinessFollowUp", description = "One open follow-up")
    record FollowUp(String reference, String title,
                    @Schema(description = "the retrospective it came from") String retrospective,
                    String jiraKey, String serviceNowNumber,
                    @Schema(description = "immediate-fix, process-improvement, tooling-upgrade or training; null "
                            + "while unclassified") String scope,
                    @Schema(description = "null when it has no due date") LocalDate due, boolean overdue,
                    @Schema(description = "calendar days past the due date; null when it has no due date")
                    Long daysOverdue,
                    @Schema(description = "the board it was escalated to; null when not escalated") String escalatedTo,
                    String failureMode, Links links) {
    }

    @Schema(name = "ReadinessDeployments", description = "The application's runs to the environment that finished "
            + "in [from, to)")
    record Deployments(String environment, Instant from, Instant to, int finished, int failed, int rollbacks,
                       @Schema(description = "failed, aborted and rolled-back runs, newest first") List<Run> wentWrong) {
    }

    @Schema(name = "ReadinessRun", description = "A run that failed, was aborted or rolled back")
    record Run(String version, @Schema(description = "SUCCESS, FAILURE or ABORTED") String result, boolean rollback,
               Instant startedAt, Instant finishedAt, String pipeline, String runUrl, String changeNumber,
               String source, String runId, Links links) {
    }

    @Schema(name = "ReadinessPirs", description = "The application's PIR summaries")
    record Pirs(@Schema(description = "the newest by deployment time; null when none", nullable = true) Pir latest,
                @Schema(description = "the version asked about; null when none", nullable = true) Pir forVersion) {
    }

    @Schema(name = "ReadinessPir", description = "A release's PIR figures in brief; url has them in full")
    record Pir(String key, String changeNumber, String environment, String version, Instant deployedAt,
               Instant collectedAt, boolean complete,
               @Schema(description = "why figures are missing; null when complete") String incomplete,
               @Schema(description = "how many metrics got worse past their threshold") int degraded,
               List<PirMetric> metrics, List<String> gaps, String url) {
    }

    @Schema(name = "ReadinessPirMetric")
    record PirMetric(String id, String title, String unit, Double before, Double after, Double changePercent,
                     @Schema(description = "OK, DEGRADED, IMPROVED or NO_DATA") String verdict) {
    }

    @Schema(name = "ReadinessFailureMode", description = "A failure mode named by the application's retrospectives")
    record FailureMode(String name,
                       @Schema(description = "how many retrospectives named it") int retrospectives,
                       @Schema(description = "how many action items are tagged with it") int items,
                       @Schema(description = "how many of those are open") int open,
                       @Schema(description = "named by two retrospectives or more") boolean recurred,
                       List<String> namedIn, Instant lastNamed) {
    }

    @Schema(name = "ReadinessRetrospectives")
    record Retrospectives(long total, @Schema(description = "the newest first") List<Retrospective> latest) {
    }

    @Schema(name = "ReadinessRetrospective")
    record Retrospective(String key, String name, String reason, Instant openedAt, String jiraKey,
                         String serviceNowNumber, Links links) {
    }

    /**
     * @param baseUrl where this service is reached, for links to its own API
     */
    static Review of(Readiness readiness, GateLinks links, String baseUrl) {
        Readiness.Deployments runs = readiness.deployments();
        Readiness.FollowUps followUps = readiness.followUps();
        return new Review(readiness.application(), readiness.version(), readiness.environment(), readiness.at(),
                readiness.known(), readiness.note(), gate(readiness.gate(), links),
                new FollowUps(followUps.note(), followUps.open(), followUps.overdue(), followUps.escalated(),
                        followUps.items().stream().map(item -> followUp(item, links)).toList()),
                new Deployments(runs.environment(), runs.from(), runs.to(), runs.finished(), runs.failed(),
                        runs.rollbacks(), runs.wentWrong().stream().map(run -> run(run, links)).toList()),
                new Pirs(pir(readiness.pir().latest(), baseUrl), pir(readiness.pir().forVersion(), baseUrl)),
                readiness.failureModes().stream().map(mode -> new FailureMode(mode.name(), mode.retrospectives(),
                        mode.items(), mode.open(), mode.recurred(), mode.namedIn(), mode.lastNamed())).toList(),
                new Retrospectives(readiness.retrospectives().total(), readiness.retrospectives().latest().stream()
                        .map(seen -> new Retrospective(seen.key(), seen.name(), seen.reason(), seen.openedAt(),
                                seen.jiraKey(), seen.serviceNowNumber(), new Links(links.jira(seen.jiraKey()),
                                links.serviceNow(seen.serviceNowNumber())))).toList()));
    }

    private static Gate gate(Readiness.GateCheck check, GateLinks links) {
        GateAnswer answer = check.answer();
        return new Gate(check.gate(), answer.decision().name(), answer.allowed(), answer.reason(), answer.tier(),
                answer.mode().name().toLowerCase(Locale.ROOT), answer.rules(),
                answer.blocking().stream().map(item -> block(item, links)).toList(),
                answer.warnings().stream().map(GateWarning::message).toList());
    }

    private static GateBlock block(GateItem item, GateLinks links) {
        return new GateBlock(item.ruleId(), item.kind().name(), item.jiraKey() != null ? item.jiraKey()
                : item.serviceNowNumber() != null ? item.serviceNowNumber() : item.reference(), item.title(),
                new Links(links.jira(item.jiraKey()), links.serviceNow(item.serviceNowNumber())));
    }

    private static FollowUp followUp(Readiness.OpenFollowUp item, GateLinks links) {
        return new FollowUp(item.reference(), item.title(), item.retrospective(), item.jiraKey(),
                item.serviceNowNumber(), scope(item.scope()), item.due(), item.overdue(), item.daysOverdue(),
                item.escalatedTo(), item.failureMode(),
                new Links(links.jira(item.jiraKey()), links.serviceNow(item.serviceNowNumber())));
    }

    private static Run run(Deployment run, GateLinks links) {
        return new Run(run.version(), run.result().name(), run.rollback(), run.startedAt(), run.finishedAt(),
                run.pipeline(), run.runUrl(), run.changeNumber(), run.source().name(), run.runId(),
                new Links(null, links.serviceNow(run.changeNumber())));
    }

    private static Pir pir(PirSummary summary, String baseUrl) {
        if (summary == null) {
            return null;
        }
        List<PirMetric> metrics = summary.metrics().stream().map(row -> new PirMetric(row.id(), row.title(),
                row.unit(), row.before(), row.after(), row.changePercent().isPresent()
                        ? row.changePercent().getAsDouble() : null, row.verdict().name())).toList();
        int degraded = (int) metrics.stream().filter(metric -> metric.verdict().equals("DEGRADED")).count();
        return new Pir(summary.key(), summary.changeNumber(), summary.environment(), summary.version(),
                summary.deployedAt(), summary.collectedAt(), summary.complete(), summary.incomplete(), degraded,
                metrics, summary.gaps().stream().map(PirSummary.DataGap::text).toList(), pirUrl(summary, baseUrl));
    }

    /** Where the API serves the whole summary: by its change, else by its release. */
    private static String pirUrl(PirSummary summary, String baseUrl) {
        if (summary.changeNumber() != null) {
            return baseUrl + "/api/changes/" + encode(summary.changeNumber()) + "/pir";
        }
        if (summary.application() == null || summary.environment() == null || summary.version() == null) {
            return null;
        }
        return baseUrl + "/api/deployments/pir?application=" + encode(summary.application()) + "&environment="
                + encode(summary.environment()) + "&version=" + encode(summary.version());
    }

    static String scope(Scope scope) {
        return scope == null ? null : scope.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
