package io.retrobridge.transport;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;

/**
 * How we prove who we are to one remote system. Implementations keep their secrets to themselves:
 * {@code toString} and {@link #principal()} never reveal them.
 */
public interface Credentials {

    /** Sends a request to the same system without credentials; throws {@link RemoteCallException} unless 2xx. */
    @FunctionalInterface
    interface TokenEndpoint {
        OutboundResponse call(OutboundRequest request);
    }

    /** The Authorization header value for the next call, or null to send none; may fetch (and cache) a token first. */
    String authorization(TokenEndpoint tokens);

    /**
     * Called when the remote system answered 401. Drops whatever was cached and says whether one
     * more attempt with fresh credentials may succeed (true for tokens, false for fixed secrets).
     */
    default boolean renewAfterRefusal() {
        return false;
    }

    /** Who these credentials speak for, safe to show: a user name, e-mail or client id. */
    String principal();

    static Credentials basic(String user, String secret) {
        return new Basic(user, secret);
    }

    static Credentials bearer(String token, String principal) {
        return new Bearer(token, principal);
    }

    /** No Authorization header at all, for a system that lets anyone in (e.g. a Prometheus on a private network). */
    static Credentials none() {
        return new Credentials() {
            @Override
            public String authorization(TokenEndpoint tokens) {
                return null;
            }

            @Override
            public String principal() {
                return "anonymous";
            }

            @Override
            public String toString() {
                return "NoCredentials";
            }
        };
    }

        /** ServiceNow OAuth, client-credentials grant: the token acts as the OAuth application's user. */
    static Credentials serviceNowClientCredentials(String clientId, String clientSecret, Clock clock) {
        return new ServiceNowOAuthCredentials(clientId, clientSecret, null, null, clock);
    }

    /** ServiceNow OAuth, password grant: the token acts as {@code user}. */
    static Credentials serviceNowPasswordGrant(String clientId, String clientSecret, String user, String password,
            Clock clock) {
        return new ServiceNowOAuthCredentials(clientId, clientSecret, user, password, clock);
    }

    /** Credentials that send the same Authorization header on every call. */
    abstract sealed class FixedHeader implements Credentials permits Basic, Bearer {
        private final String scheme;
        private final String header;
        private final String principal;

        private FixedHeader(String scheme, String header, String principal) {
            this.scheme = scheme;
            this.header = header;
            this.principal = principal;
        }

        @Override
        public String authorization(TokenEndpoint tokens) {
            return header;
        }

        @Override
        public String principal() {
            return principal;
        }

        @Override
        public String toString() {
            return scheme + "[" + principal + ", ****]";
        }
    }

    /** HTTP Basic: user name (or e-mail) and password (or API token). */
    final class Basic extends FixedHeader {
        private Basic(String user, String secret) {
            super("Basic", basicHeader(requireText(user, "user"), requireText(secret, "secret")), user);
        }

        private static String basicHeader(String user, String secret) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A fixed bearer token, e.g. a Jira Server/Data Center personal access token. */
    final class Bearer extends FixedHeader {
        private Bearer(String token, String principal) {
            super("Bearer", "Bearer " + requireText(token, "token"), Objects.requireNonNull(principal, "principal"));
        }
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}
