package io.retrobridge.pipeline.github;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * The JSON Web Token a GitHub App authenticates as itself with: RS256, issued by the App's id, dated 60 s in the past
 * (GitHub's allowance for clocks that run apart) and expiring 9 minutes from now (GitHub refuses more than 10). A new
 * token per call: signing costs less than a millisecond, and a kept token would only ever be a little fresher.
 */
final class GitHubAppJwt {

    static final Duration BACKDATED = Duration.ofSeconds(60);
    static final Duration LIFETIME = Duration.ofMinutes(9);

    private static final String HEADER = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");

    private final String appId;
    private final RSAPrivateKey key;
    private final Clock clock;

    GitHubAppJwt(String appId, RSAPrivateKey key, Clock clock) {
        this.appId = Objects.requireNonNull(appId, "appId").strip();
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    String appId() {
        return appId;
    }

    /** A fresh token, for {@code Authorization: Bearer <token>}. */
    String token() {
        long now = clock.instant().getEpochSecond();
        String claims = encode("{\"iat\":" + (now - BACKDATED.toSeconds()) + ",\"exp\":" + (now + LIFETIME.toSeconds())
                + ",\"iss\":\"" + appId + "\"}");
        String signed = HEADER + "." + claims;
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The GitHub App's token could not be signed: " + e.getMessage(), e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "GitHubAppJwt[app " + appId + ", key ****]";
    }
}
