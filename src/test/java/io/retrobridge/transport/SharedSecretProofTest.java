package io.retrobridge.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.sync.WebhookSource.Proof;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The bearer-or-basic proof: Alertmanager's http_config sends the secret one way or the other. */
class SharedSecretProofTest {

    private static final String SECRET = "alertmanager-secret-0123456789";
    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSecretHoldsAsABearerTokenOrAsABasicPasswordUnderAnyUser() {
        assertThat(holds("Bearer " + SECRET)).isTrue();
        assertThat(holds("bearer  " + SECRET + " ")).isTrue();
        assertThat(holds(basic("alertmanager", SECRET))).isTrue();
        assertThat(holds(basic("", SECRET))).isTrue();
    }

    @Test
    void anythingElseDoesNot() {
        assertThat(holds("Bearer " + SECRET + "x")).isFalse();
        assertThat(holds("Bearer ")).isFalse();
        assertThat(holds(SECRET)).as("the bare secret is not a bearer token").isFalse();
        assertThat(holds("Token " + SECRET)).isFalse();
        assertThat(holds(basic(SECRET, "wrong"))).as("the secret as the user name").isFalse();
        assertThat(holds("Basic not-base64!")).isFalse();
        assertThat(holds(null)).isFalse();
    }

    @Test
    void theOtherProofsStillTakeOnlyTheirOwnForm() {
        assertThat(SharedSecretProof.holds(Proof.BASIC_AUTH, SECRET, BODY, "Bearer " + SECRET)).isFalse();
        assertThat(SharedSecretProof.holds(Proof.TOKEN, SECRET, BODY, "Bearer " + SECRET)).isFalse();
        assertThat(SharedSecretProof.holds(Proof.BASIC_AUTH, SECRET, BODY, basic("any", SECRET))).isTrue();
    }

    @Test
    void gitLabsBareHexSignatureHoldsOnlyWithoutAPrefixAndOverTheExactBody() {
        String hex = new WebhookSignature(SECRET).sign(BODY).substring("sha256=".length());

        assertThat(SharedSecretProof.holds(Proof.HMAC_SHA256_HEX, SECRET, BODY, hex)).isTrue();
        assertThat(SharedSecretProof.holds(Proof.HMAC_SHA256_HEX, SECRET, BODY, hex.toUpperCase())).isTrue();
        assertThat(SharedSecretProof.holds(Proof.HMAC_SHA256_HEX, SECRET, BODY, "sha256=" + hex))
                .as("GitLab sends no prefix").isFalse();
        assertThat(SharedSecretProof.holds(Proof.HMAC_SHA256_HEX, SECRET, "{ }".getBytes(StandardCharsets.UTF_8),
                hex)).as("another body").isFalse();
        assertThat(SharedSecretProof.holds(Proof.HMAC_SHA256_HEX, "another-secret-0123456789", BODY, hex)).isFalse();
        assertThat(SharedSecretProof.holds(Proof.HMAC_SHA256_HEX, SECRET, BODY, "not hex")).isFalse();
        assertThat(SharedSecretProof.holds(Proof.HMAC_SHA256, SECRET, BODY, hex))
                .as("the prefixed proof still wants its prefix").isFalse();
    }

    private static boolean holds(String header) {
        return SharedSecretProof.holds(Proof.BEARER_OR_BASIC, SECRET, BODY, header);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
