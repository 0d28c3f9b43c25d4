package io.retrobridge.monitoring.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.transport.ResilienceProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Prometheus has its own pace and retry settings, gentler than Jira's and ServiceNow's by default. */
class PrometheusResilienceSettingsTest {

    static ResilienceProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("retrobridge.resilience", ResilienceProperties.class);
    }

    @Test
    void byDefaultFiveRequestsASecondAndThreeAttempts() {
        ResilienceProperties.PerSystem prometheus = bind(Map.of()).forSystem("Prometheus");

        assertThat(prometheus.requestsPerSecond()).isEqualTo(5.0);
        assertThat(prometheus.maxAttempts()).isEqualTo(3);
        assertThat(bind(Map.of()).forSystem("Jira").maxAttempts()).isEqualTo(5);
    }

    @Test
    void settingOneValueKeepsTheOtherDefaultsOfPrometheus() {
        ResilienceProperties settings = bind(Map.of("retrobridge.resilience.prometheus.breaker-window", "40",
                "retrobridge.resilience.jira.requests-per-second", "2"));

        assertThat(settings.forSystem("Prometheus").breakerWindow()).isEqualTo(40);
        assertThat(settings.forSystem("Prometheus").maxAttempts()).isEqualTo(3);
        assertThat(settings.forSystem("Prometheus").requestsPerSecond()).isEqualTo(5.0);
        assertThat(settings.forSystem("Jira").maxAttempts()).isEqualTo(5);
        assertThat(settings.forSystem("ServiceNow").maxAttempts()).isEqualTo(5);
    }

    @Test
    void theTwoSystemConstructorStillGivesPrometheusItsDefaults() {
        assertThat(new ResilienceProperties(null, null).forSystem("Prometheus").maxAttempts()).isEqualTo(3);
        assertThat(bind(Map.of("retrobridge.resilience.prometheus.max-attempts", "1")).forSystem("Prometheus")
                .maxAttempts()).isEqualTo(1);
    }
}
