package io.retrobridge.sandbox.servicenow;

import static io.retrobridge.sandbox.PresentedCredentials.sameSecret;

import io.retrobridge.sandbox.PresentedCredentials;
import io.retrobridge.sandbox.SandboxRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may call the simulated instance: users with passwords and roles (Basic auth), OAuth clients,
 * and the Bearer tokens issued to them, each valid until it expires on the sandbox's clock.
 */
final class Credentials {

    /** An account that may call the API. */
    record ApiUser(String userName, String password, Set<String> roles) {

        ApiUser {
            roles = Set.copyOf(roles);
        }

        boolean hasAnyRole(Set<String> wanted) {
            return roles.contains("admin") || roles.stream().anyMatch(wanted::contains);
        }

        @Override
        public String toString() {
            return "ApiUser[userName=" + userName + ", roles=" + roles + "]";
        }
    }

    /** An OAuth application; client-credential grants act as {@code runAsUser}, as ServiceNow's "OAuth application user". */
    record OAuthClient(String clientId, String clientSecret, String runAsUser) {

        @Override
        public String toString() {
            return "OAuthClient[clientId=" + clientId + ", runAsUser=" + runAsUser + "]";
        }
    }

    /** What a token grant hands out. */
    record Grant(String accessToken, String refreshToken, long expiresInSeconds) {
    }

    private record Token(String userName, String clientId, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Map<String, ApiUser> users = new ConcurrentHashMap<>();
    private final Map<String, OAuthClient> clients = new ConcurrentHashMap<>();
    private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Token> refreshTokens = new ConcurrentHashMap<>();
    private volatile Duration accessTokenLifetime = Duration.ofMinutes(30);
    private final Duration refreshTokenLifetime = Duration.ofDays(100);

    Credentials(Clock clock) {
        this.clock = clock;
    }

    void addUser(ApiUser user) {
        users.put(user.userName(), user);
    }

    void addClient(OAuthClient client) {
        clients.put(client.clientId(), client);
    }

    void accessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
    }

    Optional<ApiUser> user(String userName) {
        return Optional.ofNullable(users.get(userName));
    }

    /** The caller, from Basic credentials or an unexpired Bearer token; empty when neither is valid. */
    Optional<ApiUser> identify(SandboxRequest request) {
        return PresentedCredentials.of(request).flatMap(presented -> {
            if (presented instanceof PresentedCredentials.Basic basic) {
                return checkPassword(basic.user(), basic.secret());
            }
            return valid(accessTokens, ((PresentedCredentials.Bearer) presented).token())
                    .flatMap(t -> user(t.userName()));
        });
    }

    Optional<ApiUser> checkPassword(String userName, String password) {
        ApiUser user = userName == null ? null : users.get(userName);
        return user != null && sameSecret(user.password(), password) ? Optional.of(user) : Optional.empty();
    }

    Optional<OAuthClient> checkClient(String clientId, String clientSecret) {
        OAuthClient client = clientId == null ? null : clients.get(clientId);
        return client != null && sameSecret(client.clientSecret(), clientSecret) ? Optional.of(client) : Optional.empty();
    }

    /** The user a refresh token was issued to, if it is valid and belongs to this client. */
    Optional<ApiUser> redeemRefreshToken(String refreshToken, OAuthClient client) {
        return valid(refreshTokens, refreshToken)
                .filter(t -> t.clientId().equals(client.clientId()))
                .flatMap(t -> user(t.userName()));
    }

    Grant issue(ApiUser user, OAuthClient client) {
        Instant now = clock.instant();
        String access = newToken();
        String refresh = newToken();
        Duration lifetime = accessTokenLifetime;
        accessTokens.put(access, new Token(user.userName(), client.clientId(), now.plus(lifetime)));
        refreshTokens.put(refresh, new Token(user.userName(), client.clientId(), now.plus(refreshTokenLifetime)));
        return new Grant(access, refresh, lifetime.toSeconds());
    }

    private Optional<Token> valid(Map<String, Token> tokens, String value) {
        Token token = value == null ? null : tokens.get(value);
        if (token == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(token.expiresAt())) {
            tokens.remove(value);
            return Optional.empty();
        }
        return Optional.of(token);
    }

    private static String newToken() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
