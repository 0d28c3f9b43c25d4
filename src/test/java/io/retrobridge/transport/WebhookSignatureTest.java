package io.retrobridge.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private final WebhookSignature signature = new WebhookSignature("It's a Secret to Everybody");
    private final byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsTheSignatureOfTheExactBody() {
        // The published example of GitHub-style webhook signatures, which Jira Cloud uses as well.
        String expected = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

        assertThat(signature.sign(body)).isEqualTo(expected);
        assertThat(signature.matches(body, expected)).isTrue();
        assertThat(signature.matches(body, expected.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
    }

    @Test
    void refusesAnyOtherBodySecretOrHeader() {
        String good = signature.sign(body);

        assertThat(signature.matches("Hello, World?".getBytes(StandardCharsets.UTF_8), good)).isFalse();
        assertThat(new WebhookSignature("another secret").matches(body, good)).isFalse();
        assertThat(signature.matches(body, null)).isFalse();
        assertThat(signature.matches(body, "sha1=" + good.substring(7))).isFalse();
        assertThat(signature.matches(body, "sha256=not-hex")).isFalse();
        assertThat(signature.matches(body, "sha256=")).isFalse();
        assertThat(signature.toString()).doesNotContain("Secret");
        assertThatThrownBy(() -> new WebhookSignature(" ")).hasMessageContaining("secret is needed");
    }
}
