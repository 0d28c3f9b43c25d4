package io.retrobridge.testsupport;

import io.retrobridge.domain.Alert;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.AlertStore;
import io.retrobridge.sync.DeliveryHistory;
import io.retrobridge.sync.DeploymentStore;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The week of shop deployments the delivery tests work by hand (see {@code DeliveryReportTest} for every value),
 * written into the real stores: shop to production over [Mon 2 Nov, Mon 9 Nov 2026) UTC.
 */
public final class DeliverySeed {

    public static final String FROM = "2026-11-02T00:00:00Z";
    public static final String TO = "2026-11-09T00:00:00Z";

    private final DeploymentStore deployments;
    private final DeliveryHistory history;
    private final AlertStore alerts;

    public DeliverySeed(DeploymentStore deployments, DeliveryHistory history, AlertStore alerts) {
        this.deployments = deployments;
        this.history = history;
        this.alerts = alerts;
    }

    /** The seed over the stores of a running application. */
    public static DeliverySeed from(BeanFactory beans) {
        return new DeliverySeed(beans.getBean(DeploymentStore.class), beans.getBean(DeliveryHistory.class),
                beans.getBean(AlertStore.class));
    }

    /** Only the shop week in the running application's store: every other run and alert removed first. */
    public static void shopWeekAlone(BeanFactory beans) {
        clear(beans.getBean(JdbcClient.class));
        from(beans).shopWeek();
    }

    public static void clear(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM alerts").update();
        jdbc.sql("DELETE FROM deployments").update();
    }

    public void shopWeek() {
        run("r0", DeploymentResult.SUCCESS, null, "2026-11-01T20:00:00Z", false, null);
        run("r1", DeploymentResult.SUCCESS, null, "2026-11-02T10:00:00Z", false, "2026-11-02T06:00:00Z");
        run("r2", DeploymentResult.SUCCESS, "2026-11-02T13:50:00Z", "2026-11-02T14:00:00Z", false,
                "2026-11-02T12:00:00Z");
        run("r3", DeploymentResult.FAILURE, "2026-11-04T08:55:00Z", "2026-11-04T09:00:00Z", false,
                "2026-11-04T08:00:00Z");
        run("r4", DeploymentResult.SUCCESS, "2026-11-04T09:10:00Z", "2026-11-04T09:20:00Z", true, null);
        run("r5", DeploymentResult.SUCCESS, null, "2026-11-06T16:00:00Z", false, "2026-11-05T16:00:00Z");
        run("r6", DeploymentResult.SUCCESS, "2026-11-06T17:50:00Z", "2026-11-06T18:00:00Z", true, null);
        run("r7", DeploymentResult.SUCCESS, null, "2026-11-08T23:30:00Z", false, "2026-11-08T20:30:00Z");
        run("r8", DeploymentResult.FAILURE, null, "2026-11-09T05:00:00Z", false, null);
        alert("HighErrorRate", "2026-11-02T11:00:00Z", "2026-11-02T11:30:00Z", "GITHUB:r1");
        alert("SlowCheckout", "2026-11-03T15:00:00Z", "2026-11-03T16:00:00Z", "GITHUB:r2");
    }

    private void run(String runId, DeploymentResult result, String startedAt, String finishedAt, boolean rollback,
                     String commitAt) {
        Instant finished = Instant.parse(finishedAt);
        deployments.record(new Deployment(ExternalSystem.valueOf("GITHUB"), runId, "shop", "production", "v-" + runId,
                "sha-" + runId, "deploy", "https://ci.example/shop/" + runId,
                startedAt == null ? finished : Instant.parse(startedAt), finished, result, rollback, null));
        if (commitAt != null) {
            history.recordCommitTime("GITHUB", runId, Instant.parse(commitAt));
        }
    }

    private void alert(String name, String startsAt, String endsAt, String run) {
        alerts.record(new Alert("{}:{alertname=\"" + name + "\"}", name.toLowerCase(), name, "shop", "production",
                "critical", null, Instant.parse(startsAt), Instant.parse(endsAt), null, Map.of("alertname", name),
                run));
    }
}
