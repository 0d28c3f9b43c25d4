package io.retrobridge.transport;

import io.retrobridge.sync.WebhookSource.Proof;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks the proof a webhook delivery carries against the shared secret, in whichever of the senders' ways it comes.
 * Every comparison runs in constant time, so the secret cannot be guessed byte by byte.
 */
public final class SharedSecretProof {

    private static final String BASIC = "Basic ";
    private static final String BEARER = "Bearer ";

    private SharedSecretProof() {
    }

    /**
     * @param header the value of the source's proof header; null when absent
     */
    public static boolean holds(Proof proof, String secret, byte[] body, String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        return switch (proof) {
            case HMAC_SHA256 -> new WebhookSignature(secret).matches(body, header);
            // The same HMAC without its prefix; a header that brings one anyway is not this form.
            case HMAC_SHA256_HEX -> !header.contains("=") && new WebhookSignature(secret).matches(body,
                    "sha256=" + header.strip());
            case TOKEN -> same(header.strip(), secret);
            case BASIC_AUTH -> basicPassword(header).map(password -> same(password, secret)).orElse(false);
            case BEARER_OR_BASIC -> bearerToken(header).or(() -> basicPassword(header))
                    .map(given -> same(given, secret)).orElse(false);
        };
    }

    private static Optional<String> basicPassword(String header) {
        if (!header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(pair.substring(colon + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static Optional<String> bearerToken(String header) {
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }

    private static boolean same(String given, String secret) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }
}
