package io.retrobridge.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;

/** What the policy answers for a method and path (for the API description) is what it enforces on a request. */
class ApiAccessPolicyTest {

    private final ApiAccessPolicy policy = new ApiAccessPolicy();

    @ParameterizedTest
    @CsvSource({
            "GET,  /api/admin/escalations,         viewer",
            "POST, /api/admin/escalations/scan,    admin",
            "GET,  /api/admin/dead-letters/{id},   admin",
            "POST, /api/pipeline/deployments,      pipeline",
            "POST, /api/gates/prod/evaluate,       pipeline",
            "PUT,  /api/gates/prod/evaluate,       pipeline",
            "GET,  /api/gates/prod/evaluate,       pipeline",
            "GET,  /api/gates/evaluations/{id},    viewer",
            "GET,  /api/reports/follow-up,         viewer",
            "GET,  /api/readiness,                 viewer",
            "POST, /api/readiness,                 admin",
            "POST, /api/probe-write,               admin",
            "GET,  /v3/api-docs,                   admin",
            "GET,  /v3/api-docs/swagger-config,    admin",
            "GET,  /v3/api-docs.yaml,              admin",
            "GET,  /swagger-ui.html,               admin",
            "GET,  /swagger-ui/index.html,         admin",
            "GET,  /actuator/prometheus,           viewer",
            "POST, /webhooks/{source},             none",
            "GET,  /actuator/health/liveness,      none"})
    void theRoleForAMethodAndPathIsTheRoleARequestThereNeeds(String method, String path, String role) {
        Optional<ApiRole> expected = role.equals("none") ? Optional.empty() : ApiRole.fromSetting(role);
        MockHttpServletRequest request = new MockHttpServletRequest(method, path.replace("{id}", "42")
                .replace("{source}", "jira"));

        assertThat(policy.access(HttpMethod.valueOf(method), path).required()).isEqualTo(expected);
        assertThat(policy.requiredRole(request)).isEqualTo(expected);
    }

    @Test
    void webhooksSayWhyTheyNeedNoKey() {
        ApiAccessPolicy.Access webhook = policy.access(HttpMethod.POST, "/webhooks/{source}");

        assertThat(webhook.required()).isEmpty();
        assertThat(webhook.openBecause()).contains("signature");
    }
}
