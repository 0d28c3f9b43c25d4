package io.retrobridge.monitoring.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The admin view shows how Prometheus is reached, never a secret; and that none is configured when so. */
class PrometheusSettingsViewTest {

    @Test
    void secretsAreMaskedAndUrlUserInfoHidden() {
        PrometheusProperties settings = new PrometheusProperties(URI.create("https://proxy:url-pw-91@prom.example.com"),
                null, null, "glc-token-Kd82", Duration.ofSeconds(5), Duration.ofSeconds(20), null, 2000);

        var shown = new PrometheusSettingsView(settings).settings();

        assertThat(shown).containsEntry("baseUrl", "https://***@prom.example.com").containsEntry("auth", "bearer")
                .containsEntry("bearerToken", "****").containsEntry("password", "<unset>")
                .containsEntry("graphUrl", "https://***@prom.example.com").containsEntry("postAboveCharacters", 2000);
        assertThat(shown.toString()).doesNotContain("url-pw-91").doesNotContain("glc-token-Kd82");
        assertThat(settings.toString()).doesNotContain("url-pw-91").doesNotContain("glc-token-Kd82");
    }

    @Test
    void withoutABaseUrlItSaysSo() {
        PrometheusProperties none = new PrometheusProperties(null, null, null, null, null, null, null, null);

        assertThat(new PrometheusSettingsView(none).settings()).containsEntry("baseUrl", "<unset>")
                .containsEntry("auth", "none").containsEntry("readTimeout", "PT20S")
                .containsEntry("postAboveCharacters", 1500);
    }
}
