package io.retrobridge.monitoring.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.testsupport.PrometheusOpenApi;
import org.junit.jupiter.api.Test;

/** The checker the client tests rely on refuses what Prometheus would refuse, and accepts what it takes. */
class PrometheusOpenApiCheckTest {

    static final String FORM = "application/x-www-form-urlencoded";
    final PrometheusOpenApi spec = PrometheusOpenApi.shared();

    @Test
    void acceptsARangeQueryInTheUrlAndAsAForm() {
        assertThat(spec.problems("GET", "/api/v1/query_range?query=up&start=2026-03-02T09:00:00Z"
                + "&end=2026-03-02T10:00:00Z&step=60", null, null)).isEmpty();
        assertThat(spec.problems("POST", "/api/v1/query_range", FORM,
                "query=up&start=1767357420&end=1767361020&step=15s")).isEmpty();
        assertThat(spec.problems("GET", "/api/prom/api/v1/query?query=up&time=2026-03-02T09:00:00.250Z", null, null))
                .as("a path prefix before /api/v1, as Grafana Cloud has").isEmpty();
    }

    @Test
    void refusesAnUnknownParameterOrFormField() {
        assertThat(spec.problems("GET", "/api/v1/query?query=up&at=2026-03-02T09:00:00Z", null, null))
                .singleElement().asString().contains("query parameter at is not declared");
        assertThat(spec.problems("POST", "/api/v1/query", FORM, "query=up&instant=1767357420"))
                .singleElement().asString().contains("form field instant is not declared");
    }

    @Test
    void refusesAMissingRequiredParameterOrFormField() {
        assertThat(spec.problems("GET", "/api/v1/query_range?query=up&start=2026-03-02T09:00:00Z&step=60", null, null))
                .singleElement().asString().contains("required query parameter end is missing");
        assertThat(spec.problems("POST", "/api/v1/query_range", FORM, "query=up&start=1&end=2"))
                .singleElement().asString().contains("required form field step is missing");
    }

    @Test
    void refusesValuesOfTheWrongFormAnUnknownPathMethodOrBodyType() {
        assertThat(spec.problems("GET", "/api/v1/query_range?query=up&start=yesterday&end=2026-03-02T10:00:00Z"
                + "&step=1%20minute", null, null)).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("start 'yesterday'"))
                .anySatisfy(p -> assertThat(p).contains("step '1 minute'"));
        assertThat(spec.problems("GET", "/api/v1/querys?query=up", null, null)).singleElement().asString()
                .contains("no path /querys");
        assertThat(spec.problems("DELETE", "/api/v1/query?query=up", null, null)).singleElement().asString()
                .contains("no DELETE");
        assertThat(spec.problems("POST", "/api/v1/query", "application/json", "{\"query\":\"up\"}")).singleElement()
                .asString().contains("'application/json' is not one of [application/x-www-form-urlencoded]");
    }
}
