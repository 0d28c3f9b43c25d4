package io.retrobridge.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;

/** Retrospectives are read by any key; nothing writes them through the API. */
class RetrospectiveAccessTest {

    private final ApiAccessPolicy policy = new ApiAccessPolicy();

    @ParameterizedTest
    @CsvSource({
            "GET,    /api/retrospectives,      viewer",
            "GET,    /api/retrospectives/{id}, viewer",
            "POST,   /api/retrospectives,      admin",
            "DELETE, /api/retrospectives/{id}, admin"})
    void viewersReadRetrospectives(String method, String path, String role) {
        Optional<ApiRole> expected = ApiRole.fromSetting(role);
        MockHttpServletRequest request = new MockHttpServletRequest(method, path.replace("{id}", "42"));

        assertThat(policy.access(HttpMethod.valueOf(method), path).required()).isEqualTo(expected);
        assertThat(policy.requiredRole(request)).isEqualTo(expected);
    }
}
