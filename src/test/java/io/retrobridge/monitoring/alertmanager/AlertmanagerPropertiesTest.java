package io.retrobridge.monitoring.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The Alertmanager settings as bound from their keys, with the defaults a receiver needs nothing else for. */
class AlertmanagerPropertiesTest {

    @Test
    void theDefaultsNameTheUsualServiceAndEnvironmentLabelsAndLeaveTheEndpointOff() {
        AlertmanagerProperties settings = bind(Map.of());

        assertThat(settings.serviceLabelNames()).containsExactly("service", "app", "application", "job");
        assertThat(settings.environmentLabelNames()).containsExactly("environment", "env");
        assertThat(settings.production()).isEqualTo("production");
        assertThat(settings.configuredSecret()).isEmpty();
        assertThat(settings.isSecretLongEnough()).isTrue();
    }

    @Test
    void labelListsAreTrimmedAndTheSecretIsNeverPrinted() {
        AlertmanagerProperties settings = bind(Map.of(
                "retrobridge.alertmanager.secret", "0123456789abcdef-secret",
                "retrobridge.alertmanager.service-labels", " component , ,service",
                "retrobridge.alertmanager.production-environment", "Prod"));

        assertThat(settings.serviceLabelNames()).containsExactly("component", "service");
        assertThat(settings.production()).isEqualTo("prod");
        assertThat(settings.isSecretLongEnough()).isTrue();
        assertThat(settings.toString()).doesNotContain("0123456789abcdef-secret").contains("secret=****");
    }

    @Test
    void aSecretShorterThan16CharactersIsRefused() {
        assertThat(bind(Map.of("retrobridge.alertmanager.secret", "short")).isSecretLongEnough()).isFalse();
    }

    private static AlertmanagerProperties bind(Map<String, String> keys) {
        return new Binder(new MapConfigurationPropertySource(keys))
                .bindOrCreate("retrobridge.alertmanager", AlertmanagerProperties.class);
    }
}
