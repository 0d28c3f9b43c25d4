package io.retrobridge.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.RetroBridgeApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What an admin sees when RetroBridge refuses its key settings: the problem and the fix, never the key. */
@ExtendWith(OutputCaptureExtension.class)
class BadKeySettingsStartupTest {

    private static final String SHORT_KEY = "short-Xk29q";
    private static final String GOOD_KEY = "good-Vt83Lq1Zm6Rp0Wd";

    @Test
    void startupStopsWithOneReportNamingEachBadSetting(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(RetroBridgeApplication.class)
                .profiles("test");

        // Command-line arguments, as an admin would pass them; they outrank application.yaml.
        assertThatThrownBy(() -> app.run("--server.port=0",
                        "--retrobridge.security.api-keys[0].name=ci", "--retrobridge.security.api-keys[0].key=" + SHORT_KEY,
                        "--retrobridge.security.api-keys[0].role=pipeline",
                        "--retrobridge.security.api-keys[1].name=grafana", "--retrobridge.security.api-keys[1].key=" + GOOD_KEY,
                        "--retrobridge.security.api-keys[1].role=auditor",
                        "--retrobridge.security.bootstrap-admin-key=" + GOOD_KEY))
                .hasRootCauseInstanceOf(InvalidApiKeySettingsException.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("retrobridge.security.api-keys[0].key is too short (11 characters)")
                .contains("retrobridge.security.api-keys[1].role is 'auditor', which is not a role")
                .contains("retrobridge.security.bootstrap-admin-key is the same key as retrobridge.security.api-keys[1].key")
                .contains("openssl rand -hex 32")
                .doesNotContain(SHORT_KEY)
                .doesNotContain(GOOD_KEY);
    }
}
