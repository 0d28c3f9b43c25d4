package io.retrobridge.monitoring.prometheus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.retrobridge.sync.MetricQueries;
import io.retrobridge.sync.MetricsUnavailableException;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With retrobridge.prometheus.base-url set, the application has a {@link MetricQueries} bean, a {@code prometheus}
 * health component, and queries go through Prometheus's own breaker route with its retry settings.
 */
@SpringBootTest
@ActiveProfiles("test")
class PrometheusWiringTest {

    static final String EMPTY = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";
    static final WireMockServer wire = new WireMockServer(options().dynamicPort());

    @Autowired
    MetricQueries metrics;
    @Autowired
    HealthContributorRegistry health;
    @Autowired
    CamelContext camel;

    @DynamicPropertySource
    static void prometheus(DynamicPropertyRegistry registry) {
        wire.start();
        wire.stubFor(get(urlPathEqualTo("/api/v1/status/buildinfo")).willReturn(aResponse().withStatus(200)
                .withBody("{\"status\":\"success\",\"data\":{\"version\":\"2.42.0\",\"revision\":\"x\"}}")));
        registry.add("retrobridge.prometheus.base-url", wire::baseUrl);
        registry.add("retrobridge.resilience.prometheus.max-attempts", () -> "2");
        registry.add("retrobridge.resilience.prometheus.breaker-window", () -> "2");
        registry.add("retrobridge.resilience.prometheus.breaker-minimum-calls", () -> "2");
        registry.add("retrobridge.resilience.prometheus.breaker-failure-rate", () -> "100");
        registry.add("retrobridge.connections.check-interval", () -> "1h");
    }

    @AfterAll
    static void stopWireMock() {
        wire.stop();
    }

    @Test
    void queriesAreRetriedThroughPrometheusOwnBreakerWhichOpensAfterFailures() {
        // The start-up report asks first; wait for it, so it cannot land between the calls below.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                wire.verify(getRequestedFor(urlPathEqualTo("/api/v1/status/buildinfo"))));
        HealthIndicator prometheus = (HealthIndicator) health.getContributor("prometheus");
        assertThat(prometheus.health().getStatus()).isEqualTo(Status.UP);
        assertThat(prometheus.health().getDetails().toString()).contains("anonymous (Prometheus 2.42.0)");
        assertThat(camel.getRoute("outbound-prometheus")).isNotNull();
        assertThat(metrics.systemName()).isEqualTo("Prometheus");

        wire.stubFor(get(urlPathEqualTo("/api/v1/query")).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("{\"status\":\"error\",\"errorType\":\"unavailable\","
                        + "\"error\":\"too many queries\"}")).willSetStateTo("calm"));
        wire.stubFor(get(urlPathEqualTo("/api/v1/query")).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withBody(EMPTY)).willSetStateTo("down"));
        wire.stubFor(get(urlPathEqualTo("/api/v1/query")).inScenario("busy").whenScenarioStateIs("down")
                .willReturn(aResponse().withStatus(500).withBody("{\"status\":\"error\",\"errorType\":\"internal\","
                        + "\"error\":\"TSDB not ready\"}")));

        assertThat(metrics.instant("up", Instant.parse("2026-03-02T09:00:00Z"))).isEmpty();
        wire.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/query")));

        MetricsUnavailableException down = catchUnavailable(() -> metrics.instant("up", Instant.now()));
        assertThat(down).hasMessageContaining("(500, internal): TSDB not ready");
        wire.verify(4, getRequestedFor(urlPathEqualTo("/api/v1/query")));

        MetricsUnavailableException notAsked = catchUnavailable(() -> metrics.instant("up", Instant.now()));
        assertThat(notAsked.retryLater()).isTrue();
        assertThat(notAsked).hasMessageContaining("Prometheus was not asked: ")
                .hasMessageContaining("circuit open for Prometheus")
                .hasMessageContaining("retrobridge.resilience.prometheus.breaker-wait-seconds");
        wire.verify(4, getRequestedFor(urlPathEqualTo("/api/v1/query")));
    }

    static MetricsUnavailableException catchUnavailable(Runnable call) {
        try {
            call.run();
        } catch (MetricsUnavailableException expected) {
            return expected;
        }
        throw new AssertionError("expected MetricsUnavailableException");
    }
}
