package io.retrobridge.monitoring.prometheus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.retrobridge.testsupport.CamelHttpExtension;
import io.retrobridge.testsupport.MutableClock;
import io.retrobridge.testsupport.PrometheusOpenApi;
import io.retrobridge.transport.ConnectionsProperties;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The prometheus health component against WireMock: UP with its version, DOWN with the setting to fix. */
class PrometheusHealthIndicatorTest {

    static final String BUILDINFO = "/api/v1/status/buildinfo";

    WireMockServer wire;
    @RegisterExtension
    final CamelHttpExtension camel = new CamelHttpExtension();
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:30:00Z"));

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

    PrometheusHealthIndicator indicator(String username, String password, String token) {
        PrometheusProperties properties = new PrometheusProperties(URI.create(wire.baseUrl()), username, password,
                token, Duration.ofSeconds(2), Duration.ofSeconds(5), null, null);
        return new PrometheusHealthIndicator(PrometheusConnectionConfiguration.connectionCheck(
                PrometheusConnectionConfiguration.remoteSystem(properties, camel.sender()), properties,
                new ConnectionsProperties(Duration.ofSeconds(60), Duration.ofSeconds(15), false), clock));
    }

    @Test
    void upAsTheUserWithThePrometheusVersion() {
        wire.stubFor(get(urlPathEqualTo(BUILDINFO)).willReturn(aResponse().withStatus(200).withBody(
                "{\"status\":\"success\",\"data\":{\"version\":\"2.42.0\",\"revision\":\"abc\",\"branch\":\"HEAD\"}}")));

        Health health = indicator("grafana-reader", "pw", null).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails().toString()).contains("grafana-reader (Prometheus 2.42.0)");
        wire.verify(getRequestedFor(urlPathEqualTo(BUILDINFO)).withHeader("Authorization", equalTo(
                "Basic " + java.util.Base64.getEncoder().encodeToString("grafana-reader:pw".getBytes()))));
    }

    @Test
    void downWithTheTokenSettingWhenTheTokenIsRefused() {
        wire.stubFor(get(urlPathEqualTo(BUILDINFO)).willReturn(aResponse().withStatus(401)));

        Health health = indicator(null, null, "expired-token-Ha61").health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().toString()).contains("RETROBRIDGE_PROMETHEUS_BEARER_TOKEN")
                .doesNotContain("expired-token-Ha61");
    }

    @Test
    void downWhenTheUrlAnswersButNotAsPrometheus() {
        wire.stubFor(get(urlPathEqualTo(BUILDINFO)).willReturn(aResponse().withStatus(200).withBody("<html>Grafana</html>")));

        Health health = indicator(null, null, null).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().toString()).contains("retrobridge.prometheus.base-url");
    }
}
