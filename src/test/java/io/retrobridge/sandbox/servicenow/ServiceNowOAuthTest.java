package io.retrobridge.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth at /oauth_token.do and Bearer tokens that expire on the sandbox clock. */
class ServiceNowOAuthTest extends SandboxTestSupport {

    private static final String CLIENT = "3f1b5c0e9d2a4e7f8a6b1c2d3e4f5a6b";
    private static final String CLIENT_SECRET = "client-s3cret";

    @BeforeEach
    void registerClient() {
        sandbox.addOAuthClient(CLIENT, CLIENT_SECRET, USER);
    }

    private HttpResponse<String> token(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/oauth_token.do"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> listWith(String accessToken) throws Exception {
        return send("GET", "/api/now/table/problem_task", null, "Bearer " + accessToken);
    }

    @Test
    void clientCredentialsGrantGivesABearerTokenValidUntilItExpires() throws Exception {
        HttpResponse<String> granted = token("grant_type=client_credentials&client_id=" + CLIENT
                + "&client_secret=" + CLIENT_SECRET);
        JsonNode body = json(granted);
        String access = body.get("access_token").asText();

        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("scope").asText()).isEqualTo("useraccount");
        assertThat(body.get("expires_in").asLong()).isEqualTo(1800);
        assertThat(body.get("refresh_token").asText()).isNotBlank().isNotEqualTo(access);

        HttpResponse<String> created = send("POST", "/api/now/table/problem_task", "{\"short_description\":\"x\"}",
                "Bearer " + access);
        assertThat(result(created).get("sys_created_by").asText()).isEqualTo(USER);

        clock.advance(Duration.ofSeconds(1799));
        assertThat(listWith(access).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> expired = listWith(access);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(json(expired).get("error").get("message").asText()).isEqualTo("User Not Authenticated");
    }

    @Test
    void refreshTokenAndPasswordGrantsIssueFreshTokens() throws Exception {
        sandbox.accessTokenLifetime(Duration.ofMinutes(5));
        JsonNode first = json(token("grant_type=password&client_id=" + CLIENT + "&client_secret=" + CLIENT_SECRET
                + "&username=" + q(USER) + "&password=" + q(PASSWORD)));
        clock.advance(Duration.ofMinutes(6));

        JsonNode refreshed = json(token("grant_type=refresh_token&client_id=" + CLIENT + "&client_secret="
                + CLIENT_SECRET + "&refresh_token=" + first.get("refresh_token").asText()));

        assertThat(first.get("expires_in").asLong()).isEqualTo(300);
        assertThat(listWith(first.get("access_token").asText()).statusCode()).isEqualTo(401);
        assertThat(listWith(refreshed.get("access_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongClientPasswordOrGrantIsRefused() throws Exception {
        HttpResponse<String> wrongSecret = token("grant_type=client_credentials&client_id=" + CLIENT
                + "&client_secret=nope");
        HttpResponse<String> wrongPassword = token("grant_type=password&client_id=" + CLIENT + "&client_secret="
                + CLIENT_SECRET + "&username=" + q(USER) + "&password=nope");
        HttpResponse<String> unknownGrant = token("grant_type=implicit&client_id=" + CLIENT + "&client_secret="
                + CLIENT_SECRET);

        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(json(wrongSecret).get("error_description").asText()).isEqualTo("access_denied");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownGrant.statusCode()).isEqualTo(400);
        assertThat(json(unknownGrant).get("error").asText()).isEqualTo("unsupported_grant_type");
        assertThat(wrongSecret.body()).doesNotContain(CLIENT_SECRET);
    }
}
