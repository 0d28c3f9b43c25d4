package io.retrobridge.testsupport;

import io.retrobridge.domain.Alert;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationState;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.FollowUpFact;
import io.retrobridge.escalation.FollowUpStore;
import io.retrobridge.sync.AlertStore;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.PirStore;
import io.retrobridge.sync.RetrospectiveFollowUps;
import io.retrobridge.sync.RetrospectiveStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.BeanFactory;

/**
 * The effectiveness data set, written through the real stores. All days are UTC. The figures it gives for the window
 * [2026-06-01, 2026-07-01) judged on 2026-07-10 are worked out by hand in the tests that read it.
 *
 * <pre>
 * application PAYMENTS
 *   change:EFF1 opened 2026-06-02T10:00Z, follow-ups t1 t2 t3 and t-missing (no link: not synced)
 *     t1 PTASK1 DONE        due 2026-06-10 closed 2026-06-10 (on its due date: on time)  config-drift
 *     t2 PTASK2 DONE        due 2026-06-05 closed 2026-06-08 (late)                      config-drift
 *                           escalated to CAB, resolved "PTASK2 was completed on 2026-06-08"
 *     t3 PTASK3 CANCELLED   no due date    closed 2026-06-09                             no tag
 *     -> config-drift closed at 2026-06-11T00:00Z; all items closed: landed 2026-06-11T00:00Z
 *   change:EFF2 opened 2026-06-20T09:00Z, follow-ups t4 t5
 *     t4 PTASK4 OPEN        due 2026-07-01 (the window's end day)                        config-drift
 *                           escalated to CAB, still raised
 *     t5 PTASK5 IN_PROGRESS due 2026-07-10 (today: not overdue)                          capacity
 *                           escalated to ARB, resolved "due date of PTASK5 moved to 2026-07-10"
 *   change:EFF0 opened 2026-07-01T00:00Z (on the window's end: outside it), follow-up t6
 *     t6 PTASK6 OPEN        due 2026-08-01                                               capacity
 *   production runs (PIPELINE), and staging
 *     f1 FAILURE 2026-05-20T10:00Z, s1 SUCCESS 2026-05-20T11:30Z               -> 90 min
 *     f2 FAILURE 2026-06-01T08:00Z, alert linked to f2 resolved 08:20Z, s2 SUCCESS 09:00Z -> 20 min
 *     f3 ABORTED 2026-06-10T23:00Z, s3 SUCCESS 2026-06-11T00:30Z               -> 90 min
 *     f4 FAILURE 2026-06-25T12:00Z, s4 SUCCESS 2026-06-25T12:10Z               -> 10 min
 *     f5 FAILURE 2026-07-05T00:00Z, nothing after                             -> not restored
 *     g1 FAILURE in staging 2026-06-26T00:00Z                                  -> not production: ignored
 * application SEARCH
 *   change:EFF3 opened 2026-06-15T12:00Z, follow-ups never read
 *   change:EFF4 opened 2026-06-16T08:00Z, follow-up t7
 *     t7 PTASK7 DONE        no due date    closed 2026-06-20                             cache-stampede
 *     -> landed 2026-06-21T00:00Z; no runs
 * </pre>
 */
public final class EffectivenessSeed {

    public static final String PAYMENTS = "eff-payments";
    public static final String SEARCH = "eff-search";

    private final RetrospectiveStore retrospectives;
    private final EscalationStore escalations;
    private final FollowUpStore followUpFacts;
    private final AlertStore alerts;
    private final ReadinessSeed seed;

    public EffectivenessSeed(RetrospectiveStore retrospectives, RetrospectiveFollowUps followUps, LinkStore links,
                             EscalationStore escalations, FollowUpStore followUpFacts, DeploymentStore deployments,
                             PirStore pirs, AlertStore alerts) {
        this.retrospectives = retrospectives;
        this.escalations = escalations;
        this.followUpFacts = followUpFacts;
        this.alerts = alerts;
        this.seed = new ReadinessSeed(retrospectives, followUps, links, escalations, followUpFacts, deployments, pirs);
    }

    /** The seed over the stores of a running application. */
    public static EffectivenessSeed from(BeanFactory beans) {
        return new EffectivenessSeed(beans.getBean(RetrospectiveStore.class), beans.getBean(RetrospectiveFollowUps.class),
                beans.getBean(LinkStore.class), beans.getBean(EscalationStore.class), beans.getBean(FollowUpStore.class),
                beans.getBean(DeploymentStore.class), beans.getBean(PirStore.class), beans.getBean(AlertStore.class));
    }

    /** Writes the data set once per store; a second call finds it written and does nothing. */
    public void write() {
        if (retrospectives.findByKey("change:EFF1").isPresent()) {
            return;
        }
        Retrospective eff1 = seed.retrospective("EFF1", PAYMENTS, at("2026-06-02T10:00:00Z"));
        item("t1", "PTASK1", "DONE", "2026-06-10", "2026-06-10", "config-drift");
        Link t2 = item("t2", "PTASK2", "DONE", "2026-06-05", "2026-06-08", "config-drift");
        resolvedEscalation(t2, "CAB", "PTASK2 was completed on 2026-06-08");
        item("t3", "PTASK3", "CANCELLED", "", "2026-06-09", "");
        seed.followUps(eff1, at("2026-06-30T00:00:00Z"), "t1", "t2", "t3", "t-missing");

        Retrospective eff2 = seed.retrospective("EFF2", PAYMENTS, at("2026-06-20T09:00:00Z"));
        Link t4 = item("t4", "PTASK4", "OPEN", "2026-07-01", null, "config-drift");
        seed.escalated(t4, "CAB", at("2026-07-03T00:00:00Z"));
        Link t5 = item("t5", "PTASK5", "IN_PROGRESS", "2026-07-10", null, "capacity");
        resolvedEscalation(t5, "ARB", "due date of PTASK5 moved to 2026-07-10");
        seed.followUps(eff2, at("2026-06-30T00:00:00Z"), "t4", "t5");

        Retrospective eff0 = seed.retrospective("EFF0", PAYMENTS, at("2026-07-01T00:00:00Z"));
        item("t6", "PTASK6", "OPEN", "2026-08-01", null, "capacity");
        seed.followUps(eff0, at("2026-07-02T00:00:00Z"), "t6");

        run("f1", "production", "2026-05-20T10:00:00Z", DeploymentResult.FAILURE);
        run("s1", "production", "2026-05-20T11:30:00Z", DeploymentResult.SUCCESS);
        run("f2", "production", "2026-06-01T08:00:00Z", DeploymentResult.FAILURE);
        alerts.record(new Alert("{}:{alertname=\"CheckoutErrors\"}", "fp-f2", "CheckoutErrors", PAYMENTS,
                "production", "critical", "checkout errors", at("2026-06-01T08:02:00Z"), at("2026-06-01T08:20:00Z"),
                null, Map.of("alertname", "CheckoutErrors"), "PIPELINE:eff-f2"));
        run("s2", "production", "2026-06-01T09:00:00Z", DeploymentResult.SUCCESS);
        run("f3", "production", "2026-06-10T23:00:00Z", DeploymentResult.ABORTED);
        run("s3", "production", "2026-06-11T00:30:00Z", DeploymentResult.SUCCESS);
        run("f4", "production", "2026-06-25T12:00:00Z", DeploymentResult.FAILURE);
        run("s4", "production", "2026-06-25T12:10:00Z", DeploymentResult.SUCCESS);
        run("f5", "production", "2026-07-05T00:00:00Z", DeploymentResult.FAILURE);
        run("g1", "staging", "2026-06-26T00:00:00Z", DeploymentResult.FAILURE);

        seed.retrospective("EFF3", SEARCH, at("2026-06-15T12:00:00Z"));
        Retrospective eff4 = seed.retrospective("EFF4", SEARCH, at("2026-06-16T08:00:00Z"));
        item("t7", "PTASK7", "DONE", "", "2026-06-20", "cache-stampede");
        seed.followUps(eff4, at("2026-06-30T00:00:00Z"), "t7");
    }

    private Link item(String task, String number, String status, String due, String closedOn, String failureMode) {
        Instant at = at("2026-06-30T00:00:00Z");
        Link link = seed.item(task, number, "Action " + number, status, due, "", failureMode, at);
        followUpFacts.save(new FollowUpFact(link.correlationId(), number, "Action " + number, null, null, null,
                due.isEmpty() ? null : LocalDate.parse(due), status.toLowerCase(Locale.ROOT).replace('_', '-'),
                closedOn == null ? null : LocalDate.parse(closedOn), false, at));
        return link;
    }

    private void resolvedEscalation(Link item, String board, String note) {
        EscalationRecord claim = new EscalationRecord(UUID.randomUUID(), item.correlationId(), "overdue", "board-"
                + board, board, "ticket", null, null, null, null, "rb-esc-" + item.correlationId() + board,
                EscalationState.CLAIMED, 2, at("2026-06-07T00:00:00Z"), null, null, "2 days overdue");
        escalations.claim(claim);
        escalations.markRaised(claim.id(), "sys-" + claim.marker(), "SCTASK-" + board, at("2026-06-07T00:00:00Z"),
                "raised");
        escalations.markResolved(claim.id(), at("2026-06-09T00:00:00Z"), note);
    }

    private void run(String runId, String environment, String finished, DeploymentResult result) {
        seed.run("eff-" + runId, PAYMENTS, environment, runId, at(finished), result, false, null);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
