package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.DeploymentStore.Recorded;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the deployment handler and the retrospective criteria rely on from any {@link DeploymentStore}. */
abstract class DeploymentStoreContract extends StoreContractSupport {

    private static final ExternalSystem PIPELINE = ExternalSystem.valueOf("PIPELINE");
    private static final ExternalSystem GITHUB = ExternalSystem.valueOf("GITHUB");
    private static final Instant STARTED = Instant.parse("2026-12-01T14:02:11.123456Z");
    private static final Instant FINISHED = Instant.parse("2026-12-01T14:09:47.654321Z");

    private DeploymentStore store() {
        return port(DeploymentStore.class);
    }

    @BeforeEach
    void noDeployments() {
        port(JdbcClient.class).sql("DELETE FROM deployments").update();
    }

    @Test
    void aReportIsStoredWithEveryFieldAndReadBackEqual() {
        Deployment finished = new Deployment(PIPELINE, "8812", "payment-gateway", "production", "4.2.1",
                "9f2c4e1a7b3d5f608192a3b4c5d6e7f809a1b2c3", "payment-gateway release",
                "https://ci.example.com/runs/8812", STARTED, FINISHED, DeploymentResult.FAILURE, true, "CHG0030001");

        Recorded recorded = store().record(finished);

        assertThat(recorded.changed()).isTrue();
        assertThat(recorded.deployment()).isEqualTo(finished);
        assertThat(store().find("PIPELINE", "8812")).contains(finished);
        assertThat(store().find("GITHUB", "8812")).isEmpty();
    }

    @Test
    void theSameReportAgainChangesNothing() {
        store().record(started("8812", "4.2.1"));

        Recorded again = store().record(started("8812", "4.2.1"));

        assertThat(again.changed()).isFalse();
        assertThat(again.deployment()).isEqualTo(started("8812", "4.2.1"));
    }

    @Test
    void timesFinerThanAMicrosecondDoNotMakeARepeatLookNew() {
        Instant nanos = STARTED.plusNanos(789);
        store().record(running("8812", nanos));

        assertThat(store().record(running("8812", nanos)).changed()).isFalse();
        assertThat(store().find("PIPELINE", "8812").orElseThrow().startedAt()).isEqualTo(STARTED);
    }

    @Test
    void theEndFollowingTheStartCompletesTheRun() {
        store().record(started("8812", "4.2.1"));

        Recorded end = store().record(finishedOnly("8812", DeploymentResult.SUCCESS));

        assertThat(end.changed()).isTrue();
        assertThat(end.deployment().startedAt()).isEqualTo(STARTED);
        assertThat(end.deployment().finishedAt()).isEqualTo(FINISHED);
        assertThat(end.deployment().result()).isEqualTo(DeploymentResult.SUCCESS);
        assertThat(end.deployment().commitSha()).isEqualTo("9f2c4e1");
    }

    @Test
    void aStartArrivingAfterTheEndFillsTheStartAndNeverUndoesTheEnd() {
        store().record(finishedOnly("8812", DeploymentResult.FAILURE));

        Recorded late = store().record(started("8812", "4.2.1"));

        assertThat(late.changed()).isTrue();
        Deployment run = store().find("PIPELINE", "8812").orElseThrow();
        assertThat(run.startedAt()).isEqualTo(STARTED);
        assertThat(run.finishedAt()).isEqualTo(FINISHED);
        assertThat(run.result()).isEqualTo(DeploymentResult.FAILURE);
        assertThat(run.commitSha()).as("filled from the start").isEqualTo("9f2c4e1");
        assertThat(run.pipeline()).as("kept from the end").isEqualTo("release");
        assertThat(store().record(started("8812", "4.2.1")).changed()).isFalse();
        assertThat(store().between("payment-gateway", "production", STARTED, FINISHED.plusSeconds(1))).hasSize(1);
    }

    @Test
    void ofTwoEndsTheLaterOneWinsWhicheverArrivesLast() {
        store().record(finishedOnly("8812", DeploymentResult.FAILURE));
        Deployment rerun = new Deployment(PIPELINE, "8812", "payment-gateway", "production", "4.2.1", null, null, null,
                null, FINISHED.plusSeconds(600), DeploymentResult.SUCCESS, false, null);

        assertThat(store().record(rerun).deployment().result()).isEqualTo(DeploymentResult.SUCCESS);
        Recorded stale = store().record(finishedOnly("8812", DeploymentResult.FAILURE));

        assertThat(stale.changed()).isFalse();
        assertThat(stale.deployment().result()).isEqualTo(DeploymentResult.SUCCESS);
        assertThat(stale.deployment().finishedAt()).isEqualTo(FINISHED.plusSeconds(600));
        assertThat(stale.deployment().runUrl()).as("filled from the earlier end").isEqualTo("https://ci.example.com/runs/8812");
    }

    @Test
    void aStartLaterThanTheKnownEndIsNotKept() {
        store().record(finishedOnly("8812", DeploymentResult.FAILURE));

        Recorded late = store().record(running("8812", FINISHED.plusSeconds(60)));

        assertThat(late.changed()).isFalse();
        assertThat(late.deployment().startedAt()).isNull();
        assertThat(late.deployment().finishedAt()).isEqualTo(FINISHED);
    }

    @Test
    void aRollbackOnceKnownStaysKnown() {
        store().record(finishedOnly("8812", DeploymentResult.SUCCESS).asRollback());

        Recorded plain = store().record(finishedOnly("8812", DeploymentResult.SUCCESS));

        assertThat(plain.changed()).isFalse();
        assertThat(plain.deployment().rollback()).isTrue();
    }

    @Test
    void runsAreKnownBySourceAndRunId() {
        store().record(started("8812", "4.2.1"));
        store().record(new Deployment(GITHUB, "8812", "payment-gateway", "production", "4.2.0", null, null, null,
                STARTED, null, DeploymentResult.RUNNING, false, null));

        assertThat(store().find("PIPELINE", "8812").orElseThrow().version()).isEqualTo("4.2.1");
        assertThat(store().find("GITHUB", "8812").orElseThrow().version()).isEqualTo("4.2.0");
    }

    @Test
    void concurrentReportsOfOneNewRunMergeIntoOneRow() throws InterruptedException {
        List<Outcome<Recorded>> outcomes = raceOn(8, () -> store().record(finishedOnly("8812", DeploymentResult.SUCCESS)));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(outcomes).filteredOn(outcome -> outcome.value().changed()).hasSize(1);
        assertThat(port(JdbcClient.class).sql("SELECT COUNT(*) FROM deployments").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void historyIsReadByApplicationEnvironmentAndTimeNewestFirst() {
        store().record(success("1", "4.1.0", 0));
        store().record(success("2", "4.2.0", 1));
        store().record(failure("3", "4.2.1", 2));
        store().record(success("4", "4.2.1", 3));
        store().record(new Deployment(PIPELINE, "5", "payment-gateway", "staging", "4.3.0", null, null, null,
                null, hour(4), DeploymentResult.SUCCESS, false, null));
        store().record(new Deployment(PIPELINE, "6", "checkout", "production", "1.0.0", null, null, null,
                null, hour(4), DeploymentResult.SUCCESS, false, null));

        assertThat(store().between("payment-gateway", "production", hour(1), hour(3)))
                .extracting(Deployment::runId).containsExactly("3", "2");
        assertThat(store().successfulBefore("payment-gateway", "production", hour(3), 10))
                .extracting(Deployment::runId).containsExactly("2", "1");
        assertThat(store().successfulBefore("payment-gateway", "production", hour(5), 2))
                .extracting(Deployment::runId).containsExactly("4", "2");
    }

    @Test
    void theRunsOfAChangeComeOldestFirst() {
        store().record(withChange("2", hour(2), "CHG0030001"));
        store().record(withChange("1", hour(1), "CHG0030001"));
        store().record(withChange("3", hour(3), "CHG0030002"));

        assertThat(store().forChange("CHG0030001")).extracting(Deployment::runId).containsExactly("1", "2");
        assertThat(store().forChange("CHG0039999")).isEmpty();
    }

    private static Deployment started(String runId, String version) {
        return new Deployment(PIPELINE, runId, "payment-gateway", "production", version, "9f2c4e1", "release",
                null, STARTED, null, DeploymentResult.RUNNING, false, null);
    }

    private static Deployment running(String runId, Instant startedAt) {
        return new Deployment(PIPELINE, runId, "payment-gateway", "production", "4.2.1", null, null, null,
                startedAt, null, DeploymentResult.RUNNING, false, null);
    }

    private static Deployment finishedOnly(String runId, DeploymentResult result) {
        return new Deployment(PIPELINE, runId, "payment-gateway", "production", "4.2.1", null, "release",
                "https://ci.example.com/runs/" + runId, null, FINISHED, result, false, "CHG0030001");
    }

    private static Deployment success(String runId, String version, int hours) {
        return new Deployment(PIPELINE, runId, "payment-gateway", "production", version, null, null, null,
                hour(hours).minusSeconds(300), hour(hours), DeploymentResult.SUCCESS, false, null);
    }

    private static Deployment failure(String runId, String version, int hours) {
        return new Deployment(PIPELINE, runId, "payment-gateway", "production", version, null, null, null,
                hour(hours).minusSeconds(300), hour(hours), DeploymentResult.FAILURE, false, null);
    }

    private static Deployment withChange(String runId, Instant finishedAt, String change) {
        return new Deployment(PIPELINE, runId, "payment-gateway", "production", "4.2." + runId, null, null, null,
                null, finishedAt, DeploymentResult.SUCCESS, false, change);
    }

    private static Instant hour(int hours) {
        return STARTED.plusSeconds(3600L * hours);
    }
}
