package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.domain.DeploymentTelemetry;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.domain.PirSummary.DataGap;
import io.retrobridge.domain.PirSummary.MetricRow;
import io.retrobridge.domain.PirSummary.TimelineEntry;
import io.retrobridge.domain.Verdict;
import io.retrobridge.sync.PirStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the PIR collection and the API rely on from any {@link PirStore}. */
abstract class PirStoreContract extends StoreContractSupport {

    private static final Instant DEPLOYED = Instant.parse("2026-11-26T10:42:00Z");

    private PirStore store() {
        return port(PirStore.class);
    }

    @BeforeEach
    void noSummaries() {
        port(JdbcClient.class).sql("DELETE FROM pir_summaries").update();
    }

    private static PirSummary summary(String key, String change, int collections, String incomplete) {
        return new PirSummary(key, change, "payment-gateway", "production", "payments", "4.2.0", DEPLOYED,
                DEPLOYED.minus(Duration.ofHours(1)), DEPLOYED.plus(Duration.ofHours(1)),
                List.of(new MetricRow("error-rate", "Error rate", "ratio", 0.0099, 0.074, Verdict.DEGRADED,
                                "sum(rate(http_errors{service=\"payments\"}[5m]))", "http://prom/graph?g0.expr=x", null),
                        new MetricRow("latency-p95", "p95 latency", "seconds", null, null, Verdict.NO_DATA,
                                "histogram_quantile(0.95, x)", "http://prom/graph?g0.expr=y", "no samples")),
                List.of(new TimelineEntry(DEPLOYED.minusSeconds(300), "deployment-started", "4.2.0 started",
                                "https://ci/run/7"),
                        new TimelineEntry(DEPLOYED, "deployment-finished", "4.2.0 finished: SUCCESS", null)),
                List.of(new DataGap("uncovered-failure-mode", "config-drift is watched by no metric or alert rule")),
                new DeploymentTelemetry("payment-gateway", "production", DEPLOYED.minus(Duration.ofHours(1)),
                        DEPLOYED.plus(Duration.ofHours(1)), 2, 1, 1, 0.5, Duration.ofMinutes(5), Duration.ofMinutes(7)),
                incomplete, START, collections);
    }

    @Test
    void aSavedSummaryIsReadBackWhole() {
        PirSummary saved = summary("change:CHG0030001", "CHG0030001", 1, null);

        store().save(saved);

        assertThat(store().find("change:CHG0030001")).contains(saved);
        assertThat(store().find("change:CHG0030002")).isEmpty();
    }

    @Test
    void aSummaryWithoutChangeOrTelemetryIsReadBackWhole() {
        PirSummary bare = new PirSummary("payment-gateway@production@4.2.0", null, "payment-gateway", "production",
                "payments", "4.2.0", DEPLOYED, DEPLOYED.minusSeconds(3600), DEPLOYED.plusSeconds(3600), List.of(),
                List.of(), List.of(), null, "Prometheus did not answer", START, 1);

        store().save(bare);

        assertThat(store().find(bare.key())).contains(bare);
    }

    @Test
    void savingAgainReplacesTheReleasesSummary() {
        store().save(summary("change:CHG0030001", "CHG0030001", 1, "Prometheus did not answer"));
        PirSummary again = summary("change:CHG0030001", "CHG0030001", 2, null);

        store().save(again);

        assertThat(store().find("change:CHG0030001")).contains(again);
        assertThat(port(JdbcClient.class).sql("SELECT COUNT(*) FROM pir_summaries").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void theNoteEachSystemGotIsRememberedAndReplaced() {
        store().save(summary("change:CHG0030001", "CHG0030001", 1, null));
        assertThat(store().writtenAs("change:CHG0030001", ExternalSystem.SERVICENOW)).isEmpty();

        store().rememberWritten("change:CHG0030001", ExternalSystem.SERVICENOW, "a1b2c3");
        store().rememberWritten("change:CHG0030001", ExternalSystem.JIRA, "10042");
        store().rememberWritten("change:CHG0030001", ExternalSystem.JIRA, "10043");

        assertThat(store().writtenAs("change:CHG0030001", ExternalSystem.SERVICENOW)).contains("a1b2c3");
        assertThat(store().writtenAs("change:CHG0030001", ExternalSystem.JIRA)).contains("10043");
        store().save(summary("change:CHG0030001", "CHG0030001", 2, null));
        assertThat(store().writtenAs("change:CHG0030001", ExternalSystem.JIRA)).as("kept across saves")
                .contains("10043");
    }

    @Test
    void aNoteOfAnUnsavedSummaryIsRefused() {
        assertThatThrownBy(() -> store().rememberWritten("change:CHG0039999", ExternalSystem.JIRA, "10042"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no PIR summary change:CHG0039999");
    }
}
