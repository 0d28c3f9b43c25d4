package io.retrobridge.sandbox.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The query API answers recorded series in Prometheus's own shapes, at the instants a client asks for. */
class PrometheusQueryApiTest extends PrometheusSandboxTestSupport {

    private static final Instant SAMPLE_TIME = Instant.ofEpochMilli(1435781451781L);

    @Test
    void anInstantQueryAnswersTheReferenceVectorWhenTheSameSeriesAreRecorded() throws Exception {
        sandbox.record("up", Map.of("__name__", "up", "job", "prometheus", "instance", "localhost:9090"),
                Signal.constant(1));
        sandbox.record("up", Map.of("__name__", "up", "job", "node", "instance", "localhost:9100"),
                Signal.constant(0));

        HttpResponse<String> answer = get("/api/v1/query?query=up&time=1435781451.781");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(json(answer)).isEqualTo(reference("query.vector.json"));
    }

    @Test
    void aRangeQueryAnswersTheReferenceMatrixWhenTheSameSeriesAreRecorded() throws Exception {
        sandbox.record("up", Map.of("__name__", "up", "job", "prometheus", "instance", "localhost:9090"),
                Signal.constant(1));
        sandbox.record("up", Map.of("__name__", "up", "job", "node", "instance", "localhost:9091"),
                Signal.step(0, Instant.ofEpochMilli(1435781460781L), 1));

        HttpResponse<String> answer = get("/api/v1/query_range?query=up&start=1435781430.781&end=1435781460.781"
                + "&step=15s");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer)).isEqualTo(reference("query_range.matrix.json"));
    }

    @Test
    void aRangeAnswerHasOnePointPerStepFromStartUpToEnd() throws Exception {
        Instant switched = NOW.minus(Duration.ofMinutes(30));
        sandbox.record("errors", Map.of(), Signal.step(0.0099, switched, 0.074));

        JsonNode values = json(get("/api/v1/query_range?query=errors&start=" + q(NOW.minus(Duration.ofHours(1)).toString())
                + "&end=" + q(NOW.minus(Duration.ofMinutes(1)).toString()) + "&step=" + q("10m")))
                .at("/data/result/0/values");

        List<Long> times = new ArrayList<>();
        List<String> samples = new ArrayList<>();
        values.forEach(point -> {
            times.add(point.get(0).decimalValue().longValueExact());
            samples.add(point.get(1).asText());
        });
        long start = NOW.minus(Duration.ofHours(1)).getEpochSecond();
        assertThat(times).containsExactly(start, start + 600, start + 1200, start + 1800, start + 2400, start + 3000);
        assertThat(samples).containsExactly("0.0099", "0.0099", "0.0099", "0.074", "0.074", "0.074");
        assertThat(values.get(0).get(0).isNumber()).isTrue();
        assertThat(values.get(0).get(1).isTextual()).isTrue();
    }

    @Test
    void unixSecondsAndRfc3339NameTheSameInstantsAndSecondsMayGiveTheStep() throws Exception {
        sandbox.record("errors", Map.of(), Signal.step(1, NOW.minusSeconds(30), 2));
        long from = NOW.minusSeconds(60).getEpochSecond();

        String unix = get("/api/v1/query_range?query=errors&start=" + from + "&end=" + (from + 60) + "&step=30").body();
        String rfc = get("/api/v1/query_range?query=errors&start=" + q(NOW.minusSeconds(60).toString())
                + "&end=" + q("2026-03-02T11:30:00+02:00") + "&step=30s").body();

        assertThat(unix).isEqualTo(rfc);
        assertThat(json(get("/api/v1/query_range?query=errors&start=" + from + "&end=" + (from + 60) + "&step=30"))
                .at("/data/result/0/values")).hasSize(3);
    }

    @Test
    void anInstantQueryWithoutTimeIsEvaluatedNow() throws Exception {
        sandbox.record("errors", Map.of(), Signal.step(1, NOW.minusSeconds(1), 2));

        JsonNode value = json(get("/api/v1/query?query=errors")).at("/data/result/0/value");
        clock.advance(Duration.ofMillis(250));
        JsonNode later = json(get("/api/v1/query?query=errors")).at("/data/result/0/value");

        assertThat(value.get(0).decimalValue()).isEqualByComparingTo(String.valueOf(NOW.getEpochSecond()));
        assertThat(value.get(1).asText()).isEqualTo("2");
        assertThat(later.get(0).decimalValue()).isEqualByComparingTo(NOW.getEpochSecond() + ".25");
    }

    @Test
    void aPostedFormIsAnsweredLikeTheSameGet() throws Exception {
        String query = "sum(rate(http_requests_total{service=\"payment-gateway\"}[5m]))";
        sandbox.record(query, Map.of(), Signal.constant(120).withNoise(0.02, 7));
        String range = "query=" + q(query) + "&start=" + (NOW.getEpochSecond() - 3600) + "&end=" + NOW.getEpochSecond()
                + "&step=60";

        HttpResponse<String> posted = postForm("/api/v1/query_range", range);
        HttpResponse<String> got = get("/api/v1/query_range?" + range);
        HttpResponse<String> postedInstant = postForm("/api/v1/query", "query=" + q(query) + "&time=" + NOW.getEpochSecond());

        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.body()).isEqualTo(got.body());
        assertThat(json(posted).at("/data/result/0/values")).hasSize(61);
        assertThat(json(postedInstant).at("/data/resultType").asText()).isEqualTo("vector");
        assertThat(json(postedInstant).at("/data/result/0/value/1").asText())
                .isEqualTo(json(posted).at("/data/result/0/values/60/1").asText());
        assertThat(sandbox.requests().successfulWrites("/")).as("a posted query changes nothing").isZero();
    }

    @Test
    void howAClientSpacesTheQueryDoesNotMatterButItsWordsDo() throws Exception {
        sandbox.record("histogram_quantile(0.95, sum by (le) (rate(x_bucket{service=\"a b\"}[5m])))", Map.of(),
                Signal.constant(0.21));

        JsonNode respaced = json(get("/api/v1/query?query="
                + q("histogram_quantile( 0.95,sum by(le)(\n  rate(x_bucket{ service=\"a b\" }[5m])\n))")));
        JsonNode otherLabelValue = json(get("/api/v1/query?query="
                + q("histogram_quantile(0.95, sum by (le) (rate(x_bucket{service=\"a  b\"}[5m])))")));

        assertThat(respaced.at("/data/result/0/value/1").asText()).isEqualTo("0.21");
        assertThat(otherLabelValue.at("/data/result")).isEmpty();
    }

    @Test
    void aQueryWithNoRecordingAnswersAnEmptyResultAsASelectorMatchingNothingDoes() throws Exception {
        HttpResponse<String> instant = get("/api/v1/query?query=" + q("rate(nothing_total[5m])"));
        HttpResponse<String> range = get("/api/v1/query_range?query=nothing&start=0&end=60&step=15");

        assertThat(instant.statusCode()).isEqualTo(200);
        assertThat(json(instant).toString())
                .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
        assertThat(json(range).toString())
                .isEqualTo("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}");
    }

    @Test
    void noiseIsSmallAndTheSameEachTimeTheSameInstantIsAsked() throws Exception {
        sandbox.record("throughput", Map.of(), Signal.constant(120).withNoise(0.02, 3));
        String range = "/api/v1/query_range?query=throughput&start=" + (NOW.getEpochSecond() - 600) + "&end="
                + NOW.getEpochSecond() + "&step=60";

        JsonNode first = json(get(range)).at("/data/result/0/values");
        JsonNode second = json(get(range)).at("/data/result/0/values");

        assertThat(first).isEqualTo(second);
        List<Double> values = new ArrayList<>();
        first.forEach(point -> values.add(Double.parseDouble(point.get(1).asText())));
        assertThat(values).allSatisfy(v -> assertThat(v).isBetween(117.6, 122.4)).doesNotHaveDuplicates();
    }

    @Test
    void buildInfoAndReadinessAnswerAsPrometheusDoes() throws Exception {
        HttpResponse<String> build = get("/api/v1/status/buildinfo");
        HttpResponse<String> ready = get("/-/ready");

        assertThat(build.statusCode()).isEqualTo(200);
        JsonNode info = json(build);
        assertThat(info.get("status").asText()).isEqualTo("success");
        assertThat(info.get("data").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("version", "revision", "branch", "buildUser", "buildDate", "goVersion");
        assertThat(info.at("/data/version").asText()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("Prometheus Server is Ready.\n");
    }
}
