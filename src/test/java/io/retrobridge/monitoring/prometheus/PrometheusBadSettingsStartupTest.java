package io.retrobridge.monitoring.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.RetroBridgeApplication;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Wrong Prometheus settings stop start-up with one line per setting, its environment variable and the fix. */
@ExtendWith(OutputCaptureExtension.class)
class PrometheusBadSettingsStartupTest {

    static final String TOKEN = "glc-token-Pq73Zx";

    @Test
    void aBaseUrlWithoutSchemeAUserWithoutPasswordAndTwoAuthKindsAreEachNamed(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RetroBridgeApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:bad-prometheus-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--retrobridge.jira.base-url=http://127.0.0.1:9", "--retrobridge.jira.email=bot@acme.example",
                "--retrobridge.jira.api-token=jira-token", "--retrobridge.servicenow.base-url=http://127.0.0.1:9",
                "--retrobridge.servicenow.username=retrobridge.integration",
                "--retrobridge.servicenow.password=sn-password",
                "--retrobridge.prometheus.base-url=prometheus.example.com",
                "--retrobridge.prometheus.username=grafana-reader",
                "--retrobridge.prometheus.bearer-token=" + TOKEN)).isNotNull();

        assertThat(output.getAll())
                .contains("- retrobridge.prometheus.base-url (env RETROBRIDGE_PROMETHEUS_BASE_URL) is not an absolute "
                        + "http or https URL: expected the Prometheus server root as an absolute http(s) URL, e.g. "
                        + "https://prometheus.example.com")
                .contains("- retrobridge.prometheus.password (env RETROBRIDGE_PROMETHEUS_PASSWORD) is not set: "
                        + "expected username and password go together: set both for basic auth, or neither")
                .contains("- retrobridge.prometheus.bearer-token (env RETROBRIDGE_PROMETHEUS_BEARER_TOKEN) is set "
                        + "together with a username or password: expected either a bearer token or username and "
                        + "password (basic auth), not both")
                .doesNotContain(TOKEN);
    }
}
