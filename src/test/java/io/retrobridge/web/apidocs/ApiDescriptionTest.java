package io.retrobridge.web.apidocs;

import static io.retrobridge.testsupport.KeyedApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.testsupport.KeyedApi;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * {@code /v3/api-docs} with an admin key lists every endpoint with the role it needs, and that role is the one
 * enforced; the description and the Swagger UI are for admins only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=grafana",
        "retrobridge.security.api-keys[0].key=" + ApiDescriptionTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer",
        "retrobridge.security.api-keys[1].name=ci",
        "retrobridge.security.api-keys[1].key=" + ApiDescriptionTest.PIPELINE_KEY,
        "retrobridge.security.api-keys[1].role=pipeline"})
@ActiveProfiles("test")
class ApiDescriptionTest {

    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String VIEWER_KEY = "view-Qa9sW2dE4rT6yU8i";
    static final String PIPELINE_KEY = "pipe-Zx1cV3bN5mL7kJ9h";
    private static final Map<String, String> KEY_OF_ROLE = Map.of("viewer", VIEWER_KEY, "pipeline", PIPELINE_KEY,
            "admin", ADMIN_KEY);
    private static final Map<String, String> ROLE_BELOW = Map.of("admin", "pipeline", "pipeline", "viewer");
    private static final String ANY_ID = "00000000-0000-0000-0000-000000000000";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    KeyedApi api;

    @BeforeEach
    void client() {
        api = new KeyedApi(port);
    }

    @Test
    void theDescriptionAndTheSwaggerUiAreForAdminsOnly() {
        for (String path : List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config",
                "/swagger-ui.html", "/swagger-ui/index.html")) {
            HttpResponse<String> anonymous = api.get(path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(json(anonymous).get("error").asText()).isEqualTo("missing or unknown API key");
            for (String key : List.of(VIEWER_KEY, PIPELINE_KEY)) {
                HttpResponse<String> refused = api.get(path, key);
                assertThat(refused.statusCode()).as(path).isEqualTo(403);
                assertThat(json(refused).get("requiredRole").asText()).isEqualTo("admin");
            }
        }
        HttpResponse<String> description = api.get("/v3/api-docs", ADMIN_KEY);
        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(json(description).at("/info/title").asText()).isEqualTo("RetroBridge API");
        HttpResponse<String> ui = api.get("/swagger-ui/index.html", ADMIN_KEY);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(api.get("/swagger-ui.html", ADMIN_KEY).statusCode()).isEqualTo(302);
    }

    @Test
    void theSwaggerUiCanSendTheKeyEitherWay() {
        JsonNode schemes = description().at("/components/securitySchemes");

        assertThat(schemes.at("/apiKey/type").asText()).isEqualTo("apiKey");
        assertThat(schemes.at("/apiKey/in").asText()).isEqualTo("header");
        assertThat(schemes.at("/apiKey/name").asText()).isEqualTo("X-API-Key");
        assertThat(schemes.at("/bearer/type").asText()).isEqualTo("http");
        assertThat(schemes.at("/bearer/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void everyHandlerIsListedWithItsMethodAndRole() {
        JsonNode paths = description().get("paths");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : handlers.getHandlerMethods().entrySet()) {
            if (isFramework(handler.getValue())) {
                continue;
            }
            RequestMappingInfo mapping = handler.getKey();
            Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
            assertThat(methods).as("%s answers every method; name the one it serves", handler.getValue()).isNotEmpty();
            for (PathPattern pattern : mapping.getPathPatternsCondition().getPatterns()) {
                for (RequestMethod method : methods) {
                    JsonNode operation = paths.path(pattern.getPatternString()).path(method.name().toLowerCase(Locale.ROOT));
                    if (operation.isMissingNode()) {
                        missing.add(method + " " + pattern.getPatternString() + " (" + handler.getValue() + ")");
                        continue;
                    }
                    assertStatesItsRole(method + " " + pattern.getPatternString(), operation);
                    checked++;
                }
            }
        }
        assertThat(missing).as("handlers the description leaves out").isEmpty();
        assertThat(checked).as("handlers checked").isGreaterThanOrEqualTo(20);
    }

    @Test
    void theRoleEachOperationStatesIsTheRoleEnforced() {
        description().get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            String method = entry.getKey().toUpperCase(Locale.ROOT);
            String url = path.getKey().replaceAll("\\{[^}]+}", ANY_ID);
            String operation = method + " " + path.getKey();
            String role = entry.getValue().get(OperationRoles.ROLE_EXTENSION).asText();
            if (role.equals(OperationRoles.NO_ROLE)) {
                HttpResponse<String> anonymous = call(method, url, null);
                assertThat(anonymous.body()).as(operation + " is described as open").doesNotContain("missing or unknown API key");
                return;
            }
            assertThat(call(method, url, null).statusCode()).as(operation + " without a key").isEqualTo(401);
            if (ROLE_BELOW.containsKey(role)) {
                HttpResponse<String> below = call(method, url, KEY_OF_ROLE.get(ROLE_BELOW.get(role)));
                assertThat(below.statusCode()).as(operation + " with a " + ROLE_BELOW.get(role) + " key").isEqualTo(403);
                assertThat(json(below).get("requiredRole").asText()).as(operation).isEqualTo(role);
            }
            if (method.equals("GET")) {
                // Reads may be made for real; writes are only refused above, so the test changes nothing.
                assertThat(call(method, url, KEY_OF_ROLE.get(role)).statusCode()).as(operation + " with a " + role + " key")
                        .isNotIn(401, 403);
            }
        }));
    }

    private static void assertStatesItsRole(String operation, JsonNode described) {
        String role = described.path(OperationRoles.ROLE_EXTENSION).asText();
        assertThat(role).as(operation + " " + OperationRoles.ROLE_EXTENSION).isIn("admin", "pipeline", "viewer", "none");
        if (role.equals("none")) {
            assertThat(described.get("security")).as(operation + " security").isEmpty();
            assertThat(described.get("description").asText()).as(operation).contains("Open: ");
        } else {
            assertThat(described.get("security")).as(operation + " security").hasSize(2);
            assertThat(described.get("description").asText()).as(operation).contains("Role: " + role);
            assertThat(described.path("summary").asText()).as(operation + " summary, for the Swagger UI").isNotBlank();
            assertThat(described.at("/responses/401").isMissingNode()).as(operation + " 401").isFalse();
            assertThat(described.at("/responses/403").isMissingNode()).as(operation + " 403").isFalse();
        }
    }

    /** springdoc's own endpoints (the description itself) and Boot's error page are not part of our API. */
    private static boolean isFramework(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().startsWith("org.springdoc.")
                || BasicErrorController.class.isAssignableFrom(handler.getBeanType());
    }

    private JsonNode description() {
        HttpResponse<String> served = api.get("/v3/api-docs", ADMIN_KEY);
        assertThat(served.statusCode()).isEqualTo(200);
        return json(served);
    }

    private HttpResponse<String> call(String method, String path, String key) {
        return method.equals("GET") ? api.get(path, key) : api.post(path, key);
    }
}
