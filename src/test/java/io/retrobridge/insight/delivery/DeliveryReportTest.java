package io.retrobridge.insight.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.Alert;
import io.retrobridge.domain.AlertTruncation;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.AlertStore;
import io.retrobridge.sync.DeliveryHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The five figures on a seeded week, each checked against a value worked out by hand from the definitions in the
 * README. Failure and rework windows are the defaults, 24 hours. The week is [Mon 2 Nov, Mon 9 Nov 2026) UTC.
 *
 * <pre>
 * shop, production (commit = when the deployed commit was made)
 *   r0  SUCCESS  finished Sun 1 Nov 20:00       (before the window: read only to judge r1; r1 is not rework)
 *   r1  SUCCESS  finished  2 Nov 10:00, commit 06:00 -> lead 4h
 *                alert HighErrorRate linked to r1 fires 11:00, resolved 11:30 -> r1 FAILED (alert within 24h),
 *                restored at 11:30 (before r2 at 14:00) -> recovery 1h30m
 *   r2  SUCCESS  started 13:50, finished 2 Nov 14:00, commit 12:00 -> lead 2h; started 3h50m after failed r1: REWORK
 *                an alert linked to r2 fires 3 Nov 15:00, 25h after it: outside the failure window, r2 did not fail
 *   r3  FAILURE  started 08:55, finished 4 Nov 09:00 -> FAILED; restored by r4 at 09:20 -> recovery 20m
 *   r4  SUCCESS  rollback, started 09:10, finished 4 Nov 09:20, commit unknown -> REWORK (rollback)
 *   r5  SUCCESS  finished 6 Nov 16:00, commit 5 Nov 16:00 -> lead 24h; r6 rolls it back 2h later -> FAILED,
 *                restored by r6 at 18:00 -> recovery 2h
 *   r6  SUCCESS  rollback, started 17:50, finished 6 Nov 18:00, commit unknown -> REWORK (rollback)
 *   r7  SUCCESS  finished Sun 8 Nov 23:30 UTC (Mon 9 Nov 00:30 in Berlin), commit 20:30 -> lead 3h
 *   r8  FAILURE  finished 9 Nov 05:00           (after the window: not counted)
 * billing, production
 *   b1  SUCCESS  finished 3 Nov 12:00, commit unknown
 *
 * shop over the week: 7 finished runs (r1..r7), 6 successful (all but r3)
 *   frequency 6 / 7 days = 0.857 a day                    -> high (at least weekly, less than daily)
 *   lead time: 2h, 3h, 4h, 24h -> median (3h + 4h) / 2 = 3h30m; 4 counted, 2 left out (r4, r6) -> elite (< 1 day)
 *   change fail rate: r1, r3, r5 = 3 / 7 = 0.4286        -> low (above 30%)
 *   recovery: 20m, 1h30m, 2h -> median 1h30m; 3 restored -> high (1 hour to 1 day)
 *   rework: r2, r4, r6 = 3 / 7                            -> no band
 * billing: 1 run, 1 successful: 1 / 7 a day (exactly weekly) -> high; no lead time (1 left out); fail rate 0 / 1 ->
 *   elite; no recovery; rework 0 / 1
 * overall: 8 runs, 7 successful: 7 / 7 = 1 a day -> elite; lead 3h30m (4 counted, 3 left out); fail 3 / 8 = 0.375 ->
 *   low; recovery 1h30m; rework 3 / 8
 * </pre>
 */
class DeliveryReportTest {

    private static final Instant FROM = Instant.parse("2026-11-02T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-09T00:00:00Z");

    private final Runs runs = new Runs();
    private final Alerts alerts = new Alerts();
    private final DeliveryReport report = new DeliveryReport(runs, alerts, DeliveryProperties.defaults());

    private void seed() {
        runs.add("shop", "r0", DeploymentResult.SUCCESS, null, "2026-11-01T20:00:00Z", false, null);
        runs.add("shop", "r1", DeploymentResult.SUCCESS, null, "2026-11-02T10:00:00Z", false, "2026-11-02T06:00:00Z");
        runs.add("shop", "r2", DeploymentResult.SUCCESS, "2026-11-02T13:50:00Z", "2026-11-02T14:00:00Z", false,
                "2026-11-02T12:00:00Z");
        runs.add("shop", "r3", DeploymentResult.FAILURE, "2026-11-04T08:55:00Z", "2026-11-04T09:00:00Z", false,
                "2026-11-04T08:00:00Z");
        runs.add("shop", "r4", DeploymentResult.SUCCESS, "2026-11-04T09:10:00Z", "2026-11-04T09:20:00Z", true, null);
        runs.add("shop", "r5", DeploymentResult.SUCCESS, null, "2026-11-06T16:00:00Z", false, "2026-11-05T16:00:00Z");
        runs.add("shop", "r6", DeploymentResult.SUCCESS, "2026-11-06T17:50:00Z", "2026-11-06T18:00:00Z", true, null);
        runs.add("shop", "r7", DeploymentResult.SUCCESS, null, "2026-11-08T23:30:00Z", false, "2026-11-08T20:30:00Z");
        runs.add("shop", "r8", DeploymentResult.FAILURE, null, "2026-11-09T05:00:00Z", false, null);
        runs.add("billing", "b1", DeploymentResult.SUCCESS, null, "2026-11-03T12:00:00Z", false, null);
        alerts.add("shop", "HighErrorRate", "2026-11-02T11:00:00Z", "2026-11-02T11:30:00Z", "GITHUB:r1");
        alerts.add("shop", "SlowCheckout", "2026-11-03T15:00:00Z", "2026-11-03T16:00:00Z", "GITHUB:r2");
        alerts.add("shop", "DiskFull", "2026-11-04T09:30:00Z", null, null);
    }

    private Delivery week(Granularity granularity, ZoneId zone, boolean events) {
        return report.report(new DeliveryQuery(null, "production", FROM, TO, granularity, zone, events));
    }

    @Test
    void everyFigureOfOneApplicationMatchesTheHandWorkedValues() {
        seed();
        DeliveryFigures shop = application(week(Granularity.WEEK, ZoneOffset.UTC, false), "shop").figures();

        assertThat(shop.deploymentFrequency().deployments()).isEqualTo(6);
        assertThat(shop.deploymentFrequency().perDay()).isCloseTo(6.0 / 7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(shop.deploymentFrequency().band()).isEqualTo(DoraBand.HIGH);
        assertThat(shop.changeLeadTime().median()).isEqualTo(Duration.ofMinutes(210));
        assertThat(shop.changeLeadTime().counted()).isEqualTo(4);
        assertThat(shop.changeLeadTime().leftOut()).isEqualTo(2);
        assertThat(shop.changeLeadTime().band()).isEqualTo(DoraBand.ELITE);
        assertThat(shop.changeFailRate().failed()).isEqualTo(3);
        assertThat(shop.changeFailRate().deployments()).isEqualTo(7);
        assertThat(shop.changeFailRate().rate()).isEqualTo(3.0 / 7);
        assertThat(shop.changeFailRate().band()).isEqualTo(DoraBand.LOW);
        assertThat(shop.failedDeploymentRecoveryTime().median()).isEqualTo(Duration.ofMinutes(90));
        assertThat(shop.failedDeploymentRecoveryTime().restored()).isEqualTo(3);
        assertThat(shop.failedDeploymentRecoveryTime().unrestored()).isZero();
        assertThat(shop.failedDeploymentRecoveryTime().band()).isEqualTo(DoraBand.HIGH);
        assertThat(shop.deploymentReworkRate().rework()).isEqualTo(3);
        assertThat(shop.deploymentReworkRate().rate()).isEqualTo(3.0 / 7);
        assertThat(shop.deploymentReworkRate().band()).isNull();
        assertThat(shop.changeFailRate().events()).as("events only on request").isEmpty();
    }

    @Test
    void theEventsBehindEachFigureSayWhyTheyCount() {
        seed();
        DeliveryFigures shop = application(week(Granularity.WEEK, ZoneOffset.UTC, true), "shop").figures();

        assertThat(shop.changeFailRate().events()).extracting(e -> e.runId() + " " + e.note())
                .containsExactly("r1 alert HighErrorRate fired", "r3 deployment failure", "r5 rolled back by GITHUB:r6");
        assertThat(shop.failedDeploymentRecoveryTime().events()).extracting(e -> e.runId() + " " + e.duration())
                .containsExactly("r1 PT1H30M", "r3 PT20M", "r5 PT2H");
        assertThat(shop.failedDeploymentRecoveryTime().events().get(0).note()).isEqualTo(
                "restored by alert resolved at 2026-11-02T11:30:00Z");
        assertThat(shop.deploymentReworkRate().events()).extracting(e -> e.runId() + " " + e.note())
                .containsExactly("r2 after failed deployment GITHUB:r1", "r4 rollback", "r6 rollback");
        assertThat(shop.changeLeadTime().events()).extracting(e -> e.runId() + " " + e.duration())
                .containsExactly("r1 PT4H", "r2 PT2H", "r5 PT24H", "r7 PT3H");
        assertThat(shop.deploymentFrequency().events().get(0).runUrl()).isEqualTo("https://ci.example/shop/r1");
    }

    @Test
    void aSingleDeploymentAndTheWholePortfolio() {
        seed();
        Delivery delivery = week(Granularity.WEEK, ZoneOffset.UTC, false);
        DeliveryFigures billing = application(delivery, "billing").figures();

        assertThat(billing.deploymentFrequency().deployments()).isEqualTo(1);
        assertThat(billing.deploymentFrequency().band()).isEqualTo(DoraBand.HIGH);
        assertThat(billing.changeLeadTime().median()).isNull();
        assertThat(billing.changeLeadTime().band()).isNull();
        assertThat(billing.changeLeadTime().leftOut()).isEqualTo(1);
        assertThat(billing.changeFailRate().rate()).isZero();
        assertThat(billing.changeFailRate().band()).isEqualTo(DoraBand.ELITE);
        assertThat(billing.failedDeploymentRecoveryTime().median()).isNull();
        assertThat(billing.deploymentReworkRate().rate()).isZero();

        DeliveryFigures overall = delivery.overall();
        assertThat(overall.deploymentFrequency().deployments()).isEqualTo(7);
        assertThat(overall.deploymentFrequency().perDay()).isEqualTo(1.0);
        assertThat(overall.deploymentFrequency().band()).isEqualTo(DoraBand.ELITE);
        assertThat(overall.changeLeadTime().median()).isEqualTo(Duration.ofMinutes(210));
        assertThat(overall.changeLeadTime().leftOut()).isEqualTo(3);
        assertThat(overall.changeFailRate().rate()).isEqualTo(0.375);
        assertThat(overall.changeFailRate().band()).isEqualTo(DoraBand.LOW);
        assertThat(overall.failedDeploymentRecoveryTime().median()).isEqualTo(Duration.ofMinutes(90));
        assertThat(overall.deploymentReworkRate().rate()).isEqualTo(0.375);
        assertThat(delivery.applications()).extracting(Delivery.ApplicationDelivery::application)
                .containsExactly("billing", "shop");
    }

    @Test
    void oneApplicationAlone() {
        seed();
        Delivery delivery = report.report(new DeliveryQuery("billing", "production", FROM, TO, Granularity.WEEK,
                ZoneOffset.UTC, false));

        assertThat(delivery.applications()).extracting(Delivery.ApplicationDelivery::application)
                .containsExactly("billing");
        assertThat(delivery.overall().deploymentFrequency().deployments()).isEqualTo(1);
    }

    @Test
    void anEmptyWindowHasNoFiguresAndNoBands() {
        seed();
        Delivery delivery = report.report(new DeliveryQuery(null, "production", Instant.parse("2026-11-20T00:00:00Z"),
                Instant.parse("2026-11-21T00:00:00Z"), Granularity.DAY, ZoneOffset.UTC, true));

        assertThat(delivery.applications()).isEmpty();
        DeliveryFigures overall = delivery.overall();
        assertThat(overall.deploymentFrequency().deployments()).isZero();
        assertThat(overall.deploymentFrequency().perDay()).isZero();
        assertThat(overall.deploymentFrequency().band()).isNull();
        assertThat(overall.changeLeadTime().median()).isNull();
        assertThat(overall.changeFailRate().rate()).isNull();
        assertThat(overall.changeFailRate().band()).isNull();
        assertThat(overall.failedDeploymentRecoveryTime().median()).isNull();
        assertThat(overall.deploymentReworkRate().rate()).isNull();
    }

    @Test
    void dailyBucketsInUtcAndInBerlin() {
        seed();
        // UTC: seven days; r7 at 23:30 UTC falls on Sunday 8 Nov.
        List<Delivery.Bucket> utc = application(week(Granularity.DAY, ZoneOffset.UTC, false), "shop").buckets();
        assertThat(utc).extracting(b -> b.start() + " " + b.figures().deploymentFrequency().deployments())
                .containsExactly("2026-11-02 2", "2026-11-03 0", "2026-11-04 1", "2026-11-05 0", "2026-11-06 2",
                        "2026-11-07 0", "2026-11-08 1");
        // Berlin (UTC+1 in November): days start at 23:00 UTC; the window's first day starts at its own start, and
        // r7, at 00:30 on Monday 9 Nov in Berlin, falls in the one hour of that day still inside the window.
        List<Delivery.Bucket> berlin = application(week(Granularity.DAY, ZoneId.of("Europe/Berlin"), false), "shop")
                .buckets();
        assertThat(berlin).extracting(b -> b.start() + " " + b.figures().deploymentFrequency().deployments())
                .containsExactly("2026-11-02 2", "2026-11-03 0", "2026-11-04 1", "2026-11-05 0", "2026-11-06 2",
                        "2026-11-07 0", "2026-11-08 0", "2026-11-09 1");
        assertThat(berlin.get(0).from()).isEqualTo(FROM);
        assertThat(berlin.get(0).to()).isEqualTo(Instant.parse("2026-11-02T23:00:00Z"));
        Delivery.Bucket lastHour = berlin.get(7);
        assertThat(lastHour.from()).isEqualTo(Instant.parse("2026-11-08T23:00:00Z"));
        assertThat(lastHour.to()).isEqualTo(TO);
        // One deployment in one hour: 24 a day.
        assertThat(lastHour.figures().deploymentFrequency().perDay()).isEqualTo(24.0);
    }

    @Test
    void weeklyAndMonthlyBuckets() {
        seed();
        assertThat(application(week(Granularity.WEEK, ZoneOffset.UTC, false), "shop").buckets())
                .extracting(Delivery.Bucket::start).containsExactly(LocalDate.of(2026, 11, 2));
        assertThat(application(week(Granularity.MONTH, ZoneOffset.UTC, false), "shop").buckets())
                .extracting(b -> b.start() + " " + b.from() + " " + b.to())
                .containsExactly("2026-11-01 2026-11-02T00:00:00Z 2026-11-09T00:00:00Z");
        assertThat(DeliveryReport.bucketCount(FROM, TO, Granularity.DAY, ZoneId.of("Europe/Berlin"), 100)).isEqualTo(8);
        assertThat(DeliveryReport.bucketCount(FROM, TO, Granularity.DAY, ZoneOffset.UTC, 3)).isEqualTo(4);
    }

    @Test
    void anUnresolvedAlertLeavesTheFailureUnrestoredUntilTheNextGoodDeployment() {
        runs.add("api", "a1", DeploymentResult.SUCCESS, null, "2026-11-03T10:00:00Z", false, null);
        alerts.add("api", "Down", "2026-11-03T10:05:00Z", null, "GITHUB:a1");
        DeliveryFigures alone = week(Granularity.WEEK, ZoneOffset.UTC, false).overall();
        assertThat(alone.changeFailRate().failed()).isEqualTo(1);
        assertThat(alone.failedDeploymentRecoveryTime().restored()).isZero();
        assertThat(alone.failedDeploymentRecoveryTime().unrestored()).isEqualTo(1);
        assertThat(alone.failedDeploymentRecoveryTime().median()).isNull();

        // The next good deployment, 5 hours later, restores it while the alert still fires.
        runs.add("api", "a2", DeploymentResult.SUCCESS, null, "2026-11-03T15:00:00Z", false, null);
        DeliveryFigures fixed = week(Granularity.WEEK, ZoneOffset.UTC, false).overall();
        assertThat(fixed.failedDeploymentRecoveryTime().median()).isEqualTo(Duration.ofHours(5));
        assertThat(fixed.failedDeploymentRecoveryTime().band()).isEqualTo(DoraBand.HIGH);
    }

    @Test
    void aFailureJustBeforeTheWindowMakesItsFixInTheWindowRework() {
        // p0 finished at 23:00 the night before, its alert fired and was resolved before the window opened; p1,
        // started at 01:00, 2 hours after p0, is rework. p0 itself is not counted: 1 rework of 1 run.
        runs.add("pay", "p0", DeploymentResult.SUCCESS, null, "2026-11-01T23:00:00Z", false, null);
        alerts.add("pay", "Errors", "2026-11-01T23:10:00Z", "2026-11-01T23:40:00Z", "GITHUB:p0");
        runs.add("pay", "p1", DeploymentResult.SUCCESS, "2026-11-02T01:00:00Z", "2026-11-02T01:10:00Z", false, null);

        DeliveryFigures pay = week(Granularity.WEEK, ZoneOffset.UTC, true).overall();

        assertThat(pay.deploymentReworkRate().rework()).isEqualTo(1);
        assertThat(pay.deploymentReworkRate().rate()).isEqualTo(1.0);
        assertThat(pay.deploymentReworkRate().events()).extracting(DeliveryEvent::note)
                .containsExactly("after failed deployment GITHUB:p0");
        assertThat(pay.changeFailRate().failed()).isZero();
    }

    @Test
    void theBandsFollowTheReportsLevels() {
        assertThat(DoraBand.ofDeploymentsPerDay(1)).isEqualTo(DoraBand.ELITE);
        assertThat(DoraBand.ofDeploymentsPerDay(1.0 / 30)).isEqualTo(DoraBand.MEDIUM);
        assertThat(DoraBand.ofDeploymentsPerDay(1.0 / 31)).isEqualTo(DoraBand.LOW);
        assertThat(DoraBand.ofLeadTime(Duration.ofDays(7))).isEqualTo(DoraBand.HIGH);
        assertThat(DoraBand.ofLeadTime(Duration.ofDays(8))).isEqualTo(DoraBand.MEDIUM);
        assertThat(DoraBand.ofLeadTime(Duration.ofDays(31))).isEqualTo(DoraBand.LOW);
        assertThat(DoraBand.ofChangeFailRate(0.05)).isEqualTo(DoraBand.ELITE);
        assertThat(DoraBand.ofChangeFailRate(0.10)).isEqualTo(DoraBand.MEDIUM);
        assertThat(DoraBand.ofChangeFailRate(0.20)).isEqualTo(DoraBand.HIGH);
        assertThat(DoraBand.ofChangeFailRate(0.40)).isEqualTo(DoraBand.LOW);
        assertThat(DoraBand.ofRecoveryTime(Duration.ofMinutes(59))).isEqualTo(DoraBand.ELITE);
        assertThat(DoraBand.ofRecoveryTime(Duration.ofDays(2))).isEqualTo(DoraBand.MEDIUM);
        assertThat(DoraBand.ofRecoveryTime(Duration.ofDays(7))).isEqualTo(DoraBand.LOW);
    }

    private static Delivery.ApplicationDelivery application(Delivery delivery, String name) {
        return delivery.applications().stream().filter(a -> a.application().equals(name)).findFirst().orElseThrow();
    }

    /** Deployments in memory, read as the store reads them. */
    static final class Runs implements DeliveryHistory {
        final List<DeliveredRun> runs = new ArrayList<>();

        void add(String application, String runId, DeploymentResult result, String startedAt, String finishedAt,
                 boolean rollback, String commitAt) {
            runs.add(new DeliveredRun(new Deployment(ExternalSystem.valueOf("GITHUB"), runId, application,
                    "production", "v-" + runId, "sha-" + runId, "deploy", "https://ci.example/" + application + "/"
                    + runId, startedAt == null ? null : Instant.parse(startedAt), Instant.parse(finishedAt), result,
                    rollback, null), commitAt == null ? null : Instant.parse(commitAt)));
        }

        @Override
        public List<DeliveredRun> finishedBetween(String application, String environment, Instant from, Instant to) {
            return runs.stream().filter(run -> application == null || run.deployment().application().equals(application))
                    .filter(run -> run.deployment().environment().equals(environment))
                    .filter(run -> !run.deployment().finishedAt().isBefore(from)
                            && run.deployment().finishedAt().isBefore(to))
                    .sorted(Comparator.comparing(run -> run.deployment().finishedAt())).toList();
        }

        @Override
        public void recordCommitTime(String source, String runId, Instant commitAt) {
            throw new UnsupportedOperationException("the report only reads");
        }
    }

    /** Alert firings in memory. */
    static final class Alerts implements AlertStore {
        final List<Alert> firings = new ArrayList<>();

        void add(String service, String name, String startsAt, String endsAt, String run) {
            firings.add(new Alert("group", name + startsAt, name, service, "production", "critical", null,
                    Instant.parse(startsAt), endsAt == null ? null : Instant.parse(endsAt), null, Map.of(), run));
        }

        @Override
        public Recorded record(Alert alert) {
            throw new UnsupportedOperationException("the report only reads");
        }

        @Override
        public List<Alert> activeBetween(String service, Instant from, Instant to) {
            return firings.stream().filter(alert -> alert.service().equals(service))
                    .filter(alert -> alert.startsAt().isBefore(to) && (alert.endsAt() == null
                            || alert.endsAt().isAfter(from))).toList();
        }

        @Override
        public void recordTruncation(AlertTruncation truncation) {
            throw new UnsupportedOperationException("the report only reads");
        }

        @Override
        public List<AlertTruncation> truncationsBetween(String service, Instant from, Instant to) {
            return List.of();
        }
    }
}
