package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.flow.inbox.BackfillRunner;
import io.retrobridge.sandbox.jira.JiraSeed.IssueSpec;
import io.retrobridge.sync.BackfillRun;
import io.retrobridge.sync.BackfillRuns;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.SandboxPair;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Backfills are kept in the database and run by the backfill-runner route of whichever instance takes them. The
 * other instances are played here by writing their rows (and their writes) straight through the store, as their own
 * runners would: a run requested elsewhere is done here, a run whose instance died is taken over and finished, the
 * instance that lost its run writes nothing more to it, and a second request while a run is open gets that run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class BackfillHandOverTest {

    static final SandboxPair systems = new SandboxPair();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        systems.register(registry);
        registry.add("retrobridge.sync.backfill.runner-interval", () -> "200ms");
    }

    @AfterAll
    static void stop() {
        systems.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    BackfillRuns runs;

    @Autowired
    BackfillRunner runner;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noRuns() {
        jdbc.sql("DELETE FROM backfill_runs").update();
    }

    @Test
    void aRunRequestedOnAnotherInstanceIsTakenAndFinishedByThisInstancesRunner() {
        // What POST /api/admin/sync/backfill on another instance stores.
        BackfillRun requested = runs.request("ops on node-2").run();

        JsonNode backfill = awaitEnded();

        assertThat(backfill.path("state").asText()).isEqualTo("done");
        JsonNode run = backfill.path("run");
        assertThat(run.path("id").asLong()).isEqualTo(requested.id());
        assertThat(run.path("state").asText()).isEqualTo("done");
        assertThat(run.path("requestedBy").asText()).isEqualTo("ops on node-2");
        assertThat(run.path("instanceId").asText()).isEqualTo(runner.instanceId());
        assertThat(run.path("restarts").asInt()).isZero();
        assertThat(backfill.path("queued").fieldNames()).toIterable().containsExactly("servicenow", "jira");
        assertThat(backfill.hasNonNull("startedAt")).isTrue();
    }

    @Test
    void aRunWhoseInstanceDiedIsTakenOverAndFinishedAndTheDeadInstancesWritesAreRefused() {
        OffsetDateTime anHourAgo = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        long id = insertRunning("node-dead", 7, anHourAgo, 3);
        BackfillRun dead = runs.find(id).orElseThrow();

        JsonNode backfill = awaitEnded();

        assertThat(backfill.path("state").asText()).isEqualTo("done");
        assertThat(backfill.path("run").path("id").asLong()).isEqualTo(id);
        assertThat(backfill.path("run").path("instanceId").asText()).isEqualTo(runner.instanceId());
        assertThat(backfill.path("run").path("restarts").asInt()).isEqualTo(1);
        assertThat(backfill.path("processed").asLong()).as("the dead instance's work is counted on").isGreaterThanOrEqualTo(3);
        BackfillRun finished = runs.find(id).orElseThrow();
        assertThat(finished.claimToken()).isEqualTo(8);
        assertThat(runs.heartbeat(dead)).isFalse();
        assertThat(runs.progress(dead, 999)).isFalse();
        assertThat(runs.finish(dead, 999, "the dead instance's late word")).isFalse();
        assertThat(runs.find(id)).contains(finished);
    }

    @Test
    void aRunnerWhoseRunWasTakenOverStopsAndRecordsNothingMore(CapturedOutput output) {
        for (int i = 1; i <= 30; i++) {
            systems.jira.seed().issue(IssueSpec.of("PAY", "Task", "Hand-over item " + i).labels("retro-action"),
                    "557058:beth-anglin");
        }
        // Slow creates, so the run is still going when it is taken over.
        systems.servicenow.faults().latency(Duration.ofMillis(150));
        try {
            long id = SandboxPair.json(AdminApi.post(port, "/api/admin/sync/backfill")).path("run").path("id").asLong();
            await().atMost(Duration.ofSeconds(30)).until(() -> runs.find(id).map(BackfillRun::instanceId),
                    holder -> holder.filter(runner.instanceId()::equals).isPresent());

            // Another instance takes it, as it would once this one had been silent for stale-after.
            BackfillRun stolen = await().atMost(Duration.ofSeconds(10))
                    .until(() -> runs.take("node-2", Duration.ZERO), Optional::isPresent).orElseThrow();
            await().atMost(Duration.ofSeconds(60)).until(() -> output.getOut()
                    .contains("Backfill run " + id + " stopped on this instance"));

            assertThat(output.getOut()).contains("Backfill run " + id + " was taken over by another instance");
            assertThat(runs.find(id)).as("neither progress nor an outcome from the instance that lost it")
                    .contains(stolen);
            assertThat(stolen.restarts()).isEqualTo(1);
            assertThat(runs.finish(stolen, stolen.processed(), null)).as("node-2 still holds it").isTrue();
        } finally {
            systems.servicenow.faults().latency(Duration.ZERO);
        }
    }

    @Test
    void aSecondRequestWhileARunIsOpenAnswersWithTheOpenRun() {
        long id = insertRunning("node-2", 1, OffsetDateTime.now(ZoneOffset.UTC), 0);

        JsonNode first = SandboxPair.json(AdminApi.post(port, "/api/admin/sync/backfill"));
        JsonNode second = SandboxPair.json(AdminApi.post(port, "/api/admin/sync/backfill"));
        JsonNode status = SandboxPair.json(AdminApi.get(port, "/api/admin/sync/status")).path("backfill");

        for (JsonNode answer : new JsonNode[] {first, second, status}) {
            assertThat(answer.path("state").asText()).isEqualTo("running");
            assertThat(answer.path("run").path("id").asLong()).isEqualTo(id);
            assertThat(answer.path("run").path("state").asText()).isEqualTo("running");
            assertThat(answer.path("run").path("instanceId").asText()).isEqualTo("node-2");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM backfill_runs").query(Long.class).single()).isEqualTo(1);
        assertThat(runs.finish(runs.find(id).orElseThrow(), 0, null)).isTrue();
    }

    /** A run another instance holds, as its runner left it. */
    private long insertRunning(String instance, long token, OffsetDateTime heartbeat, long processed) {
        jdbc.sql("""
                        INSERT INTO backfill_runs (state, open_slot, requested_at, requested_by, instance_id, claim_token,
                                                   heartbeat_at, started_at, queued_json, processed)
                        VALUES ('running', 1, :at, 'ops-admin', :instance, :token, :heartbeat, :at, '{}', :processed)
                        """)
                .param("at", heartbeat)
                .param("instance", instance)
                .param("token", token)
                .param("heartbeat", heartbeat)
                .param("processed", processed)
                .update();
        return jdbc.sql("SELECT id FROM backfill_runs WHERE open_slot = 1").query(Long.class).single();
    }

    private JsonNode awaitEnded() {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> SandboxPair.json(AdminApi.get(port, "/api/admin/sync/status")).path("backfill"),
                        backfill -> !backfill.path("run").path("state").asText().matches("requested|running|"));
    }
}
