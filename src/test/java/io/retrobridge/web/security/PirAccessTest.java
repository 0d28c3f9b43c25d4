package io.retrobridge.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;

/** A change's PIR summary is read by any key; asking for a collection takes an admin's. */
class PirAccessTest {

    private final ApiAccessPolicy policy = new ApiAccessPolicy();

    @ParameterizedTest
    @CsvSource({
            "GET,    /api/changes/{number}/pir,         viewer",
            "POST,   /api/changes/{number}/pir/collect, admin",
            "GET,    /api/changes/{number}/pir/collect, viewer",
            "DELETE, /api/changes/{number}/pir,         admin"})
    void viewersReadSummariesAndAdminsQueueCollections(String method, String path, String role) {
        Optional<ApiRole> expected = ApiRole.fromSetting(role);
        MockHttpServletRequest request = new MockHttpServletRequest(method, path.replace("{number}", "CHG0030001"));

        assertThat(policy.access(HttpMethod.valueOf(method), path).required()).isEqualTo(expected);
        assertThat(policy.requiredRole(request)).isEqualTo(expected);
    }
}
