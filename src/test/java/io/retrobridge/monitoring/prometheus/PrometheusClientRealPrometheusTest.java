package io.retrobridge.monitoring.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.retrobridge.domain.MetricSeries;
import io.retrobridge.sync.MetricsUnavailableException;
import io.retrobridge.testsupport.CamelHttpExtension;
import io.retrobridge.testsupport.RealPrometheus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client against a real Prometheus serving a written history: an error ratio that steps from about 1 % to about
 * 7 % at a known instant (a bad release). What the client reads back is exactly what was written.
 */
class PrometheusClientRealPrometheusTest {

    static final String METRIC = "http_error_ratio";
    static final Map<String, String> CHECKOUT = Map.of("service", "checkout", "environment", "production");
    static final Duration STEP = Duration.ofMinutes(1);

    @RegisterExtension
    final RealPrometheus prometheus = new RealPrometheus();
    @RegisterExtension
    final CamelHttpExtension camel = new CamelHttpExtension();

    /** Two hours of history ending a few minutes ago, one sample a minute, the release in the middle. */
    final Instant historyStart = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(125));
    final Instant release = historyStart.plus(Duration.ofMinutes(60));
    final Instant historyEnd = historyStart.plus(Duration.ofMinutes(119));
    final List<RealPrometheus.Sample> written = new ArrayList<>();
    PrometheusClient client;

    @BeforeEach
    void serveHistory() {
        for (int minute = 0; minute < 120; minute++) {
            Instant at = historyStart.plus(Duration.ofMinutes(minute));
            // Slightly different values each minute, so a mean over the wrong samples shows.
            double value = at.isBefore(release) ? 0.0095 + (minute % 3) * 0.0005 : 0.068 + (minute % 4) * 0.002;
            written.add(new RealPrometheus.Sample(METRIC, CHECKOUT, at, value));
            written.add(new RealPrometheus.Sample(METRIC, Map.of("service", "search", "environment", "production"), at,
                    0.002));
        }
        URI baseUrl = prometheus.serve(written);
        PrometheusProperties settings = new PrometheusProperties(baseUrl, null, null, null, Duration.ofSeconds(2),
                Duration.ofSeconds(10), null, null);
        client = PrometheusConnectionConfiguration.client(
                PrometheusConnectionConfiguration.remoteSystem(settings, camel.sender()), settings);
    }

    double meanWritten(Predicate<Instant> when) {
        return written.stream().filter(s -> s.labels().equals(CHECKOUT) && when.test(s.at()))
                .mapToDouble(RealPrometheus.Sample::value).average().orElseThrow();
    }

    @Test
    void aRangeQueryReadsBackTheWrittenValuesBeforeAndAfterTheRelease() {
        String query = METRIC + "{service=\"checkout\",environment=\"production\"}";

        List<MetricSeries> before = client.range(query, historyStart, release.minus(STEP), STEP);
        List<MetricSeries> after = client.range(query, release, historyEnd, STEP);

        assertThat(before).singleElement().satisfies(series -> {
            assertThat(series.labels()).containsEntry("service", "checkout").containsEntry("__name__", METRIC);
            assertThat(series.samples()).hasSize(60);
            assertThat(series.samples()).extracting(MetricSeries.Sample::value).containsExactlyElementsOf(
                    written.stream().filter(s -> s.labels().equals(CHECKOUT) && s.at().isBefore(release))
                            .map(RealPrometheus.Sample::value).toList());
        });
        double expectedBefore = meanWritten(at -> at.isBefore(release));
        double expectedAfter = meanWritten(at -> !at.isBefore(release));
        assertThat(before.get(0).mean().orElseThrow()).isCloseTo(expectedBefore, within(1e-12));
        assertThat(after.get(0).mean().orElseThrow()).isCloseTo(expectedAfter, within(1e-12));
        assertThat(expectedBefore).isBetween(0.009, 0.011);
        assertThat(expectedAfter).isBetween(0.068, 0.072);
    }

    @Test
    void aLongQueryPostedAsAFormGetsTheSameAnswer() {
        String query = "avg(" + METRIC + "{service=\"checkout\"}) " + " ".repeat(1600) + "+ 0";

        List<MetricSeries> after = client.range(query, release, historyEnd, STEP);

        assertThat(after.get(0).mean().orElseThrow()).isCloseTo(meanWritten(at -> !at.isBefore(release)),
                within(1e-12));
    }

    @Test
    void anInstantQueryAnswersTheValueInForceThen() {
        Instant afterRelease = release.plus(Duration.ofMinutes(10));

        List<MetricSeries> now = client.instant("sum by (service) (" + METRIC + ")", afterRelease);

        double writtenThen = written.stream().filter(s -> s.labels().equals(CHECKOUT) && s.at().equals(afterRelease))
                .findFirst().orElseThrow().value();
        assertThat(now).hasSize(2);
        assertThat(now).filteredOn(s -> "checkout".equals(s.labels().get("service"))).singleElement()
                .satisfies(s -> assertThat(s.samples()).containsExactly(new MetricSeries.Sample(afterRelease,
                        writtenThen)));
    }

    @Test
    void aQueryPrometheusCannotParseGivesTheBadDataMessage() {
        MetricsUnavailableException failure = null;
        try {
            client.range("sum(" + METRIC, historyStart, historyEnd, STEP);
        } catch (MetricsUnavailableException refused) {
            failure = refused;
        }

        assertThat(failure).isNotNull();
        assertThat(failure.retryLater()).isFalse();
        assertThat(failure).hasMessageStartingWith("query sum(" + METRIC + ": Prometheus refused the query as invalid: ")
                .hasMessageContaining("parse error").hasMessageEndingWith("fix the query of this metric in pir-metrics.yaml");
    }
}
