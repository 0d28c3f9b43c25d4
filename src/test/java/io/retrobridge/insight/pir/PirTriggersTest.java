package io.retrobridge.insight.pir;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ChangeState;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.testsupport.InMemoryInbox;
import io.retrobridge.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PirTriggersTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant ENDED = Instant.parse("2026-11-26T10:42:00Z");

    private final InMemoryInbox inbox = new InMemoryInbox();
    private final PirQueue queue = new PirQueue(inbox, Optional.of(new MutableClock(NOW)));
    private final PirStandIns.Summaries summaries = new PirStandIns.Summaries();

    private PirTriggers triggers(boolean enabled) {
        return new PirTriggers(PirStandIns.mappings(PirStandIns.mapping()), queue,
                Optional.of(new PirProperties(enabled, Duration.ofMinutes(15), Duration.ofHours(24))), summaries);
    }

    private static ChangeRecord change(ChangeState state, Instant updatedAt) {
        return new ChangeRecord("a1b2c3d4e5f60718293a4b5c6d7e8f90", "CHG0030001", "Payment gateway 4.2.0", "normal",
                state, "3", "2", "Payments", "payment-gateway", null, null, ENDED.minusSeconds(900), ENDED, null, null,
                updatedAt);
    }

    private static Deployment run(String environment, DeploymentResult result, String change, boolean rollback) {
        return new Deployment(ExternalSystem.valueOf("GITHUB"), "run-7", "payment-gateway", environment, "4.2.0",
                null, "release", "https://ci.example.com/runs/7", ENDED.minusSeconds(720),
                result.finished() ? ENDED : null, result, rollback, change);
    }

    @Test
    void aChangeMovingIntoReviewQueuesOneCollectionHeldUntilItsEndPlusTheAfterWindow() {
        PirTriggers triggers = triggers(true);
        ChangeRecord inReview = change(ChangeState.REVIEW, ENDED.plusSeconds(60));

        String words = triggers.changeRecorded(inReview, Optional.of(change(ChangeState.IMPLEMENT, ENDED)));

        assertThat(words).isEqualTo("PIR figures for change:CHG0030001 collected after 2026-11-26T11:42:00Z");
        assertThat(inbox.all()).singleElement().satisfies(held -> {
            assertThat(held.notBefore()).isEqualTo(ENDED.plus(Duration.ofHours(1)));
            assertThat(held.event().kind()).isEqualTo("pir:collect");
            assertThat(held.event().source()).isEqualTo(ExternalSystem.valueOf("RETROBRIDGE"));
            assertThat(held.event().entityId()).isEqualTo("pir:change:CHG0030001");
            PirRequest request = PirRequest.fromJson(held.event().payload());
            assertThat(request.key()).isEqualTo("change:CHG0030001");
            assertThat(request.changeNumber()).isEqualTo("CHG0030001");
            assertThat(request.moment()).isEqualTo(ENDED);
            assertThat(request.attempt()).isEqualTo(1);
        });
    }

    @Test
    void aChangeStayingInReviewIsNotQueuedAgain() {
        PirTriggers triggers = triggers(true);
        ChangeRecord entered = change(ChangeState.REVIEW, ENDED.plusSeconds(60));
        triggers.changeRecorded(entered, Optional.of(change(ChangeState.IMPLEMENT, ENDED)));

        String words = triggers.changeRecorded(change(ChangeState.REVIEW, ENDED.plusSeconds(600)),
                Optional.of(entered));

        assertThat(words).isEmpty();
        assertThat(inbox.all()).hasSize(1);
    }

    @Test
    void aChangeInAnotherStateIsNotQueued() {
        String words = triggers(true).changeRecorded(change(ChangeState.IMPLEMENT, ENDED), Optional.empty());

        assertThat(words).isEmpty();
        assertThat(inbox.all()).isEmpty();
    }

    @Test
    void aChangeReadForTheFirstTimeAfterItsFiguresWereCollectedHasThemCollectedAgainAtOnceToBeWrittenOntoIt() {
        Instant collected = ENDED.plus(Duration.ofMinutes(61));
        summaries.save(new PirSummary("change:CHG0030001", "CHG0030001", "payment-gateway", "production",
                "payment-gateway", "4.2.0", ENDED, ENDED.minus(Duration.ofHours(1)), ENDED.plus(Duration.ofHours(1)),
                List.of(), List.of(), List.of(), null, null, collected, 1));
        PirTriggers triggers = triggers(true);

        String words = triggers.changeRecorded(change(ChangeState.CLOSED, ENDED), Optional.empty());
        String again = triggers.changeRecorded(change(ChangeState.CLOSED, ENDED.plusSeconds(5)),
                Optional.of(change(ChangeState.CLOSED, ENDED)));

        assertThat(words).isEqualTo("PIR figures for change:CHG0030001 collected again to be written onto it");
        assertThat(again).as("only when the change is first read").isEmpty();
        assertThat(inbox.all()).singleElement().satisfies(held -> {
            assertThat(held.notBefore()).isEqualTo(collected);
            assertThat(PirRequest.fromJson(held.event().payload()).changeNumber()).isEqualTo("CHG0030001");
        });
    }

    @Test
    void aChangeReadForTheFirstTimeWithoutFiguresQueuesNothing() {
        assertThat(triggers(true).changeRecorded(change(ChangeState.CLOSED, ENDED), Optional.empty())).isEmpty();
        assertThat(inbox.all()).isEmpty();
    }

    @Test
    void aChangeWithoutActualEndIsHeldFromTheVersionThatShowedItInReview() {
        ChangeRecord noEnd = new ChangeRecord("a1b2c3d4e5f60718293a4b5c6d7e8f90", "CHG0030002", "x", "normal",
                ChangeState.REVIEW, null, null, null, "payment-gateway", null, null, null, null, null, null, ENDED);

        triggers(true).changeRecorded(noEnd, Optional.empty());

        assertThat(inbox.all()).singleElement().extracting(InMemoryInbox.Held::notBefore)
                .isEqualTo(ENDED.plus(Duration.ofHours(1)));
    }

    @Test
    void aFinishedProductionDeploymentIsQueuedOnceUnderItsChangeWhateverItsResult() {
        PirTriggers triggers = triggers(true);

        String words = triggers.deploymentRecorded(run("production", DeploymentResult.FAILURE, "CHG0030001", false));
        String again = triggers.deploymentRecorded(run("production", DeploymentResult.FAILURE, "CHG0030001", false));

        assertThat(words).isEqualTo("PIR figures for change:CHG0030001 collected after 2026-11-26T11:42:00Z");
        assertThat(again).isEqualTo("PIR figures for change:CHG0030001 were queued before");
        assertThat(inbox.all()).singleElement().satisfies(held -> {
            assertThat(held.notBefore()).isEqualTo(ENDED.plus(Duration.ofHours(1)));
            PirRequest request = PirRequest.fromJson(held.event().payload());
            assertThat(request.application()).isEqualTo("payment-gateway");
            assertThat(request.environment()).isEqualTo("production");
            assertThat(request.moment()).isEqualTo(ENDED);
        });
    }

    @Test
    void aProductionRollbackWithoutChangeIsQueuedUnderItsApplicationEnvironmentAndVersion() {
        String words = triggers(true).deploymentRecorded(run("production", DeploymentResult.SUCCESS, null, true));

        assertThat(words).isEqualTo("PIR figures for payment-gateway@production@4.2.0 collected after "
                + "2026-11-26T11:42:00Z");
        assertThat(inbox.all()).singleElement().satisfies(held -> {
            assertThat(held.event().entityId()).isEqualTo("pir:payment-gateway@production@4.2.0");
            assertThat(PirRequest.fromJson(held.event().payload()).changeNumber()).isNull();
        });
    }

    @Test
    void stagingAndRunningDeploymentsAreNotQueued() {
        PirTriggers triggers = triggers(true);

        assertThat(triggers.deploymentRecorded(run("staging", DeploymentResult.SUCCESS, "CHG0030001", false)))
                .isEmpty();
        assertThat(triggers.deploymentRecorded(run("production", DeploymentResult.RUNNING, "CHG0030001", false)))
                .isEmpty();
        assertThat(inbox.all()).isEmpty();
    }

    @Test
    void nothingIsQueuedWhenSwitchedOffOrWithoutPirMetricsYaml() {
        PirTriggers off = triggers(false);
        PirTriggers noFile = new PirTriggers(PirStandIns.mappings(null), queue, Optional.empty(), summaries);

        assertThat(off.deploymentRecorded(run("production", DeploymentResult.SUCCESS, "CHG0030001", false))).isEmpty();
        assertThat(noFile.deploymentRecorded(run("production", DeploymentResult.SUCCESS, "CHG0030001", false)))
                .isEmpty();
        assertThat(noFile.changeRecorded(change(ChangeState.REVIEW, ENDED), Optional.empty())).isEmpty();
        assertThat(inbox.all()).isEmpty();
    }
}
