package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.DeliveryHistory;
import io.retrobridge.sync.DeliveryHistory.DeliveredRun;
import io.retrobridge.sync.DeploymentStore;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the delivery report relies on from any {@link DeliveryHistory}. */
abstract class DeliveryHistoryContract extends StoreContractSupport {

    private static final ExternalSystem GITHUB = ExternalSystem.valueOf("GITHUB");
    private static final Instant FROM = Instant.parse("2026-11-02T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-09T00:00:00Z");

    private DeliveryHistory history() {
        return port(DeliveryHistory.class);
    }

    @BeforeEach
    void noDeployments() {
        port(JdbcClient.class).sql("DELETE FROM deployments").update();
    }

    private Deployment run(String runId, String application, String environment, String finishedAt,
                           DeploymentResult result) {
        Instant finished = finishedAt == null ? null : Instant.parse(finishedAt);
        Deployment run = new Deployment(GITHUB, runId, application, environment, "v" + runId, "sha" + runId, "deploy",
                "https://ci.example/" + runId, Instant.parse("2026-11-01T00:00:00Z"), finished, result, false, null);
        port(DeploymentStore.class).record(run);
        return run;
    }

    @Test
    void runsFinishedInTheWindowAcrossApplicationsOldestFirst() {
        Deployment late = run("3", "billing", "production", "2026-11-08T23:59:59Z", DeploymentResult.FAILURE);
        Deployment early = run("1", "shop", "production", "2026-11-02T00:00:00Z", DeploymentResult.SUCCESS);
        run("0", "shop", "production", "2026-11-01T23:59:59Z", DeploymentResult.SUCCESS);
        run("4", "shop", "production", "2026-11-09T00:00:00Z", DeploymentResult.SUCCESS);
        run("5", "shop", "staging", "2026-11-03T00:00:00Z", DeploymentResult.SUCCESS);
        run("6", "shop", "production", null, DeploymentResult.RUNNING);

        assertThat(history().finishedBetween(null, "production", FROM, TO))
                .containsExactly(new DeliveredRun(early, null), new DeliveredRun(late, null));
        assertThat(history().finishedBetween("shop", "production", FROM, TO))
                .containsExactly(new DeliveredRun(early, null));
        assertThat(history().finishedBetween("nothing", "production", FROM, TO)).isEmpty();
    }

    @Test
    void aCommitTimeIsKeptWithItsRunAndAnUnknownRunIsLeftAlone() {
        Deployment shop = run("1", "shop", "production", "2026-11-03T10:00:00Z", DeploymentResult.SUCCESS);
        Instant committed = Instant.parse("2026-11-03T07:15:30.123456Z");

        history().recordCommitTime("GITHUB", "1", committed);
        history().recordCommitTime("GITHUB", "no-such-run", committed);

        assertThat(history().finishedBetween(null, "production", FROM, TO))
                .containsExactly(new DeliveredRun(shop, committed));
        assertThat(port(DeploymentStore.class).find("GITHUB", "1")).contains(shop);
    }
}
