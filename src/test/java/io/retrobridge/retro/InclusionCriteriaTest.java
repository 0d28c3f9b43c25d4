package io.retrobridge.retro;

import static io.retrobridge.retro.ReleaseFacts.ENDED;
import static io.retrobridge.retro.ReleaseFacts.change;
import static io.retrobridge.retro.ReleaseFacts.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ChangeState;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.mapping.retro.RetrospectiveFiles;
import io.retrobridge.mapping.retro.RetrospectivesMapping;
import io.retrobridge.sync.ReleaseFailures.FailedRelease;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every trigger and non-trigger of the shipped retrospectives.yaml, decided exactly. */
class InclusionCriteriaTest {

    private static final RetrospectivesMapping SHIPPED = MappingFiles.load(MappingFiles.SHIPPED_DIR).retrospectives()
            .orElseThrow();
    /** Five business days after Friday 2026-12-04. */
    private static final LocalDate FIVE_BUSINESS_DAYS = LocalDate.of(2026, 12, 11);

    private final CountingMajorIncidents majorIncidents = new CountingMajorIncidents();
    private final InclusionCriteria criteria = new InclusionCriteria(SHIPPED, majorIncidents);

    private RetrospectiveTrigger opened(Judgement judgement) {
        assertThat(judgement.trigger()).as(judgement.reason()).isPresent();
        return judgement.trigger().get();
    }

    @Test
    void anUnsuccessfulChangeOpensADeepDiveDueFiveBusinessDaysAfterItClosed() {
        ChangeRecord change = change("CHG0030001", "normal", ChangeState.CLOSED, "unsuccessful", "payment-gateway");
        Judgement judgement = criteria.judge(change, Optional.empty());

        RetrospectiveTrigger trigger = opened(judgement);
        assertThat(trigger).isEqualTo(new RetrospectiveTrigger("change:CHG0030001", "change-failed", "deep-dive",
                List.of("summary", "timeline", "impact", "root-cause", "contributing-factors", "action-items"),
                List.of("detection", "customer-communication", "what-went-well", "metrics"),
                "normal change CHG0030001 closed unsuccessful", "payment-gateway", null, null, "CHG0030001", "payments",
                FIVE_BUSINESS_DAYS, ENDED, List.of("change:CHG0030001")));
        assertThat(judgement.reason()).isEqualTo(trigger.reason());
        assertThat(judgement.failure()).contains(new FailedRelease("change:CHG0030001", "payments", "payment-gateway",
                ENDED, null));
        assertThat(majorIncidents.askedAbout).as("decided before the major-incident rule").isEmpty();
    }

    @Test
    void aBackedOutChangeOpensADeepDive() {
        RetrospectiveTrigger trigger = opened(criteria.judge(change("CHG0030002", "normal", ChangeState.CLOSED,
                "backed_out", "checkout"), Optional.empty()));
        assertThat(trigger.ruleId()).isEqualTo("change-failed");
        assertThat(trigger.reason()).isEqualTo("normal change CHG0030002 closed backed_out");
    }

    @Test
    void anEmergencyChangeOpensALightweightOneThatIsNoFailedRelease() {
        Judgement judgement = criteria.judge(change("CHG0030003", "emergency", ChangeState.CLOSED, "successful",
                "ledger"), Optional.empty());
        RetrospectiveTrigger trigger = opened(judgement);
        assertThat(trigger.ruleId()).isEqualTo("emergency-change");
        assertThat(trigger.tier()).isEqualTo("lightweight");
        assertThat(trigger.mandatorySections()).containsExactly("summary", "timeline", "what-went-wrong", "action-items");
        assertThat(trigger.due()).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(judgement.failure()).isEmpty();
    }

    @Test
    void anUnsuccessfulEmergencyChangeIsAFailedChangeFirst() {
        Judgement judgement = criteria.judge(change("CHG0030004", "emergency", ChangeState.CLOSED, "unsuccessful",
                "ledger"), Optional.empty());
        assertThat(opened(judgement).ruleId()).isEqualTo("change-failed");
        assertThat(judgement.failure()).isPresent();
    }

    @Test
    void aFailedProductionDeploymentWithoutAChangeIsKnownByApplicationEnvironmentAndVersion() {
        Judgement judgement = criteria.judge(deployment("checkout", "production", "2.7.1", DeploymentResult.FAILURE,
                false, null));
        RetrospectiveTrigger trigger = opened(judgement);
        assertThat(trigger).isEqualTo(new RetrospectiveTrigger("release:checkout:production:2.7.1",
                "failed-production-deployment", "lightweight",
                List.of("summary", "timeline", "what-went-wrong", "action-items"), List.of("what-went-well", "metrics"),
                "checkout 2.7.1 in production failed (GITHUB run run-checkout-2.7.1-production)", "checkout",
                "production", "2.7.1", null, "payments", FIVE_BUSINESS_DAYS, ENDED,
                List.of("release:checkout:production:2.7.1")));
        assertThat(judgement.failure()).map(FailedRelease::releaseKey).contains("release:checkout:production:2.7.1");
    }

    @Test
    void aFailedDeploymentAndItsUnsuccessfulChangeShareOneKey() {
        RetrospectiveTrigger byDeployment = opened(criteria.judge(deployment("payment-gateway", "production", "4.2.0",
                DeploymentResult.FAILURE, false, "CHG0030005")));
        RetrospectiveTrigger byChange = opened(criteria.judge(change("CHG0030005", "normal", ChangeState.CLOSED,
                "unsuccessful", "payment-gateway"), Optional.empty()));
        assertThat(byDeployment.key()).isEqualTo("change:CHG0030005").isEqualTo(byChange.key());
        assertThat(byDeployment.changeNumber()).isEqualTo("CHG0030005");
        assertThat(byDeployment.reason()).endsWith("(GITHUB run run-payment-gateway-4.2.0-production, change"
                + " CHG0030005)");
    }

    @Test
    void anAbortedProductionDeploymentOpensOne() {
        RetrospectiveTrigger trigger = opened(criteria.judge(deployment("ledger", "production", "9", DeploymentResult.ABORTED,
                false, null)));
        assertThat(trigger.ruleId()).isEqualTo("failed-production-deployment");
        assertThat(trigger.reason()).startsWith("ledger 9 in production was aborted");
    }

    @Test
    void aProductionRollbackOpensOne() {
        RetrospectiveTrigger trigger = opened(criteria.judge(deployment("payment-gateway", "production", "4.1.9",
                DeploymentResult.SUCCESS, true, null)));
        assertThat(trigger.ruleId()).isEqualTo("production-rollback");
        assertThat(trigger.reason()).startsWith("payment-gateway 4.1.9 in production was rolled back");
        assertThat(trigger.due()).isEqualTo(FIVE_BUSINESS_DAYS);
    }

    @Test
    void aSuccessfulStandardChangeNeedsNone() {
        Judgement judgement = criteria.judge(change("CHG0030006", "standard", ChangeState.CLOSED, "successful",
                "payment-gateway"), Optional.empty());
        assertThat(judgement.trigger()).isEmpty();
        assertThat(judgement.failure()).isEmpty();
        assertThat(judgement.reason()).isEqualTo("standard change CHG0030006 closed successful: rule"
                + " standard-change-succeeded says it needs no retrospective");
    }

    @Test
    void aStagingFailureNeedsNone() {
        Judgement judgement = criteria.judge(deployment("checkout", "staging", "2.8.0", DeploymentResult.FAILURE, false,
                null));
        assertThat(judgement.trigger()).isEmpty();
        assertThat(judgement.failure()).isEmpty();
        assertThat(judgement.reason()).isEqualTo("no rule of retrospectives.yaml matches checkout 2.8.0 in staging"
                + " failed");
    }

    @Test
    void aSuccessfulProductionDeploymentAndASuccessfulNormalChangeNeedNone() {
        assertThat(criteria.judge(deployment("checkout", "production", "2.8.0", DeploymentResult.SUCCESS, false, null))
                .reason()).isEqualTo("no rule of retrospectives.yaml matches checkout 2.8.0 in production succeeded");
        Judgement change = criteria.judge(change("CHG0030007", "normal", ChangeState.CLOSED, "successful_issues",
                "checkout"), Optional.empty());
        assertThat(change.trigger()).isEmpty();
        assertThat(change.reason()).isEqualTo("no rule of retrospectives.yaml matches normal change CHG0030007 closed"
                + " successful_issues");
        assertThat(majorIncidents.askedAbout).as("the major-incident rule needed them").hasSize(1);
    }

    @Test
    void openChangesAndRunningDeploymentsAreNotJudgedYetAndAskForNoIncidents() {
        Judgement open = criteria.judge(change("CHG0030008", "emergency", ChangeState.IMPLEMENT, null, "checkout"),
                Optional.empty());
        assertThat(open.trigger()).isEmpty();
        assertThat(open.reason()).isEqualTo("emergency change CHG0030008 is Implement, not closed; changes are judged"
                + " when they close");
        Judgement running = criteria.judge(deployment("checkout", "production", "3.0", DeploymentResult.RUNNING, false,
                null));
        assertThat(running.reason()).isEqualTo("the deployment of checkout 3.0 in production is still running;"
                + " deployments are judged when they end");
        assertThat(majorIncidents.askedAbout).isEmpty();
    }

    @Test
    void aChangeLinkedToAMajorIncidentOpensADeepDiveEvenWhenItSucceeded() {
        ChangeRecord change = change("CHG0030009", "standard", ChangeState.CLOSED, "successful", "ledger");
        majorIncidents.incidents.put(change.sysId(), List.of("INC0010001", "INC0010004"));

        RetrospectiveTrigger trigger = opened(criteria.judge(change, Optional.empty()));

        assertThat(trigger.ruleId()).isEqualTo("major-incident");
        assertThat(trigger.tier()).isEqualTo("deep-dive");
        assertThat(trigger.reason()).isEqualTo("standard change CHG0030009 closed successful is linked to major"
                + " incidents INC0010001, INC0010004");
        assertThat(majorIncidents.askedAbout).containsExactly(change.sysId());
    }

    @Test
    void majorIncidentsAreLookedUpOnlyForChangesARuleNeedsThemFor(@TempDir Path tmp) {
        // The major-incident rule moved to the end: changes an earlier rule decides need no look-up.
        String moved = RetrospectiveFiles.shippedWith("  - id: major-incident\n    when: {major-incident: true}\n"
                + "    tier: deep-dive\n    due: 5 business days\n", "") + "\n";
        String content = moved.replace("\n  - id: failed-production-deployment", "\n  - id: major-incident\n"
                + "    when: {major-incident: true}\n    tier: deep-dive\n    due: 5 business days\n\n"
                + "  - id: failed-production-deployment");
        InclusionCriteria lateLookUp = new InclusionCriteria(RetrospectiveFiles.load(tmp, content), majorIncidents);

        lateLookUp.judge(change("CHG0030010", "normal", ChangeState.CLOSED, "unsuccessful", "ledger"), Optional.empty());
        lateLookUp.judge(change("CHG0030011", "standard", ChangeState.CLOSED, "successful", "ledger"), Optional.empty());
        lateLookUp.judge(change("CHG0030012", "emergency", ChangeState.CLOSED, "successful", "ledger"), Optional.empty());
        lateLookUp.judge(deployment("ledger", "production", "1", DeploymentResult.FAILURE, false, "CHG0030013"));
        assertThat(majorIncidents.askedAbout).isEmpty();

        ChangeRecord successful = change("CHG0030014", "normal", ChangeState.CLOSED, "successful", "ledger");
        assertThat(lateLookUp.judge(successful, Optional.empty()).trigger()).isEmpty();
        assertThat(majorIncidents.askedAbout).containsExactly(successful.sysId());
    }

    @Test
    void aChangeOutsideEveryProgramOpensItsRetrospectiveButCountsTowardNoThreshold() {
        Judgement judgement = criteria.judge(change("CHG0030015", "normal", ChangeState.CLOSED, "unsuccessful",
                "search"), Optional.empty());
        assertThat(opened(judgement).program()).isNull();
        assertThat(judgement.failure()).isEmpty();
    }

    @Test
    void theThirdFailureOfAProgramWithinItsWindowOpensOneProgramRetrospectiveOverThemAll() {
        FailedRelease first = new FailedRelease("change:CHG0030020", "payments", "checkout", ENDED, null);
        FailedRelease second = new FailedRelease("release:ledger:production:7", "payments", "ledger",
                ENDED.plus(Duration.ofDays(3)), null);
        Instant thirdAt = ENDED.plus(Duration.ofDays(10));
        FailedRelease third = new FailedRelease("change:CHG0030021", "payments", "payment-gateway", thirdAt, null);

        assertThat(criteria.windowStart(third)).contains(thirdAt.minus(Duration.ofDays(30)));
        assertThat(criteria.programTrigger(second, List.of(first, second))).isEmpty();
        RetrospectiveTrigger program = criteria.programTrigger(third, List.of(third, first, second)).orElseThrow();

        assertThat(program).isEqualTo(new RetrospectiveTrigger("program:payments:change:CHG0030020",
                "programs.payments.threshold", "deep-dive",
                List.of("summary", "timeline", "impact", "root-cause", "contributing-factors", "action-items"),
                List.of("detection", "customer-communication", "what-went-well", "metrics"),
                "3 failed releases of program payments within 30 days: change:CHG0030020, release:ledger:production:7,"
                        + " change:CHG0030021", null, null, null, null, "payments", LocalDate.of(2026, 12, 28),
                thirdAt, List.of("change:CHG0030020", "release:ledger:production:7", "change:CHG0030021")));
        assertThat(program.programLevel()).isTrue();
    }
}
