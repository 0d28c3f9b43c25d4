package io.retrobridge.pipeline;

import static io.retrobridge.pipeline.DeploymentEvents.finished;
import static io.retrobridge.pipeline.DeploymentEvents.json;
import static io.retrobridge.pipeline.DeploymentEvents.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ChangeState;
import io.retrobridge.domain.ChangeStateMove;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.ChangeRecordStore;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.ReleaseTriggers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A pipeline posts deployment events to {@code POST /api/events/deployments} with its key; the inbox worker records
 * each run through the deployment handler. Everything is seen from outside: the HTTP answer, the inbox record and
 * the stored run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=release-pipeline",
        "retrobridge.security.api-keys[0].key=" + DeploymentEventsApiTest.PIPELINE_KEY,
        "retrobridge.security.api-keys[0].role=pipeline",
        "retrobridge.security.api-keys[1].name=grafana",
        "retrobridge.security.api-keys[1].key=" + DeploymentEventsApiTest.VIEWER_KEY,
        "retrobridge.security.api-keys[1].role=viewer",
        "retrobridge.sync.enabled=true",
        "retrobridge.sync.drain-interval=200ms",
        "retrobridge.sync.first-poll-delay=0s"})
@ActiveProfiles("test")
@Import(DeploymentEventsApiTest.ReleasePorts.class)
class DeploymentEventsApiTest {

    static final String PIPELINE_KEY = "pipe-Rb4dT7yK2mQ9wE5x";
    static final String VIEWER_KEY = "view-Nc8vB3xZ6lP1sA4d";
    private static final ExternalSystem PIPELINE = ExternalSystem.valueOf("PIPELINE");

    /**
     * Only the action-item mapping: with no retrospectives.yaml and no pir-metrics.yaml, no other listener adds its
     * decision to the outcomes these tests read.
     */
    static final Path MAPPINGS = actionItemsOnly();

    @DynamicPropertySource
    static void mappings(DynamicPropertyRegistry registry) {
        registry.add("retrobridge.mappings-dir", MAPPINGS::toString);
    }

    private static Path actionItemsOnly() {
        try {
            Path dir = Files.createTempDirectory("retrobridge-deployment-mappings");
            Files.copy(Path.of("mappings", "action-items.yaml"), dir.resolve("action-items.yaml"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stand-ins for the ports other parts implement: the change records read, and the release triggers told. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ReleasePorts {
        @Bean
        @Primary
        KnownChanges knownChanges() {
            return new KnownChanges();
        }

        @Bean
        @Primary
        ToldTriggers toldTriggers() {
            return new ToldTriggers();
        }
    }

    static class KnownChanges implements ChangeRecordStore {
        final Map<String, ChangeRecord> byNumber = new ConcurrentHashMap<>();

        @Override
        public Optional<ChangeRecord> save(ChangeRecord change) {
            return Optional.ofNullable(byNumber.put(change.number(), change));
        }

        @Override
        public Optional<ChangeRecord> findByNumber(String number) {
            return Optional.ofNullable(byNumber.get(number));
        }

        @Override
        public List<ChangeStateMove> stateMoves(String number) {
            return List.of();
        }
    }

    static class ToldTriggers implements ReleaseTriggers {
        final List<Deployment> deployments = new CopyOnWriteArrayList<>();

        @Override
        public String deploymentRecorded(Deployment deployment) {
            deployments.add(deployment);
            return "";
        }

        @Override
        public String changeRecorded(ChangeRecord change, Optional<ChangeRecord> previous) {
            return "";
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeploymentStore deployments;

    @Autowired
    KnownChanges changes;

    @Autowired
    ToldTriggers triggers;

    DeploymentEvents pipeline;

    @BeforeEach
    void emptyStores() {
        jdbc.sql("DELETE FROM inbound_events").update();
        jdbc.sql("DELETE FROM deployments").update();
        changes.byNumber.clear();
        triggers.deployments.clear();
        pipeline = new DeploymentEvents(port);
    }

    @Test
    void eachFieldLandsInTheStoreExactly() {
        HttpResponse<String> response = pipeline.post(finished("8812", "failure"), PIPELINE_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json(response).get("status").asText()).isEqualTo("accepted");
        assertThat(outcome(response)).isEqualTo("APPLIED: recorded payment-gateway 4.2.1 to production: FAILURE");
        Deployment expected = new Deployment(PIPELINE, "8812", "payment-gateway", "production", "4.2.1",
                "9f2c4e1a7b3d5f608192a3b4c5d6e7f809a1b2c3", "payment-gateway release",
                "https://ci.example.com/payment-gateway/runs/8812", Instant.parse("2026-12-01T14:02:11Z"),
                Instant.parse("2026-12-01T14:09:47Z"), DeploymentResult.FAILURE, false, "CHG0030001");
        assertThat(deployments.find("PIPELINE", "8812")).contains(expected);
        assertThat(triggers.deployments).containsExactly(expected);
        Map<String, Object> event = jdbc.sql("SELECT source_system, event_kind, entity_id FROM inbound_events")
                .query().singleRow();
        assertThat(event).containsEntry("SOURCE_SYSTEM", "PIPELINE").containsEntry("EVENT_KIND", "pipeline:deployment")
                .containsEntry("ENTITY_ID", "payment-gateway@production");
    }

    @Test
    void valuesAreNormalisedAsDocumented() {
        ObjectNode event = finished("8813", "success");
        event.put("environment", "Production");
        event.put("commitSha", "9F2C4E1");
        event.put("changeNumber", "chg0030001");
        event.put("runId", 8813);
        event.remove(List.of("pipeline", "runUrl", "rollback"));

        assertThat(pipeline.post(event, PIPELINE_KEY).statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(deployments.find("PIPELINE", "8813")).hasValueSatisfying(run -> {
                    assertThat(run.environment()).isEqualTo("production");
                    assertThat(run.commitSha()).isEqualTo("9f2c4e1");
                    assertThat(run.changeNumber()).isEqualTo("CHG0030001");
                    assertThat(run.pipeline()).isNull();
                    assertThat(run.runUrl()).isNull();
                }));
    }

    @Test
    void aRepeatIsStoredOnceAndRecordedOnce() {
        HttpResponse<String> first = pipeline.post(finished("8812", "success"), PIPELINE_KEY);
        HttpResponse<String> repeat = pipeline.post(finished("8812", "success"), PIPELINE_KEY);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(json(repeat).get("status").asText()).isEqualTo("duplicate");
        assertThat(outcome(first)).startsWith("APPLIED: recorded payment-gateway 4.2.1 to production: SUCCESS");
        assertThat(count("inbound_events")).isEqualTo(1);
        assertThat(count("deployments")).isEqualTo(1);
        assertThat(triggers.deployments).hasSize(1);
    }

    @Test
    void anEndArrivingBeforeItsStartMergesIntoOneRunWithBothTimes() {
        ObjectNode end = finished("8812", "failure");
        end.remove("startedAt");
        HttpResponse<String> endFirst = pipeline.post(end, PIPELINE_KEY);
        assertThat(outcome(endFirst)).isEqualTo("APPLIED: recorded payment-gateway 4.2.1 to production: FAILURE");

        HttpResponse<String> startAfter = pipeline.post(started("8812", "4.2.1"), PIPELINE_KEY);

        assertThat(startAfter.statusCode()).isEqualTo(202);
        assertThat(outcome(startAfter)).isEqualTo("APPLIED: recorded payment-gateway 4.2.1 to production: FAILURE");
        Deployment run = deployments.find("PIPELINE", "8812").orElseThrow();
        assertThat(run.startedAt()).isEqualTo(Instant.parse("2026-12-01T14:02:11Z"));
        assertThat(run.finishedAt()).isEqualTo(Instant.parse("2026-12-01T14:09:47Z"));
        assertThat(run.result()).isEqualTo(DeploymentResult.FAILURE);
        assertThat(count("deployments")).isEqualTo(1);
        assertThat(triggers.deployments).extracting(Deployment::result)
                .containsExactly(DeploymentResult.FAILURE, DeploymentResult.FAILURE);
    }

    @Test
    void aLateStartThatSaysNothingNewChangesNothingAndSaysSo() {
        assertThat(outcome(pipeline.post(finished("8812", "success"), PIPELINE_KEY))).startsWith("APPLIED");

        HttpResponse<String> lateStart = pipeline.post(started("8812", "4.2.1"), PIPELINE_KEY);

        assertThat(outcome(lateStart)).isEqualTo("SKIPPED: payment-gateway 4.2.1 to production (run 8812 from"
                + " PIPELINE) is already recorded as SUCCESS; this report changed nothing");
        assertThat(deployments.find("PIPELINE", "8812").orElseThrow().result()).isEqualTo(DeploymentResult.SUCCESS);
        assertThat(triggers.deployments).hasSize(1);
    }

    @Test
    void aRollbackIsRecognisedFromTheFlag() {
        ObjectNode event = deployed("checkout", "1", "2.0.0", "success", 0);
        event.put("rollback", true);

        assertThat(outcome(pipeline.post(event, PIPELINE_KEY)))
                .isEqualTo("APPLIED: recorded checkout 2.0.0 to production: SUCCESS, rollback (said by the pipeline)");
        assertThat(deployments.find("PIPELINE", "1").orElseThrow().rollback()).isTrue();
        assertThat(triggers.deployments).singleElement().extracting(Deployment::rollback).isEqualTo(true);
    }

    @Test
    void aRedeployOfAnEarlierVersionIsARollbackAndMovingOnIsNot() {
        assertThat(outcome(pipeline.post(deployed("ledger", "1", "4.2.0", "success", 0), PIPELINE_KEY)))
                .isEqualTo("APPLIED: recorded ledger 4.2.0 to production: SUCCESS");
        assertThat(outcome(pipeline.post(deployed("ledger", "2", "4.10.0", "success", 1), PIPELINE_KEY)))
                .isEqualTo("APPLIED: recorded ledger 4.10.0 to production: SUCCESS");
        // Another environment's history says nothing about production.
        assertThat(outcome(pipeline.post(deployed("ledger", "3", "5.0.0", "success", 2, "staging"), PIPELINE_KEY)))
                .isEqualTo("APPLIED: recorded ledger 5.0.0 to staging: SUCCESS");

        assertThat(outcome(pipeline.post(deployed("ledger", "4", "4.2.0", "success", 3), PIPELINE_KEY)))
                .isEqualTo("APPLIED: recorded ledger 4.2.0 to production: SUCCESS, rollback (redeploy of an earlier"
                        + " version: 4.2.0 after 4.10.0)");
        assertThat(outcome(pipeline.post(deployed("ledger", "5", "4.11.0", "success", 4), PIPELINE_KEY)))
                .isEqualTo("APPLIED: recorded ledger 4.11.0 to production: SUCCESS");

        assertThat(deployments.find("PIPELINE", "4").orElseThrow().rollback()).isTrue();
        assertThat(deployments.find("PIPELINE", "5").orElseThrow().rollback()).isFalse();
        assertThat(deployments.find("PIPELINE", "3").orElseThrow().rollback()).isFalse();
    }

    @Test
    void aRedeployOfAnEarlierCommitIsARollbackWhereVersionsAreCommitShas() {
        outcome(pipeline.post(deployed("search", "1", "a1b2c3d", "success", 0), PIPELINE_KEY));
        outcome(pipeline.post(deployed("search", "2", "e4f5a6b", "success", 1), PIPELINE_KEY));

        assertThat(outcome(pipeline.post(deployed("search", "3", "a1b2c3d", "failure", 2), PIPELINE_KEY)))
                .isEqualTo("APPLIED: recorded search a1b2c3d to production: FAILURE, rollback (redeploy of an earlier"
                        + " version: a1b2c3d after e4f5a6b)");
        assertThat(outcome(pipeline.post(deployed("search", "4", "c7d8e9f", "success", 3), PIPELINE_KEY)))
                .isEqualTo("APPLIED: recorded search c7d8e9f to production: SUCCESS");
    }

    @Test
    void aRollbackIsRecognisedFromTheChangesCloseCode() {
        changes.save(change("CHG0030007", "Backed Out"));
        changes.save(change("CHG0030008", "successful"));
        ObjectNode backedOut = deployed("billing", "1", "3.0.0", "success", 0);
        backedOut.put("changeNumber", "CHG0030007");
        ObjectNode successful = deployed("billing", "2", "3.0.1", "success", 1);
        successful.put("changeNumber", "CHG0030008");

        assertThat(outcome(pipeline.post(backedOut, PIPELINE_KEY))).isEqualTo("APPLIED: recorded billing 3.0.0 to"
                + " production: SUCCESS, rollback (change CHG0030007 closed Backed Out)");
        assertThat(outcome(pipeline.post(successful, PIPELINE_KEY)))
                .isEqualTo("APPLIED: recorded billing 3.0.1 to production: SUCCESS");
        assertThat(deployments.find("PIPELINE", "1").orElseThrow().rollback()).isTrue();
        assertThat(deployments.find("PIPELINE", "2").orElseThrow().rollback()).isFalse();
    }

    @Test
    void onlyAPipelineKeyOrBetterMayPost() {
        HttpResponse<String> viewer = pipeline.post(finished("8812", "success"), VIEWER_KEY);
        HttpResponse<String> anonymous = pipeline.post(finished("8812", "success"), null);

        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(json(viewer).get("requiredRole").asText()).isEqualTo("pipeline");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(count("inbound_events")).isZero();
    }

    static Stream<Arguments> refusedEvents() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"application\": \"payment-gateway\",", "not valid JSON"),
                Arguments.of("not an object", "[1, 2]", "not an object"),
                Arguments.of("missing application", without("application"), "application is missing"),
                Arguments.of("missing runId", without("runId"), "runId is missing"),
                Arguments.of("missing times", without("startedAt", "finishedAt", "result"), "startedAt is missing"),
                Arguments.of("bad result", with(e -> e.put("result", "succeeded")), "result 'succeeded' is not allowed"),
                Arguments.of("result without end", with(e -> e.remove("finishedAt")), "finishedAt is missing"),
                Arguments.of("end without result", with(e -> e.remove("result")), "result is missing"),
                Arguments.of("end before start", with(e -> e.put("finishedAt", "2026-12-01T14:00:00Z")),
                        "finishedAt 2026-12-01T14:00:00Z is before startedAt 2026-12-01T14:02:11Z"),
                Arguments.of("time without offset", with(e -> e.put("startedAt", "2026-12-01 14:02")),
                        "startedAt '2026-12-01 14:02' is not a date-time"),
                Arguments.of("rollback as text", with(e -> e.put("rollback", "yes")), "rollback is a string"),
                Arguments.of("version as number", with(e -> e.put("version", 4.2)), "version is a number"),
                Arguments.of("unknown field", with(e -> e.put("commit_sha", "9f2c4e1")), "'commit_sha' is not a field"),
                Arguments.of("markup in application", with(e -> e.put("application", "<script>alert(1)</script>")),
                        "application '<script>alert(1)</script>' is not allowed"),
                Arguments.of("control character in environment", with(e -> e.put("environment", "prod\u0000")),
                        "environment 'prod?' is not allowed"),
                Arguments.of("line break in pipeline", with(e -> e.put("pipeline", "release\r\nX-Injected: 1")),
                        "pipeline 'release??X-Injected: 1' is not allowed"),
                Arguments.of("markup in pipeline", with(e -> e.put("pipeline", "<img src=x onerror=alert(1)>")),
                        "pipeline '<img src=x onerror=alert(1)>' is not allowed"),
                Arguments.of("script URL", with(e -> e.put("runUrl", "javascript:alert(1)")),
                        "runUrl 'javascript:alert(1)' is not allowed"),
                Arguments.of("URL with credentials", with(e -> e.put("runUrl", "https://user:pw@ci.example.com/1")),
                        "runUrl 'https://user:pw@ci.example.com/1' is not allowed"),
                Arguments.of("overlong version", with(e -> e.put("version", "1".repeat(129))), "version '111"),
                Arguments.of("huge number as run id", "{\"application\": \"a\", \"environment\": \"b\","
                        + " \"version\": \"1\", \"startedAt\": \"2026-12-01T14:02:11Z\", \"runId\": "
                        + "9".repeat(300) + "}", "runId '999"),
                Arguments.of("fraction as run id", with(e -> e.put("runId", 12.5)), "runId is a number"),
                Arguments.of("path in run id", with(e -> e.put("runId", "../../etc/passwd")),
                        "runId '../../etc/passwd' is not allowed"),
                Arguments.of("query in change number", with(e -> e.put("changeNumber", "CHG0030001^ORnumber!=x")),
                        "changeNumber 'CHG0030001^ORnumber!=x' is not allowed"),
                Arguments.of("sha with quotes", with(e -> e.put("commitSha", "9f2c4e1' OR '1'='1")),
                        "commitSha '9f2c4e1' OR '1'='1' is not allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedEvents")
    void badInputIsRefusedNamingTheFieldAndNothingIsStored(String what, String body, String error) {
        HttpResponse<String> response = pipeline.post(body, PIPELINE_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).contains(error);
        assertThat(count("inbound_events")).isZero();
        assertThat(count("deployments")).isZero();
    }

    private static String without(String... fields) {
        ObjectNode event = finished("9001", "success");
        event.remove(List.of(fields));
        return event.toString();
    }

    private static String with(Consumer<ObjectNode> change) {
        ObjectNode event = finished("9001", "success");
        change.accept(event);
        return event.toString();
    }

    /** A run of {@code application} to production ending {@code hours} after a fixed time. */
    private static ObjectNode deployed(String application, String runId, String version, String result, int hours) {
        return deployed(application, runId, version, result, hours, "production");
    }

    private static ObjectNode deployed(String application, String runId, String version, String result, int hours,
                                       String environment) {
        Instant end = Instant.parse("2026-12-01T10:00:00Z").plus(Duration.ofHours(hours));
        ObjectNode event = finished(runId, result);
        event.put("application", application);
        event.put("environment", environment);
        event.put("version", version);
        event.put("startedAt", end.minusSeconds(300).toString());
        event.put("finishedAt", end.toString());
        event.remove("changeNumber");
        return event;
    }

    private static ChangeRecord change(String number, String closeCode) {
        Instant closed = Instant.parse("2026-12-01T09:00:00Z");
        return new ChangeRecord("sys-" + number, number, "Release", "normal", ChangeState.CLOSED, "3", "2", "Payments",
                "billing", null, null, null, closed, closeCode, "", closed);
    }

    /**
     * Waits for the inbox worker to finish the event the response stored; "STATUS: reason", the reason as the
     * deployment handler gave it (the retrospective triggers' "no retrospectives.yaml" after it is left out: these
     * tests are about recording runs).
     */
    private String outcome(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        UUID id = UUID.fromString(json(response).get("event").asText());
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "SELECT status, outcome_reason FROM inbound_events WHERE id = :id")
                .param("id", id).query((row, n) -> row.getString(1) + ": " + row.getString(2)).single(),
                done -> done.startsWith("APPLIED") || done.startsWith("SKIPPED") || done.startsWith("PARKED"))
                .replace("; no retrospective: there is no retrospectives.yaml", "");
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
