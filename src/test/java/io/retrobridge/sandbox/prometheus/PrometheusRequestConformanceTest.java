package io.retrobridge.sandbox.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the simulator accepts, clients may send to a real Prometheus: the requests it answered are checked against
 * Prometheus's OpenAPI description, and the check itself refuses what that description does not allow.
 */
class PrometheusRequestConformanceTest extends PrometheusSandboxTestSupport {

    private static PrometheusApiDescription description;

    @BeforeAll
    static void readDescription() throws Exception {
        description = PrometheusApiDescription.load();
    }

    @Test
    void theRequestsTheSimulatorAnswersAreOnesPrometheusDescribes() throws Exception {
        String query = PrometheusSeed.demoQuery(PrometheusSeed.ERROR_RATE);
        sandbox.record(query, Map.of(), Signal.constant(0.01));

        assertThat(get("/api/v1/query?query=" + q(query) + "&time=" + NOW.getEpochSecond()).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/query_range?query=" + q(query) + "&start=0&end=600&step=60s").statusCode())
                .isEqualTo(200);
        assertThat(postForm("/api/v1/query", "query=" + q(query)).statusCode()).isEqualTo(200);
        assertThat(postForm("/api/v1/query_range", "query=" + q(query) + "&start=" + q(NOW.toString()) + "&end="
                + q(NOW.toString()) + "&step=15s").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/status/buildinfo").statusCode()).isEqualTo(200);

        assertThat(sandbox.requests().all()).hasSize(5);
        assertThat(description.problems(sandbox.requests())).isEmpty();
    }

    @Test
    void theCheckRefusesWhatTheDescriptionDoesNotAllow() {
        assertThat(description.problems("GET", "/api/v1/query_range", Set.of("query", "start", "end"), null))
                .containsExactly("GET /api/v1/query_range: missing required parameter step");
        assertThat(description.problems("GET", "/api/v1/query", Set.of("query", "at"), null))
                .containsExactly("GET /api/v1/query: undeclared parameter at (declared: [limit, time, query, timeout,"
                        + " lookback_delta, stats])");
        assertThat(description.problems("POST", "/api/v1/query", Set.of("query"), "application/json"))
                .singleElement().asString().startsWith("POST /api/v1/query: body must be one of");
        assertThat(description.problems("POST", "/api/v1/query_range", Set.of("query", "start", "end", "resolution"),
                "application/x-www-form-urlencoded")).anySatisfy(problem -> assertThat(problem)
                .startsWith("POST /api/v1/query_range: undeclared parameter resolution"));
        assertThat(description.problems("DELETE", "/api/v1/query", Set.of(), null))
                .containsExactly("DELETE /api/v1/query: not described");
    }
}
