package io.retrobridge.insight.gauges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.testsupport.DeliverySeed;
import io.retrobridge.testsupport.EffectivenessSeed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

/**
 * The report gauges as Prometheus scrapes them over HTTP with a viewer key, after a refresh over the real stores
 * seeded with {@link DeliverySeed} (the shop week, worked by hand in {@code DeliveryReportTest}) and
 * {@link EffectivenessSeed} (worked by hand in its Javadoc), judged at 2026-11-09T00:00Z: the delivery window is the
 * shop week exactly, the effectiveness window reaches back to the June retrospectives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=prometheus",
        "retrobridge.security.api-keys[0].key=" + ReportGaugesTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer",
        "retrobridge.report-gauges.delivery-window=7d",
        "retrobridge.report-gauges.effectiveness-window=180d"})
@ActiveProfiles("test")
@AutoConfigureObservability
class ReportGaugesTest {

    static final String VIEWER_KEY = "view-gauges-Zx8cV6bN4m";
    static final Instant NOW = Instant.parse(DeliverySeed.TO);

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ReportGauges gauges;
    @Autowired
    DeploymentStore deployments;

    @BeforeEach
    void seed() {
        DeliverySeed.from(context).shopWeek();
        EffectivenessSeed.from(context).write();
    }

    @Test
    void aRefreshShowsTheDeliveryFiguresOfEachApplicationInProduction() {
        gauges.refresh();
        Scrape scrape = Scrape.of(port, VIEWER_KEY);

        Map<String, String> shop = Map.of("application", "shop", "environment", "production");
        assertThat(scrape.valueOf("retrobridge_delivery_deployments_per_day", shop)).isCloseTo(6.0 / 7, within(1e-9));
        assertThat(scrape.valueOf("retrobridge_delivery_lead_time_seconds", shop)).isEqualTo(12600.0);
        assertThat(scrape.valueOf("retrobridge_delivery_change_fail_ratio", shop)).isCloseTo(3.0 / 7, within(1e-9));
        assertThat(scrape.valueOf("retrobridge_delivery_recovery_time_seconds", shop)).isEqualTo(5400.0);
        assertThat(scrape.valueOf("retrobridge_delivery_rework_ratio", shop)).isCloseTo(3.0 / 7, within(1e-9));
        // high, elite, low, high; rework has no band, so no series.
        assertThat(scrape.valueOf("retrobridge_delivery_band", band("deployment_frequency"))).isEqualTo(3.0);
        assertThat(scrape.valueOf("retrobridge_delivery_band", band("lead_time"))).isEqualTo(4.0);
        assertThat(scrape.valueOf("retrobridge_delivery_band", band("change_fail_rate"))).isEqualTo(1.0);
        assertThat(scrape.valueOf("retrobridge_delivery_band", band("recovery_time"))).isEqualTo(3.0);
        assertThat(scrape.value("retrobridge_delivery_band", band("rework"))).isEmpty();
        // eff-payments' runs are all before the week: no delivery series for it, and none for staging.
        assertThat(scrape.value("retrobridge_delivery_deployments_per_day",
                Map.of("application", EffectivenessSeed.PAYMENTS, "environment", "production"))).isEmpty();
        assertThat(scrape.samples()).noneMatch(s -> s.name().startsWith("retrobridge_delivery_")
                && !"production".equals(s.labels().get("environment")));
    }

    @Test
    void aRefreshShowsTheActionItemFiguresOfEachApplication() {
        gauges.refresh();
        Scrape scrape = Scrape.of(port, VIEWER_KEY);

        // EFF1, EFF2, EFF0: t1..t6, done t1 t2 -> 2/6 = 0.33; t1 on time of the two -> 0.50; t4 t5 t6 open and
        // overdue on 9 Nov; config-drift closed in EFF1 and named again by EFF2 -> 1/1.
        Map<String, String> payments = Map.of("application", EffectivenessSeed.PAYMENTS);
        assertThat(scrape.valueOf("retrobridge_actions_completion_ratio", payments)).isEqualTo(0.33);
        assertThat(scrape.valueOf("retrobridge_actions_on_time_ratio", payments)).isEqualTo(0.5);
        assertThat(scrape.valueOf("retrobridge_actions_open", payments)).isEqualTo(3.0);
        assertThat(scrape.valueOf("retrobridge_actions_overdue", payments)).isEqualTo(3.0);
        assertThat(scrape.valueOf("retrobridge_failure_mode_recurrence_ratio", payments)).isEqualTo(1.0);
        // EFF4: t7 done without a due date (on time); cache-stampede closed and never named again.
        Map<String, String> search = Map.of("application", EffectivenessSeed.SEARCH);
        assertThat(scrape.valueOf("retrobridge_actions_completion_ratio", search)).isEqualTo(1.0);
        assertThat(scrape.valueOf("retrobridge_actions_on_time_ratio", search)).isEqualTo(1.0);
        assertThat(scrape.valueOf("retrobridge_actions_open", search)).isZero();
        assertThat(scrape.valueOf("retrobridge_actions_overdue", search)).isZero();
        assertThat(scrape.valueOf("retrobridge_failure_mode_recurrence_ratio", search)).isZero();
    }

    @Test
    void aScrapeReadsTheLastRefreshAndNeverComputes() {
        gauges.refresh();
        record("gauges-late", "late-1", "2026-11-05T12:00:00Z");
        Map<String, String> late = Map.of("application", "gauges-late", "environment", "production");

        assertThat(Scrape.of(port, VIEWER_KEY).value("retrobridge_delivery_deployments_per_day", late)).isEmpty();
        gauges.refresh();
        assertThat(Scrape.of(port, VIEWER_KEY).valueOf("retrobridge_delivery_deployments_per_day", late))
                .isCloseTo(1.0 / 7, within(1e-9));
    }

    @Test
    void anInstanceThatStopsLeadingStopsShowingItsFiguresUntilItRefreshesAgain() {
        gauges.refresh();
        Map<String, String> shop = Map.of("application", "shop", "environment", "production");
        assertThat(Scrape.of(port, VIEWER_KEY).value("retrobridge_delivery_deployments_per_day", shop)).isPresent();

        gauges.leadershipLost();

        assertThat(Scrape.of(port, VIEWER_KEY).value("retrobridge_delivery_deployments_per_day", shop)).isEmpty();
        assertThat(Scrape.of(port, VIEWER_KEY).value("retrobridge_actions_open", Map.of("application", "shop")))
                .isEmpty();
        gauges.refresh();
        assertThat(Scrape.of(port, VIEWER_KEY).value("retrobridge_delivery_deployments_per_day", shop)).isPresent();
    }

    @Test
    void everyDashboardQueryNamesAMetricTheServiceExposes() throws Exception {
        gauges.refresh();
        Set<String> exposed = Scrape.of(port, VIEWER_KEY).names();

        Dashboard dashboard = Dashboard.read(Path.of("docker/grafana/dashboards/retrobridge.json"));

        assertThat(dashboard.graphPanels()).as("panels that graph something").isNotEmpty()
                .allSatisfy(panel -> assertThat(dashboard.metricsOf(panel)).as("metrics of %s", panel.path("title"))
                        .isNotEmpty());
        assertThat(dashboard.metrics()).as("every metric a panel or the application variable queries")
                .contains("retrobridge_delivery_lead_time_seconds", "retrobridge_actions_completion_ratio")
                .allSatisfy(metric -> assertThat(exposed).contains(metric));
    }

    private void record(String application, String runId, String finishedAt) {
        Instant finished = Instant.parse(finishedAt);
        deployments.record(new Deployment(ExternalSystem.valueOf("GITHUB"), runId, application, "production", "v1",
                "sha-" + runId, "deploy", "https://ci.example/" + application + "/" + runId, finished, finished,
                DeploymentResult.SUCCESS, false, null));
    }

    private static Map<String, String> band(String figure) {
        return Map.of("application", "shop", "environment", "production", "figure", figure);
    }
}
