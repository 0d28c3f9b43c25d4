package io.retrobridge.testsupport;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.EntityKind;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.domain.PirSummary.DataGap;
import io.retrobridge.domain.PirSummary.MetricRow;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.domain.Snapshot;
import io.retrobridge.domain.Verdict;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationState;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.FollowUpFact;
import io.retrobridge.escalation.FollowUpStore;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.PirStore;
import io.retrobridge.sync.RetrospectiveFollowUps;
import io.retrobridge.sync.RetrospectiveStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.BeanFactory;

/**
 * Writes what a readiness review reads through the real stores: retrospectives with their follow-ups (a link with
 * snapshots per ServiceNow task, as the sync leaves it), escalations, deployment runs and PIR summaries.
 */
public final class ReadinessSeed {

    private final RetrospectiveStore retrospectives;
    private final RetrospectiveFollowUps followUps;
    private final LinkStore links;
    private final EscalationStore escalations;
    private final FollowUpStore followUpFacts;
    private final DeploymentStore deployments;
    private final PirStore pirs;

    public ReadinessSeed(RetrospectiveStore retrospectives, RetrospectiveFollowUps followUps, LinkStore links,
                         EscalationStore escalations, FollowUpStore followUpFacts, DeploymentStore deployments,
                         PirStore pirs) {
        this.retrospectives = retrospectives;
        this.followUps = followUps;
        this.links = links;
        this.escalations = escalations;
        this.followUpFacts = followUpFacts;
        this.deployments = deployments;
        this.pirs = pirs;
    }

    /** The seed over the stores of a running application. */
    public static ReadinessSeed from(BeanFactory beans) {
        return new ReadinessSeed(beans.getBean(RetrospectiveStore.class), beans.getBean(RetrospectiveFollowUps.class),
                beans.getBean(LinkStore.class), beans.getBean(EscalationStore.class), beans.getBean(FollowUpStore.class),
                beans.getBean(DeploymentStore.class), beans.getBean(PirStore.class));
    }

    /** A retrospective of a change, with its ServiceNow problem made. */
    public Retrospective retrospective(String change, String application, Instant openedAt) {
        Retrospective opened = retrospectives.open(new RetrospectiveTrigger("change:" + change,
                "failed-production-change", "deep-dive", List.of("root-cause"), List.of("lessons"),
                "change closed unsuccessful", application, "production", "4.2", change, null,
                LocalDate.of(2026, 12, 3), openedAt, List.of("change:" + change)), "problem", openedAt);
        return retrospectives.recordServiceNow(opened.id(), "sys-" + change, "PRB-" + change, null, "no change");
    }

    /** The tasks the refresh job read under the retrospective. */
    public void followUps(Retrospective retrospective, Instant at, String... taskSysIds) {
        followUps.replace(retrospective.id(), Set.of(taskSysIds), at);
    }

    /**
     * A synced action item.
     *
     * @param due    ISO date, or empty for none
     * @param labels {@code hotfix} makes an immediate fix under the shipped mappings
     */
    public Link item(String taskSysId, String number, String title, String status, String due, String labels,
                     String failureMode, Instant at) {
        Map<String, String> fields = new HashMap<>();
        fields.put("title", title);
        fields.put("status", status);
        fields.put("priority", "HIGH");
        fields.put("due-date", due);
        fields.put("labels", labels);
        fields.put("failure-mode", failureMode);
        Link link = Link.newLink(EntityKind.ACTION_ITEM, "rb-" + taskSysId)
                .withExternalId(ExternalSystem.SERVICENOW, taskSysId)
                .withExternalId(ExternalSystem.JIRA, "100" + Math.abs(taskSysId.hashCode()))
                .withSnapshot(ExternalSystem.SERVICENOW, new Snapshot(fields, at))
                .withSnapshot(ExternalSystem.JIRA, new Snapshot(fields, at));
        links.insert(link);
        followUpFacts.save(new FollowUpFact(link.correlationId(), number, title, null, null, null, null,
                status.toLowerCase(Locale.ROOT).replace('_', '-'), null, false, at));
        return link;
    }

    /** An escalation of the item to a board, raised and not resolved. */
    public void escalated(Link item, String board, Instant at) {
        EscalationRecord claim = new EscalationRecord(UUID.randomUUID(), item.correlationId(), "overdue-fixes",
                "board", board, "ticket", null, null, null, null, "rb-esc-" + item.correlationId(),
                EscalationState.CLAIMED, 5, at, null, null, "5 days overdue");
        escalations.claim(claim);
        escalations.markRaised(claim.id(), "sys-ticket-" + item.correlationId(), "SCTASK0010001", at, "raised");
    }

    /** A finished run, five minutes long; change may be null. */
    public Deployment run(String runId, String application, String environment, String version, Instant finished,
                          DeploymentResult result, boolean rollback, String change) {
        Deployment run = new Deployment(ExternalSystem.valueOf("PIPELINE"), runId, application, environment, version,
                null, "deploy-" + application, "https://ci.example.com/runs/" + runId,
                finished.minus(Duration.ofMinutes(5)), finished, result, rollback, change);
        deployments.record(run);
        return run;
    }

    /** A PIR summary with one degraded and one healthy metric and one data gap. */
    public PirSummary pir(String key, String change, String application, String version, Instant deployedAt) {
        PirSummary summary = new PirSummary(key, change, application, "production", application, version,
                deployedAt, deployedAt.minus(Duration.ofHours(1)), deployedAt.plus(Duration.ofHours(1)),
                List.of(new MetricRow("error-rate", "Error rate", "ratio", 0.01, 0.05, Verdict.DEGRADED, "q1",
                                "http://prom/graph?g0.expr=q1", null),
                        new MetricRow("latency-p95", "p95 latency", "seconds", 0.2, 0.2, Verdict.OK, "q2",
                                "http://prom/graph?g0.expr=q2", null)),
                List.of(), List.of(new DataGap("uncovered-failure-mode",
                        "config-drift is watched by no metric or alert rule")),
                null, null, deployedAt.plus(Duration.ofHours(2)), 1);
        pirs.save(summary);
        return summary;
    }
}
