package io.retrobridge.sandbox.servicenow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.SandboxHttpServer;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.sandbox.SandboxRequest;
import io.retrobridge.sandbox.SandboxResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /oauth_token.do}: ServiceNow's token endpoint. Takes a form with {@code grant_type}
 * {@code client_credentials}, {@code password} (plus username and password) or {@code refresh_token},
 * and the client's id and secret; answers the token JSON a real instance gives.
 */
final class OAuthTokenEndpoint implements SandboxHttpServer.Handler {

    static final String PATH = "/oauth_token.do";

    private final Credentials credentials;

    OAuthTokenEndpoint(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        Map<String, List<String>> form = SandboxHttpServer.decodeQuery(request.body());
        String grantType = first(form, "grant_type");
        if (grantType == null) {
            return oauthError(400, "invalid_request", "grant_type is required");
        }
        Optional<Credentials.OAuthClient> client = credentials.checkClient(first(form, "client_id"),
                first(form, "client_secret"));
        if (client.isEmpty()) {
            return accessDenied();
        }
        Optional<Credentials.ApiUser> user = switch (grantType) {
            case "client_credentials" -> credentials.user(client.get().runAsUser());
            case "password" -> credentials.checkPassword(first(form, "username"), first(form, "password"));
            case "refresh_token" -> credentials.redeemRefreshToken(first(form, "refresh_token"), client.get());
            default -> null;
        };
        if (user == null) {
            return oauthError(400, "unsupported_grant_type", "grant_type " + grantType + " is not supported");
        }
        return user.map(u -> granted(credentials.issue(u, client.get()))).orElseGet(OAuthTokenEndpoint::accessDenied);
    }

    private static SandboxResponse granted(Credentials.Grant grant) {
        ObjectNode body = SandboxJson.object();
        body.put("access_token", grant.accessToken());
        body.put("refresh_token", grant.refreshToken());
        body.put("scope", "useraccount");
        body.put("token_type", "Bearer");
        body.put("expires_in", grant.expiresInSeconds());
        return SandboxResponse.json(200, body);
    }

    /** What a real instance answers for a wrong client, user or refresh token. */
    private static SandboxResponse accessDenied() {
        return oauthError(401, "server_error", "access_denied");
    }

    private static SandboxResponse oauthError(int status, String error, String description) {
        ObjectNode body = SandboxJson.object();
        body.put("error_description", description);
        body.put("error", error);
        return SandboxResponse.json(status, body);
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> values = form.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
