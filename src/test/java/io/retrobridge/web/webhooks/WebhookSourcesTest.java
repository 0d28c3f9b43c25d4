package io.retrobridge.web.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.WebhookNotice;
import io.retrobridge.sync.WebhookSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sources are found by the name in their path; two claiming one name would shadow each other, so start-up stops. */
class WebhookSourcesTest {

    @Test
    void sourcesAreFoundByNameAndListedSorted() {
        WebhookSource jira = source(ExternalSystem.JIRA);
        WebhookSource acme = source(ExternalSystem.valueOf("ACME"));

        WebhookSources sources = new WebhookSources(List.of(jira, acme));

        assertThat(sources.find("jira")).containsSame(jira);
        assertThat(sources.find("acme")).containsSame(acme);
        assertThat(sources.find("JIRA")).isEmpty();
        assertThat(sources.names()).containsExactly("acme", "jira");
    }

    @Test
    void twoSourcesWithOneNameStopTheStartUp() {
        assertThatThrownBy(() -> new WebhookSources(List.of(source(ExternalSystem.JIRA), source(ExternalSystem.JIRA))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Two webhook sources are named 'jira'");
    }

    private static WebhookSource source(ExternalSystem system) {
        return new WebhookSource() {
            @Override
            public ExternalSystem system() {
                return system;
            }

            @Override
            public String signatureHeader() {
                return "X-Signature";
            }

            @Override
            public String secretSetting() {
                return "test.secret";
            }

            @Override
            public Optional<String> secret() {
                return Optional.empty();
            }

            @Override
            public WebhookNotice read(byte[] body, Map<String, String> headers) {
                return new WebhookNotice.Ignored("test", "not read in this test");
            }
        };
    }
}
