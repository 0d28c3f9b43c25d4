package io.retrobridge.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * ServiceNow OAuth against {@code /oauth_token.do}: fetches an access token with the client-credentials
 * or password grant, reuses it until shortly before it expires, and fetches a new one once when the
 * instance refuses it (revoked, or expired early).
 */
final class ServiceNowOAuthCredentials implements Credentials {

    static final String TOKEN_PATH = "/oauth_token.do";
    /** Renew a little early so a token does not expire between our check and the instance's. */
    private static final Duration EARLY = Duration.ofSeconds(30);
    private static final Duration LIFETIME_IF_UNSAID = Duration.ofMinutes(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String clientId;
    private final String clientSecret;
    private final String user;
    private final String password;
    private final Clock clock;
    private String accessToken;
    private Instant renewAt = Instant.MIN;

    ServiceNowOAuthCredentials(String clientId, String clientSecret, String user, String password, Clock clock) {
        this.clientId = requireText(clientId, "client id");
        this.clientSecret = requireText(clientSecret, "client secret");
        this.user = user == null || user.isBlank() ? null : user;
        this.password = this.user == null ? null : requireText(password, "password for the password grant");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized String authorization(TokenEndpoint tokens) {
        if (accessToken == null || !clock.instant().isBefore(renewAt)) {
            fetchToken(tokens);
        }
        return "Bearer " + accessToken;
    }

    @Override
    public synchronized boolean renewAfterRefusal() {
        accessToken = null;
        return true;
    }

    @Override
    public String principal() {
        return user != null ? user : "OAuth client " + clientId;
    }

    private void fetchToken(TokenEndpoint tokens) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", user == null ? "client_credentials" : "password");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        if (user != null) {
            form.put("username", user);
            form.put("password", password);
        }
        OutboundRequest request = OutboundRequest.postForm(TOKEN_PATH, form);
        OutboundResponse response = tokens.call(request);
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (Exception e) {
            body = null;
        }
        JsonNode token = body == null ? null : body.get("access_token");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw RemoteCallException.forUnusableAnswer("ServiceNow", request, response.status(),
                    "gave no access_token; is the base URL a ServiceNow instance with OAuth enabled?");
        }
        Duration lifetime = body.hasNonNull("expires_in") && body.get("expires_in").canConvertToLong()
                ? Duration.ofSeconds(body.get("expires_in").asLong()) : LIFETIME_IF_UNSAID;
        accessToken = token.asText();
        Duration reuseFor = lifetime.compareTo(EARLY.multipliedBy(2)) > 0 ? lifetime.minus(EARLY) : lifetime.dividedBy(2);
        renewAt = clock.instant().plus(reuseFor);
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ServiceNow OAuth " + what + " must not be empty");
        }
        return value;
    }

    @Override
    public String toString() {
        return "ServiceNowOAuth[client=" + clientId + (user == null ? "" : ", user=" + user) + ", ****]";
    }
}
