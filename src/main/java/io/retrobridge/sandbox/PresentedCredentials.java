package io.retrobridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/** What a caller put in its Authorization header, read the same way by every simulated system. */
public sealed interface PresentedCredentials {

    /** {@code Basic base64(user:secret)}; the secret is the password or API token. */
    record Basic(String user, String secret) implements PresentedCredentials {
        @Override
        public String toString() {
            return "Basic[user=" + user + "]";
        }
    }

    /** {@code Bearer token}. */
    record Bearer(String token) implements PresentedCredentials {
        @Override
        public String toString() {
            return "Bearer[...]";
        }
    }

    /** Empty when there is no Authorization header, or it is neither a well-formed Basic nor a Bearer one. */
    static Optional<PresentedCredentials> of(SandboxRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null) {
            return Optional.empty();
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim());
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(new Bearer(authorization.substring(7).trim()));
        }
        return Optional.empty();
    }

    /** Compares in constant time, so response timing does not tell how much of a secret was right. */
    static boolean sameSecret(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<PresentedCredentials> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty()
                : Optional.of(new Basic(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
}
