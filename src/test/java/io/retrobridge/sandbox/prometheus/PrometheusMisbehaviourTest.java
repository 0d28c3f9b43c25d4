package io.retrobridge.sandbox.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Misbehaviour a test asks for: each one for as many queries as asked, then normal answers again. */
class PrometheusMisbehaviourTest extends PrometheusSandboxTestSupport {

    private static final String QUERY = "/api/v1/query?query=up";

    @BeforeEach
    void recordUp() {
        sandbox.record("up", Map.of(), Signal.constant(1));
    }

    @Test
    void aTimeoutIs503WithPrometheusTimeoutError() throws Exception {
        sandbox.timeoutNext(1);

        HttpResponse<String> timedOut = get(QUERY);

        assertThat(timedOut.statusCode()).isEqualTo(503);
        assertThat(json(timedOut).toString()).isEqualTo(
                "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in expression evaluation\"}");
        assertThat(get(QUERY).statusCode()).isEqualTo(200);
    }

    @Test
    void anExecutionErrorIs422() throws Exception {
        sandbox.executionErrorNext(2, "query processing would load too many samples into memory in query execution");

        HttpResponse<String> first = get(QUERY);
        HttpResponse<String> second = postForm("/api/v1/query_range", "query=up&start=0&end=60&step=15");

        for (HttpResponse<String> failed : new HttpResponse[] {first, second}) {
            assertThat(failed.statusCode()).isEqualTo(422);
            assertThat(json(failed).get("errorType").asText()).isEqualTo("execution");
            assertThat(json(failed).get("error").asText()).contains("too many samples");
        }
        assertThat(get(QUERY).statusCode()).isEqualTo(200);
    }

    @Test
    void faultsMeantForQueriesLeaveTheStatusEndpointsAlone() throws Exception {
        sandbox.timeoutNext(1);

        assertThat(get("/api/v1/status/buildinfo").statusCode()).isEqualTo(200);
        assertThat(get(QUERY).statusCode()).isEqualTo(503);
    }

    @Test
    void anAnswerWithoutDataIsASuccessWithNothingInIt() throws Exception {
        sandbox.answerWithoutDataNext(1);

        HttpResponse<String> empty = get(QUERY);

        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(json(empty).toString()).isEqualTo("{\"status\":\"success\"}");
        assertThat(json(get(QUERY)).has("data")).isTrue();
    }

    @Test
    void warningsComeAlongsideTheDataForAsManyAnswersAsAsked() throws Exception {
        sandbox.warnNext(1, "PromQL info: metric might not be a counter, name does not end in _total");

        JsonNode warned = json(get(QUERY));
        JsonNode plain = json(get(QUERY));

        assertThat(warned.get("warnings")).hasSize(1);
        assertThat(warned.at("/warnings/0").asText()).startsWith("PromQL info");
        assertThat(warned.at("/data/result/0/value/1").asText()).isEqualTo("1");
        assertThat(plain.has("warnings")).isFalse();
    }

    @Test
    void aSlowAnswerOutlastsAClientThatWillNotWaitAndBehavingAgainEndsIt() throws Exception {
        sandbox.delayAnswers(Duration.ofSeconds(5));
        HttpRequest impatient = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + QUERY))
                .timeout(Duration.ofMillis(500)).build();

        assertThatThrownBy(() -> http.send(impatient, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);

        sandbox.behave();
        HttpRequest patient = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + QUERY))
                .timeout(Duration.ofSeconds(30)).build();
        assertThat(http.send(patient, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
}
