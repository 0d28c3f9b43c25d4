package io.retrobridge.monitoring.prometheus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.retrobridge.domain.MetricSeries;
import io.retrobridge.domain.MetricSeries.Sample;
import io.retrobridge.sync.MetricsUnavailableException;
import io.retrobridge.testsupport.CamelHttpExtension;
import io.retrobridge.testsupport.PrometheusOpenApi;
import io.retrobridge.transport.OutboundSender;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The Prometheus client against WireMock answering as Prometheus does (the reference answers where there are some):
 * what it sends, how it signs in, what it reads, and what every kind of failure says. Every request it sent is
 * checked against Prometheus's OpenAPI description after each test.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrometheusClientTest {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant END = Instant.parse("2026-03-02T11:00:00Z");
    static final String QUERY = "sum(rate(http_requests_total{service=\"checkout\",code=~\"5..\"}[5m]))";
    static final String JSON = "application/json";

    @RegisterExtension
    final CamelHttpExtension camel = new CamelHttpExtension();
    WireMockServer wire;

    @BeforeEach
    void start() {
        wire = new WireMockServer(options().dynamicPort());
        wire.start();
    }

    @AfterEach
    void stop() {
        try {
            PrometheusOpenApi.shared().assertEveryRequestValid(wire);
        } finally {
            wire.stop();
        }
    }

    PrometheusProperties settings(String username, String password, String token, Duration readTimeout,
            Integer postAbove, URI graphUrl) {
        return new PrometheusProperties(URI.create(wire.baseUrl()), username, password, token, Duration.ofSeconds(2),
                readTimeout, graphUrl, postAbove);
    }

    PrometheusClient client(PrometheusProperties properties, OutboundSender sender) {
        return PrometheusConnectionConfiguration.client(
                PrometheusConnectionConfiguration.remoteSystem(properties, sender), properties);
    }

    PrometheusClient client() {
        return client(settings(null, null, null, Duration.ofSeconds(5), null, null), camel.sender());
    }

    static String reference(String name) throws IOException {
        return Files.readString(Path.of(System.getProperty("retrobridge.reference-dir"), "monitoring/prometheus", name));
    }

    void answer(String path, int status, String body) {
        wire.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", JSON).withBody(body)));
        wire.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", JSON).withBody(body)));
    }

    static String error(String type, String message) {
        return "{\"status\":\"error\",\"errorType\":\"" + type + "\",\"error\":\"" + message + "\"}";
    }

    LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = wire.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    static Map<String, String> form(String body) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    MetricsUnavailableException failureOf(Runnable call) {
        try {
            call.run();
        } catch (MetricsUnavailableException expected) {
            return expected;
        }
        throw new AssertionError("expected MetricsUnavailableException");
    }

    // --- what is sent, what is read ---

    @Test
    void aRangeQueryIsAGetWithRfc3339TimesAndTheStepInSecondsAndItsMatrixIsRead() throws IOException {
        answer("/api/v1/query_range", 200, reference("query_range.matrix.json"));

        List<MetricSeries> series = client().range(QUERY, START, END, Duration.ofMinutes(1));

        LoggedRequest sent = onlyRequest();
        assertThat(sent.getMethod().value()).isEqualTo("GET");
        assertThat(sent.queryParameter("query").firstValue()).isEqualTo(QUERY);
        assertThat(sent.queryParameter("start").firstValue()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(sent.queryParameter("end").firstValue()).isEqualTo("2026-03-02T11:00:00Z");
        assertThat(sent.queryParameter("step").firstValue()).isEqualTo("60");
        assertThat(sent.getHeader("Authorization")).as("no credentials configured").isNull();
        assertThat(series).hasSize(2);
        assertThat(series.get(0).labels()).containsExactlyInAnyOrderEntriesOf(
                Map.of("__name__", "up", "job", "prometheus", "instance", "localhost:9090"));
        assertThat(series.get(0).samples()).containsExactly(
                new Sample(Instant.ofEpochMilli(1435781430781L), 1),
                new Sample(Instant.ofEpochMilli(1435781445781L), 1),
                new Sample(Instant.ofEpochMilli(1435781460781L), 1));
        assertThat(series.get(1).labels()).containsEntry("instance", "localhost:9091");
        assertThat(series.get(1).samples()).extracting(Sample::value).containsExactly(0.0, 0.0, 1.0);
    }

    @Test
    void anInstantQueryIsAGetWithItsTimeAndItsVectorIsRead() throws IOException {
        answer("/api/v1/query", 200, reference("query.vector.json"));

        List<MetricSeries> series = client().instant("up", Instant.parse("2026-03-02T09:30:15.250Z"));

        LoggedRequest sent = onlyRequest();
        assertThat(sent.getMethod().value()).isEqualTo("GET");
        assertThat(sent.queryParameter("query").firstValue()).isEqualTo("up");
        assertThat(sent.queryParameter("time").firstValue()).isEqualTo("2026-03-02T09:30:15.250Z");
        assertThat(series).extracting(s -> s.labels().get("job")).containsExactly("prometheus", "node");
        assertThat(series).extracting(s -> s.samples().get(0).value()).containsExactly(1.0, 0.0);
        assertThat(series.get(0).samples().get(0).at()).isEqualTo(Instant.ofEpochMilli(1435781451781L));
    }

    @Test
    void aFractionalStepIsSentAsFractionalSeconds() throws IOException {
        answer("/api/v1/query_range", 200, reference("query_range.matrix.json"));

        client().range("up", START, START.plusSeconds(30), Duration.ofMillis(1500));

        assertThat(onlyRequest().queryParameter("step").firstValue()).isEqualTo("1.5");
    }

    @Test
    void nanAndInfinitiesAndAScalarAreReadAsPrometheusSaidThem() {
        answer("/api/v1/query_range", 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + "{\"metric\":{\"service\":\"checkout\"},\"values\":[[1767357420,\"NaN\"],[1767357480,\"+Inf\"],"
                + "[1767357540,\"-Inf\"],[1767357600,\"0.0725\"]]}]}}");
        answer("/api/v1/query", 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":"
                + "[1767357420.5,\"42\"]}}");

        List<MetricSeries> range = client().range("x", START, END, Duration.ofMinutes(1));
        List<MetricSeries> scalar = client().instant("scalar(x)", START);

        assertThat(range.get(0).samples()).extracting(Sample::value)
                .containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0725);
        assertThat(range.get(0).mean()).hasValue(0.0725);
        assertThat(scalar).singleElement().satisfies(s -> {
            assertThat(s.labels()).isEmpty();
            assertThat(s.samples()).containsExactly(new Sample(Instant.ofEpochMilli(1767357420500L), 42));
        });
    }

    @Test
    void anEmptyResultIsNoSeries() {
        answer("/api/v1/query", 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");

        assertThat(client().instant("absent_metric", START)).isEmpty();
    }

    @Test
    void aQueryLongerThanTheLimitIsPostedAsAFormAndOneAtTheLimitStaysInTheUrl() throws IOException {
        answer("/api/v1/query_range", 200, reference("query_range.matrix.json"));
        PrometheusClient client = client(settings(null, null, null, Duration.ofSeconds(5), 40, null), camel.sender());
        String atLimit = "sum(rate(http_requests_total[5m])) > 0.1";
        String overLimit = atLimit + " ";
        assertThat(atLimit).hasSize(40);

        client.range(atLimit, START, END, Duration.ofMinutes(1));
        client.range(overLimit, START, END, Duration.ofMinutes(1));

        wire.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/query_range")).withQueryParam("query", equalTo(atLimit)));
        List<LoggedRequest> posts = wire.findAll(postRequestedFor(urlPathEqualTo("/api/v1/query_range")));
        assertThat(posts).singleElement().satisfies(posted -> {
            assertThat(posted.getUrl()).isEqualTo("/api/v1/query_range");
            assertThat(posted.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(form(posted.getBodyAsString())).containsExactly(Map.entry("query", overLimit),
                    Map.entry("start", "2026-03-02T09:00:00Z"), Map.entry("end", "2026-03-02T11:00:00Z"),
                    Map.entry("step", "60"));
        });
    }

    @Test
    void aPostedQueryIsMarkedAsOnlyReadingSoItIsRetriedLikeAGet() {
        PrometheusClient client = client(settings(null, null, null, Duration.ofSeconds(5), 10, null), camel.sender());

        assertThat(client.requestFor("/api/v1/query", "up > 0 or vector(1)", Map.of("query", "up > 0 or vector(1)"))
                .readOnly()).isTrue();
        assertThat(client.requestFor("/api/v1/query", "up", Map.of("query", "up")).readOnly()).isTrue();
    }

    @Test
    void theDefaultLimitSendsA1500CharacterQueryInTheUrlAndALongerOneAsAForm() {
        answer("/api/v1/query", 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
        PrometheusClient client = client();
        String query = "up{job=~\"" + "a".repeat(1500 - 11) + "\"}";
        assertThat(query).hasSize(1500);

        client.instant(query, START);
        client.instant(query + " or vector(0)", START);

        wire.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/query")));
        wire.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/query")).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("time=2026-03-02T09%3A00%3A00Z")));
    }

    @Test
    void aBaseUrlWithAPathPrefixKeepsItBeforeApiV1() {
        answer("/api/prom/api/v1/query", 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
                + "\"result\":[]}}");
        PrometheusProperties grafanaCloud = new PrometheusProperties(URI.create(wire.baseUrl() + "/api/prom/"), "123456",
                "glc_token", null, Duration.ofSeconds(2), Duration.ofSeconds(5), null, null);

        client(grafanaCloud, camel.sender()).instant("up", START);

        assertThat(onlyRequest().getUrl()).startsWith("/api/prom/api/v1/query?query=up&time=");
    }

    // --- credentials ---

    @Test
    void basicAuthSendsTheUserAndPasswordAsBasic() {
        answer("/api/v1/query", 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");

        client(settings("grafana-reader", "s3cret:pw", null, Duration.ofSeconds(5), null, null), camel.sender())
                .instant("up", START);

        assertThat(onlyRequest().getHeader("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("grafana-reader:s3cret:pw".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBearerTokenIsSentAsBearer() {
        answer("/api/v1/query", 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");

        client(settings(null, null, "glc_eyJrIjoiZXhhbXBsZSJ9", Duration.ofSeconds(5), null, null), camel.sender())
                .instant("up", START);

        assertThat(onlyRequest().getHeader("Authorization")).isEqualTo("Bearer glc_eyJrIjoiZXhhbXBsZSJ9");
    }

    @Test
    void refusedCredentialsNameTheSettingToCheckAndNeverTheSecret() {
        answer("/api/v1/query", 401, "Unauthorized");
        PrometheusClient basic = client(settings("reader", "pw-Zx81", null, Duration.ofSeconds(5), null, null),
                camel.sender());
        PrometheusClient bearer = client(settings(null, null, "tok-Qa19", Duration.ofSeconds(5), null, null),
                camel.sender());

        MetricsUnavailableException basicRefused = failureOf(() -> basic.instant("up", START));
        MetricsUnavailableException bearerRefused = failureOf(() -> bearer.instant("up", START));

        assertThat(basicRefused.retryLater()).isTrue();
        assertThat(basicRefused).hasMessageContaining("Prometheus refused the credentials (401)")
                .hasMessageContaining("retrobridge.prometheus.username and RETROBRIDGE_PROMETHEUS_PASSWORD")
                .hasMessageNotContaining("pw-Zx81");
        assertThat(bearerRefused.retryLater()).isTrue();
        assertThat(bearerRefused).hasMessageContaining("RETROBRIDGE_PROMETHEUS_BEARER_TOKEN")
                .hasMessageNotContaining("tok-Qa19");
    }

    @Test
    void forbiddenSaysTheAccountMayNotQuery() {
        answer("/api/v1/query", 403, "forbidden");

        MetricsUnavailableException failure = failureOf(() -> client().instant("up", START));

        assertThat(failure.retryLater()).isTrue();
        assertThat(failure).hasMessageContaining("refused access (403)")
                .hasMessageContaining("retrobridge.prometheus.username");
    }

    // --- Prometheus's own errors ---

    @Test
    void aQueryPrometheusCannotParseIsToBeFixedInTheMappingNotRetried() {
        answer("/api/v1/query_range", 400, error("bad_data",
                "invalid parameter \\\"query\\\": 1:5: parse error: unclosed left parenthesis"));

        MetricsUnavailableException failure = failureOf(() -> client().range("sum(", START, END, Duration.ofMinutes(1)));

        assertThat(failure.retryLater()).isFalse();
        assertThat(failure).hasMessage("query sum(: Prometheus refused the query as invalid: invalid parameter "
                + "\"query\": 1:5: parse error: unclosed left parenthesis; fix the query of this metric in "
                + "pir-metrics.yaml");
    }

    @Test
    void tooManyStepsSaysToRaiseTheStep() {
        answer("/api/v1/query_range", 400, error("bad_data", "exceeded maximum resolution of 11,000 points per "
                + "timeseries. Try decreasing the query resolution (?step=XX)"));

        MetricsUnavailableException failure = failureOf(() -> client().range("up", START, END, Duration.ofMillis(100)));

        assertThat(failure.retryLater()).isFalse();
        assertThat(failure).hasMessageContaining("raise the step or shorten the window in pir-metrics.yaml");
    }

    @Test
    void aQueryPrometheusCannotRunSaysToNarrowItOrRaiseTheStep() {
        answer("/api/v1/query_range", 422, error("execution", "query processing would load too many samples into "
                + "memory in query execution"));

        MetricsUnavailableException failure = failureOf(() -> client().range("up", START, END, Duration.ofSeconds(1)));

        assertThat(failure.retryLater()).isFalse();
        assertThat(failure).hasMessageContaining("Prometheus could not run the query (422, execution): query "
                + "processing would load too many samples into memory")
                .hasMessageContaining("narrow the query").hasMessageContaining("raise the step");
    }

    @Test
    void aTimeoutAsTheReferenceErrorSaysItIsRetriedLater() throws IOException {
        answer("/api/v1/query_range", 503, reference("error.json"));

        MetricsUnavailableException failure = failureOf(() -> client().range("up", START, END, Duration.ofMinutes(1)));

        assertThat(failure.retryLater()).isTrue();
        assertThat(failure).hasMessageContaining("Prometheus gave up running the query (503, timeout): message")
                .hasMessageContaining("asked again later").hasMessageContaining("-query.timeout");
    }

    @ParameterizedTest
    @CsvSource({"500, internal, TSDB not ready", "503, unavailable, too many concurrent queries",
            "503, canceled, query was canceled"})
    void aServerThatIsDownOrBusyIsAskedAgainLater(int status, String type, String message) {
        answer("/api/v1/query", status, error(type, message));

        MetricsUnavailableException failure = failureOf(() -> client().instant("up", START));

        assertThat(failure.retryLater()).isTrue();
        assertThat(failure).hasMessageContaining("(" + status + ", " + type + "): " + message);
    }

    @Test
    void theNotAcceptableReferenceErrorIsNotRetried() throws IOException {
        answer("/api/v1/query", 406, reference("error.not_acceptable.json"));

        MetricsUnavailableException failure = failureOf(() -> client().instant("up", START));

        assertThat(failure.retryLater()).isFalse();
        assertThat(failure).hasMessageContaining("cannot encode response as application/default-format");
    }

    @Test
    void anErrorInA200AnswerIsStillAnError() {
        answer("/api/v1/query", 200, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"unknown function "
                + "rat\",\"warnings\":[\"this is a partial response\"]}");

        MetricsUnavailableException failure = failureOf(() -> client().instant("rat(x[5m])", START));

        assertThat(failure.retryLater()).isFalse();
        assertThat(failure).hasMessageContaining("refused the query as invalid: unknown function rat")
                .hasMessageContaining("warnings: this is a partial response");
    }

    @Test
    void aBodyThatIsNotPrometheusJsonSaysWhichSettingToCheck() {
        answer("/api/v1/query", 200, "<html><body>Sign in to continue</body></html>");

        MetricsUnavailableException failure = failureOf(() -> client().instant("up", START));

        assertThat(failure.retryLater()).isTrue();
        assertThat(failure).hasMessageContaining("answered 200 but not with its API's JSON")
                .hasMessageContaining("retrobridge.prometheus.base-url");
    }

    @Test
    void aGatewayErrorPageIsRetriedLater() {
        answer("/api/v1/query", 502, "<html>Bad Gateway</html>");

        MetricsUnavailableException failure = failureOf(() -> client().instant("up", START));

        assertThat(failure.retryLater()).isTrue();
        assertThat(failure).hasMessageContaining("answered 502 with a body that is not Prometheus's API JSON");
    }

    @Test
    void aSuccessWithoutDataOrWithTextSaysWhatIsMissing() {
        answer("/api/v1/query", 200, "{\"status\":\"success\"}");
        answer("/api/v1/query_range", 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"string\","
                + "\"result\":[1767357420,\"hello\"]}}");

        MetricsUnavailableException noData = failureOf(() -> client().instant("up", START));
        MetricsUnavailableException text = failureOf(() -> client().range("\"hello\"", START, END, Duration.ofMinutes(1)));

        assertThat(noData).hasMessageContaining("Prometheus answered, but it has no \"data\" object");
        assertThat(text).hasMessageContaining("its data is of type string, not numbers");
        assertThat(text.retryLater()).isFalse();
    }

    @Test
    void aMissingApiSaysToCheckTheBaseUrl() {
        wire.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404).withBody("404 page not found")));

        MetricsUnavailableException failure = failureOf(() -> client().instant("up", START));

        assertThat(failure).hasMessageContaining("no Prometheus query API at " + wire.baseUrl() + "/api/v1 (404)")
                .hasMessageContaining("retrobridge.prometheus.base-url");
    }

    // --- no answer ---

    @Test
    void aSlowPrometheusIsATimeoutNamingTheReadTimeoutSetting() {
        wire.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)
                .withBody("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")));
        PrometheusClient impatient = client(settings(null, null, null, Duration.ofMillis(300), null, null),
                camel.sender());

        MetricsUnavailableException failure = failureOf(() -> impatient.instant("up", START));

        assertThat(failure.retryLater()).isTrue();
        assertThat(failure).hasMessageContaining("Prometheus did not answer in time")
                .hasMessageContaining("retrobridge.prometheus.read-timeout");
    }

    @Test
    void anUnreachablePrometheusIsAskedAgainLater() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        PrometheusProperties nowhere = new PrometheusProperties(URI.create("http://127.0.0.1:" + closed), null, null,
                null, Duration.ofSeconds(1), Duration.ofSeconds(1), null, null);

        MetricsUnavailableException failure = failureOf(() -> client(nowhere, camel.sender()).instant("up", START));

        assertThat(failure.retryLater()).isTrue();
        assertThat(failure).hasMessageContaining("cannot reach Prometheus at 127.0.0.1:" + closed);
    }

    @Test
    void warningsOfASuccessfulAnswerAreLogged(CapturedOutput output) {
        answer("/api/v1/query", 200, "{\"status\":\"success\",\"warnings\":[\"PromQL info: metric might not be a "
                + "counter\"],\"data\":{\"resultType\":\"vector\",\"result\":[]}}");

        client().instant("rate(up[5m])", START);

        assertThat(output).contains("Prometheus warns about query rate(up[5m]): PromQL info: metric might not be a counter");
    }

    // --- graph links ---

    @Test
    void aGraphLinkOpensTheQueryInPrometheusClassicGraphPage() {
        PrometheusClient client = client(settings("u", "p", null, Duration.ofSeconds(5), null,
                URI.create("https://user:pw@prometheus.example.com/")), camel.sender());

        String link = client.graphLink("sum(rate(errors_total{service=\"checkout\"}[5m]))",
                Instant.parse("2026-03-02T10:15:30Z"), Duration.ofHours(2));

        assertThat(link).isEqualTo("https://prometheus.example.com/graph?g0.expr="
                + "sum%28rate%28errors_total%7Bservice%3D%22checkout%22%7D%5B5m%5D%29%29"
                + "&g0.tab=0&g0.range_input=2h&g0.end_input=2026-03-02%2010%3A15%3A30");
    }

    @Test
    void aGraphLinkWithoutAGraphUrlUsesTheBaseUrlAndTheLargestWholeUnit() {
        String link = client().graphLink("up", Instant.parse("2026-03-02T10:15:30Z"), Duration.ofMinutes(90));

        assertThat(link).startsWith(wire.baseUrl() + "/graph?g0.expr=up&g0.tab=0&g0.range_input=90m&");
        assertThat(GraphLinks.rangeInput(Duration.ofDays(2))).isEqualTo("2d");
        assertThat(GraphLinks.rangeInput(Duration.ofSeconds(45))).isEqualTo("45s");
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsSent() {
        PrometheusClient client = client();

        assertThatThrownBy(() -> client.range(" ", START, END, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query must not be empty");
        assertThatThrownBy(() -> client.range("up", END, START, Duration.ofMinutes(1)))
                .hasMessageContaining("is before start");
        assertThatThrownBy(() -> client.range("up", START, END, Duration.ZERO)).hasMessageContaining("step");
        assertThat(wire.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
