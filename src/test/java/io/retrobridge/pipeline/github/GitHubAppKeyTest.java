package io.retrobridge.pipeline.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The App's private key as GitHub hands it out or converted, and the token signed with it. */
class GitHubAppKeyTest {

    static final String SETTING = "retrobridge.gate-hooks.github.private-key";

    @Test
    void aPkcs1KeyAsGitHubHandsItOutAndItsPkcs8ConversionAreTheSameKey() {
        String pkcs1 = GitHubAppFiles.text(GitHubAppFiles.PKCS1);

        assertThat(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(GitHubAppKey.read(pkcs1, SETTING)).isEqualTo(GitHubAppKey.read(
                GitHubAppFiles.text(GitHubAppFiles.PKCS8), SETTING));
        // An environment variable holding the line breaks as \n.
        assertThat(GitHubAppKey.read(pkcs1.replace("\n", "\\n"), SETTING).getModulus())
                .isEqualTo(GitHubAppFiles.modulus());
    }

    @Test
    void anUnusableKeyIsRefusedSayingWhatIsWrongWithoutShowingIt() {
        String pkcs1 = GitHubAppFiles.text(GitHubAppFiles.PKCS1);
        String body = pkcs1.lines().filter(line -> !line.startsWith("-----")).reduce("", String::concat);
        String cut = "-----BEGIN RSA PRIVATE KEY-----\n" + body.substring(0, 128) + "\n-----END RSA PRIVATE KEY-----";

        assertThatThrownBy(() -> GitHubAppKey.read(body, SETTING)).hasMessageContaining(SETTING)
                .hasMessageContaining("not a PEM block").hasMessageNotContaining(body.substring(0, 20));
        assertThatThrownBy(() -> GitHubAppKey.read(cut, SETTING)).hasMessageContaining("not a readable RSA private key")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt").hasMessageNotContaining(body.substring(0, 20));
        assertThatThrownBy(() -> GitHubAppKey.read("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n"
                + "-----END ENCRYPTED PRIVATE KEY-----", SETTING)).hasMessageContaining("encrypted with a passphrase");
        assertThatThrownBy(() -> GitHubAppKey.read("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
                SETTING)).hasMessageContaining("it is a PUBLIC KEY, not a private key");
    }

    @Test
    void theAppTokenIsRs256IssuedByTheAppBackdatedAMinuteAndValidUnderTenMinutes() throws Exception {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        GitHubAppJwt jwt = new GitHubAppJwt("123456", GitHubAppKey.read(GitHubAppFiles.text(GitHubAppFiles.PKCS1),
                SETTING), Clock.fixed(now, ZoneOffset.UTC));

        String[] parts = jwt.token().split("\\.");

        assertThat(parts).hasSize(3);
        JsonNode header = json(parts[0]);
        JsonNode claims = json(parts[1]);
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(claims.path("iss").asText()).isEqualTo("123456");
        assertThat(claims.path("iat").asLong()).isEqualTo(now.getEpochSecond() - 60);
        assertThat(claims.path("exp").asLong() - now.getEpochSecond()).isPositive().isLessThanOrEqualTo(600);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(GitHubAppFiles.publicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(jwt.toString()).doesNotContain("PRIVATE");
    }

    static JsonNode json(String part) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(part));
    }
}
