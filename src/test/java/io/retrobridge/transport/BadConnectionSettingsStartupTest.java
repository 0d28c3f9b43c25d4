package io.retrobridge.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.RetroBridgeApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What an admin sees when the Jira or ServiceNow settings are missing or wrong: each setting, its env var, the fix. */
@ExtendWith(OutputCaptureExtension.class)
class BadConnectionSettingsStartupTest {

    static final String JIRA_TOKEN = "jira-token-Mx71Qa";
    static final String SN_PASSWORD = "sn-password-Ke62Wd";

    /** No profile: application.yaml alone, as a first run would see it, plus the admin's arguments. */
    static void start(String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:bad-settings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--retrobridge.servicenow.base-url=http://127.0.0.1:9",
                "--retrobridge.servicenow.username=retrobridge.integration",
                "--retrobridge.servicenow.password=" + SN_PASSWORD));
        args.addAll(List.of(settings));
        new SpringApplicationBuilder(RetroBridgeApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void missingBaseUrlAndTokenAreNamedOneLineEachWithTheirEnvironmentVariable(CapturedOutput output) {
        assertThatThrownBy(() -> start("--retrobridge.jira.email=bot@acme.example")).isNotNull();

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("- retrobridge.jira.base-url (env RETROBRIDGE_JIRA_BASE_URL) is not set: expected your Jira "
                        + "site as an absolute http(s) URL, e.g. https://acme.atlassian.net; or run the demo: "
                        + "--spring.profiles.active=demo")
                .contains("- retrobridge.jira.api-token (env RETROBRIDGE_JIRA_API_TOKEN) is not set: expected an API "
                        + "token of the Jira Cloud account in retrobridge.jira.email")
                .doesNotContain("- retrobridge.jira.email ")
                .doesNotContain(SN_PASSWORD);
    }

    @Test
    void aFirstRunWithNothingSetListsEveryMissingSettingAtOnce(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RetroBridgeApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:first-run-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")).isNotNull();

        assertThat(output.getAll())
                .contains("- retrobridge.jira.base-url (env RETROBRIDGE_JIRA_BASE_URL) is not set")
                .contains("- retrobridge.jira.email (env RETROBRIDGE_JIRA_EMAIL) is not set")
                .contains("- retrobridge.jira.api-token (env RETROBRIDGE_JIRA_API_TOKEN) is not set")
                .contains("- retrobridge.servicenow.base-url (env RETROBRIDGE_SERVICENOW_BASE_URL) is not set: expected "
                        + "your instance as an absolute http(s) URL, e.g. https://acme.service-now.com; or run the demo: "
                        + "--spring.profiles.active=demo")
                .contains("- retrobridge.servicenow.username (env RETROBRIDGE_SERVICENOW_USERNAME) is not set")
                .contains("- retrobridge.servicenow.password (env RETROBRIDGE_SERVICENOW_PASSWORD) is not set");
    }

    @Test
    void aNegativeSearchSettleTimeIsRefusedWithItsRange(CapturedOutput output) {
        assertThatThrownBy(() -> start("--retrobridge.jira.base-url=https://acme.atlassian.net",
                "--retrobridge.jira.email=bot@acme.example", "--retrobridge.jira.api-token=" + JIRA_TOKEN,
                "--retrobridge.jira.search-settle-time=-1s")).isNotNull();

        assertThat(output.getAll())
                .contains("- retrobridge.jira.search-settle-time (env RETROBRIDGE_JIRA_SEARCH_SETTLE_TIME) is not valid: "
                        + "expected a duration from 0s to 1h (default 3m)")
                .doesNotContain(JIRA_TOKEN);
    }

    @Test
    void anAddressWithoutSchemeIsNotAUrl(CapturedOutput output) {
        assertThatThrownBy(() -> start("--retrobridge.jira.base-url=acme.atlassian.net",
                "--retrobridge.jira.email=bot@acme.example", "--retrobridge.jira.api-token=" + JIRA_TOKEN)).isNotNull();

        assertThat(output.getAll())
                .contains("- retrobridge.jira.base-url (env RETROBRIDGE_JIRA_BASE_URL) is not an absolute http or https "
                        + "URL: expected your Jira site as an absolute http(s) URL, e.g. https://acme.atlassian.net; "
                        + "or run the demo: --spring.profiles.active=demo")
                .doesNotContain(JIRA_TOKEN)
                .doesNotContain(SN_PASSWORD);
    }

    @Test
    void anAddressThatCannotBeParsedIsNamedWithoutEchoingIt(CapturedOutput output) {
        assertThatThrownBy(() -> start("--retrobridge.jira.base-url=https://acme atlassian net/" + JIRA_TOKEN,
                "--retrobridge.jira.email=bot@acme.example", "--retrobridge.jira.api-token=" + JIRA_TOKEN)).isNotNull();

        assertThat(output.getAll())
                .contains("- retrobridge.jira.base-url (env RETROBRIDGE_JIRA_BASE_URL) is not an absolute http or https "
                        + "URL: expected your Jira site as an absolute http(s) URL")
                .contains("--spring.profiles.active=demo")
                .doesNotContain(JIRA_TOKEN);
    }

    @Test
    void aValueOfTheWrongTypeSaysWhatTypeIsExpected(CapturedOutput output) {
        assertThatThrownBy(() -> start("--retrobridge.jira.base-url=https://acme.atlassian.net",
                "--retrobridge.jira.email=bot@acme.example", "--retrobridge.jira.api-token=" + JIRA_TOKEN,
                "--retrobridge.jira.read-timeout=soon")).isNotNull();

        assertThat(output.getAll())
                .contains("- retrobridge.jira.read-timeout (env RETROBRIDGE_JIRA_READ_TIMEOUT) could not be read: "
                        + "expected a duration such as 10s, 500ms or PT1M; or run the demo: --spring.profiles.active=demo")
                .doesNotContain("soon")
                .doesNotContain(JIRA_TOKEN);
    }
}
