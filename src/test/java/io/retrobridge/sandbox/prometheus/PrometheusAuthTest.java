package io.retrobridge.sandbox.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Open unless credentials are required; then Basic or bearer credentials as configured, 401 otherwise. */
class PrometheusAuthTest extends PrometheusSandboxTestSupport {

    private static final String QUERY = "/api/v1/query?query=up";

    @Test
    void withoutRequiredCredentialsAnyoneMayQuery() throws Exception {
        assertThat(send("GET", QUERY, null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void basicCredentialsMustMatchWhenRequired() throws Exception {
        sandbox.requireBasic("grafana", "s3cret");

        HttpResponse<String> none = send("GET", QUERY, null, null);
        HttpResponse<String> wrong = send("GET", QUERY, null, basic("grafana", "guess"));
        HttpResponse<String> otherUser = send("GET", QUERY, null, basic("admin", "s3cret"));
        HttpResponse<String> right = send("GET", QUERY, null, basic("grafana", "s3cret"));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).isEqualTo("Unauthorized\n");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Basic");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(otherUser.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(send("GET", "/-/ready", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aBearerTokenMustMatchWhenRequired() throws Exception {
        sandbox.requireBearer("token-1");

        assertThat(send("GET", QUERY, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", QUERY, null, "Bearer token-2").statusCode()).isEqualTo(401);
        assertThat(send("GET", QUERY, null, basic("token-1", "token-1")).statusCode()).isEqualTo(401);
        assertThat(send("GET", QUERY, null, "Bearer token-1").statusCode()).isEqualTo(200);
    }

    @Test
    void withBothRequiredEitherOneLetsTheCallerIn() throws Exception {
        sandbox.requireBasic("grafana", "s3cret").requireBearer("token-1");

        assertThat(send("GET", QUERY, null, "Bearer token-1").statusCode()).isEqualTo(200);
        assertThat(send("GET", QUERY, null, basic("grafana", "s3cret")).statusCode()).isEqualTo(200);
        assertThat(send("GET", QUERY, null, "Bearer s3cret").statusCode()).isEqualTo(401);
    }
}
