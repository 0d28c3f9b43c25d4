package io.retrobridge.retro;

import static io.retrobridge.retro.ReleaseFacts.ENDED;
import static io.retrobridge.retro.ReleaseFacts.change;
import static io.retrobridge.retro.ReleaseFacts.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ChangeState;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.RetrospectiveTrigger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The running connector's release triggers, with the shipped retrospectives.yaml, the real inbox and the real store of
 * failed releases: each retrospective is one retro:open event, whatever repeats, and nobody handles it on this branch
 * yet, so it is parked with its reason.
 */
@SpringBootTest
@ActiveProfiles("test")
class RetrospectiveTriggersInboxTest {

    @Autowired
    RetrospectiveTriggers triggers;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void clean() {
        jdbc.sql("DELETE FROM dead_letters").update();
        jdbc.sql("DELETE FROM inbound_events").update();
        jdbc.sql("DELETE FROM release_failures").update();
    }

    private List<Map<String, Object>> retroEvents() {
        return jdbc.sql("SELECT source_system, event_kind, entity_id, dedup_key, payload, status FROM inbound_events"
                + " WHERE event_kind = 'retro:open' ORDER BY arrival_seq").query().listOfRows();
    }

    @Test
    void theSameFailedDeploymentTwiceLeavesExactlyOneRetroOpenEvent() {
        Deployment failed = deployment("checkout", "production", "2.7.1", DeploymentResult.FAILURE, false, null);

        triggers.deploymentRecorded(failed);
        triggers.deploymentRecorded(failed);

        List<Map<String, Object>> events = retroEvents();
        assertThat(events).hasSize(1);
        Map<String, Object> event = events.get(0);
        assertThat(event).containsEntry("SOURCE_SYSTEM", "RETROBRIDGE").containsEntry("ENTITY_ID",
                "release:checkout:production:2.7.1").containsEntry("DEDUP_KEY",
                "retro:open:release:checkout:production:2.7.1").containsEntry("STATUS", "PENDING");
        RetrospectiveTrigger trigger = TriggerJson.read((String) event.get("PAYLOAD"));
        assertThat(trigger.key()).isEqualTo("release:checkout:production:2.7.1");
        assertThat(trigger.ruleId()).isEqualTo("failed-production-deployment");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM release_failures").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFailedDeploymentAndItsUnsuccessfulChangeOpenOne() {
        triggers.deploymentRecorded(deployment("payment-gateway", "production", "4.2.0", DeploymentResult.FAILURE,
                false, "CHG0031001"));
        triggers.changeRecorded(change("CHG0031001", "normal", ChangeState.CLOSED, "unsuccessful", "payment-gateway"),
                Optional.empty());

        assertThat(retroEvents()).extracting(row -> row.get("ENTITY_ID")).containsExactly("change:CHG0031001");
    }

    @Test
    void aProgramCrossesItsThresholdOnceThroughTheStore() {
        for (int i = 1; i <= 4; i++) {
            triggers.deploymentRecorded(deployment("run-" + i, "ledger", "production", "8." + i,
                    DeploymentResult.FAILURE, false, null, ENDED.plus(Duration.ofDays(i))));
        }
        assertThat(retroEvents()).extracting(row -> row.get("ENTITY_ID")).containsExactly(
                "release:ledger:production:8.1", "release:ledger:production:8.2", "release:ledger:production:8.3",
                "program:payments:release:ledger:production:8.1", "release:ledger:production:8.4");
    }
}
