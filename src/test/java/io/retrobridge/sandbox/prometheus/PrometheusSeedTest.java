package io.retrobridge.sandbox.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sandbox.DemoReleaseTimeline;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's recordings answer the shipped PIR queries, filled in for payment-gateway in production over 5 minutes,
 * with the failed release's jump at the instants the demo's pipeline reports.
 */
class PrometheusSeedTest extends PrometheusSandboxTestSupport {

    private static final String ERROR_RATE = "sum(rate(http_requests_total{service=\"payment-gateway\","
            + "environment=\"production\",code=~\"5..\"}[5m])) / sum(rate(http_requests_total{"
            + "service=\"payment-gateway\",environment=\"production\"}[5m]))";
    private static final String LATENCY_P95 = "histogram_quantile(0.95, sum by (le) (rate("
            + "http_request_duration_seconds_bucket{service=\"payment-gateway\",environment=\"production\"}[5m])))";
    private static final String THROUGHPUT = "sum(rate(http_requests_total{service=\"payment-gateway\","
            + "environment=\"production\"}[5m]))";

    private DemoReleaseTimeline timeline;

    @BeforeEach
    void seedTheDemo() {
        timeline = DemoReleaseTimeline.before(NOW);
        sandbox.seed().demo(timeline);
    }

    @Test
    void theErrorRateJumpsWhen420IsOutAndFallsBackWhenTheRollbackIs() throws Exception {
        assertThat(valueAt(ERROR_RATE, timeline.releaseFinished().minusSeconds(60))).isCloseTo(0.0099, within(0.03));
        assertThat(valueAt(ERROR_RATE, timeline.releaseFinished())).isCloseTo(0.074, within(0.03));
        assertThat(valueAt(ERROR_RATE, timeline.rollbackFinished().minusSeconds(1))).isCloseTo(0.074, within(0.03));
        assertThat(valueAt(ERROR_RATE, timeline.rollbackFinished().plusSeconds(600))).isCloseTo(0.0101, within(0.03));
    }

    @Test
    void latencyRisesWith420AndThroughputStaysSteady() throws Exception {
        assertThat(valueAt(LATENCY_P95, timeline.releaseStarted())).isCloseTo(0.21, within(0.03));
        assertThat(valueAt(LATENCY_P95, timeline.releaseFinished().plusSeconds(300))).isCloseTo(0.48, within(0.03));
        assertThat(valueAt(LATENCY_P95, timeline.rollbackFinished().plusSeconds(300))).isCloseTo(0.21, within(0.03));
        for (Instant at : new Instant[] {timeline.releaseStarted(), timeline.alertFired(), timeline.alertResolved()}) {
            assertThat(valueAt(THROUGHPUT, at)).isCloseTo(120, within(0.02));
        }
    }

    @Test
    void theTemplatesFilledForTheDemoAreTheQueriesAnswered() {
        assertThat(PrometheusSeed.demoQuery(PrometheusSeed.ERROR_RATE)).isEqualTo(ERROR_RATE);
        assertThat(PrometheusSeed.demoQuery(PrometheusSeed.LATENCY_P95)).isEqualTo(LATENCY_P95);
        assertThat(PrometheusSeed.demoQuery(PrometheusSeed.THROUGHPUT)).isEqualTo(THROUGHPUT);
    }

    @Test
    void anHourEitherSideOfTheReleaseIsOneSeriesWithoutLabels() throws Exception {
        Instant from = timeline.releaseFinished().minus(Duration.ofHours(1));
        Instant to = timeline.releaseFinished().plus(Duration.ofHours(1));
        JsonNode result = json(get("/api/v1/query_range?query=" + q(ERROR_RATE) + "&start=" + q(from.toString())
                + "&end=" + q(to.toString()) + "&step=60")).at("/data/result");

        assertThat(result).hasSize(1);
        assertThat(result.get(0).get("metric")).isEmpty();
        assertThat(result.get(0).get("values")).hasSize(121);
    }

    private double valueAt(String query, Instant at) throws Exception {
        JsonNode answer = json(get("/api/v1/query?query=" + q(query) + "&time=" + at.getEpochSecond()));
        assertThat(answer.at("/data/result")).as(answer.toString()).hasSize(1);
        return Double.parseDouble(answer.at("/data/result/0/value/1").asText());
    }

    private static org.assertj.core.data.Percentage within(double fraction) {
        return org.assertj.core.data.Percentage.withPercentage(fraction * 100);
    }
}
