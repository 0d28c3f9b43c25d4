package io.retrobridge.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.sandbox.SandboxJson;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The status codes and error bodies a connector has to understand, as a real instance gives them. */
class ServiceNowErrorAnswersTest extends SandboxTestSupport {

    private static void assertError(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(json(response)).isEqualTo(SandboxJson.parse(body));
    }

    @Test
    void missingOrWrongCredentialsGet401() throws Exception {
        String notAuthenticated = """
                {"error":{"message":"User Not Authenticated","detail":"Required to provide Auth information"},
                 "status":"failure"}""";

        assertError(send("GET", "/api/now/table/problem_task", null, null), 401, notAuthenticated);
        assertError(send("GET", "/api/now/table/problem_task", null, basic(USER, "wrong")), 401, notAuthenticated);
        assertError(send("POST", "/api/now/table/problem_task", "{}", "Bearer made-up"), 401, notAuthenticated);
        assertThat(sandbox.records("problem_task")).isEmpty();
    }

    @Test
    void aUserWithoutARoleOnTheTableGets403AndChangesNothing() throws Exception {
        sandbox.addUser("catalog.bot", "pw", "catalog");
        String bot = basic("catalog.bot", "pw");

        assertError(send("GET", "/api/now/table/problem_task", null, bot), 403, """
                {"error":{"message":"User Not Authorized","detail":"Failed API level ACL Validation"},"status":"failure"}""");
        assertError(send("POST", "/api/now/table/problem_task", "{\"short_description\":\"x\"}", bot), 403, """
                {"error":{"message":"Operation Failed","detail":"ACL Exception Insert Failed due to security constraints"},
                 "status":"failure"}""");
        assertError(post("/api/now/table/sys_user", "{\"user_name\":\"intruder\"}"), 403, """
                {"error":{"message":"Operation Failed","detail":"ACL Exception Insert Failed due to security constraints"},
                 "status":"failure"}""");
        assertThat(send("GET", "/api/now/table/sys_user", null, bot).statusCode()).isEqualTo(200);
        assertThat(sandbox.records("problem_task")).isEmpty();
    }

    @Test
    void anUnknownSysIdGets404OnReadUpdateAndDelete() throws Exception {
        String noRecord = """
                {"error":{"message":"No Record found","detail":"Record doesn't exist or ACL restricts the record retrieval"},
                 "status":"failure"}""";
        String path = "/api/now/table/problem_task/0123456789abcdef0123456789abcdef";

        assertError(get(path), 404, noRecord);
        assertError(patch(path, "{\"state\":\"157\"}"), 404, noRecord);
        assertError(send("DELETE", path, null, basic(USER, PASSWORD)), 404, noRecord);
    }

    @Test
    void anUnknownTableGets400NamingIt() throws Exception {
        assertError(get("/api/now/table/problem_tasks"), 400, """
                {"error":{"message":"Invalid table problem_tasks","detail":null},"status":"failure"}""");
    }

    @Test
    void aMalformedBodyGets400AndCreatesNothing() throws Exception {
        String unreadable = """
                {"error":{"message":"Exception while reading request","detail":"The payload is not valid JSON."},
                 "status":"failure"}""";

        assertError(post("/api/now/table/problem_task", "{\"short_description\": \"x\""), 400, unreadable);
        assertError(post("/api/now/table/problem_task", "[\"not an object\"]"), 400, unreadable);
        assertThat(sandbox.records("problem_task")).isEmpty();
    }
}
