package io.retrobridge.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sandbox.SandboxJson;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Change Management API answers in the shape of ServiceNow's own examples
 * (shared/reference/servicenow/change, taken from the Change Management API documentation).
 */
class ServiceNowChangeManagementApiTest extends SandboxTestSupport {

    private static JsonNode sample(String file) throws Exception {
        Path dir = Path.of(System.getProperty("retrobridge.reference-dir", "../shared/reference"), "servicenow",
                "change");
        return SandboxJson.parse(Files.readString(dir.resolve(file)));
    }

    @Test
    void oneChangeHasEveryFieldOfTheSampleShapedAlike() throws Exception {
        JsonNode expected = sample("sn_chg_rest.GET.change.sys_id.response.json");
        String change = sandbox.seed().changeRequest(Map.of("short_description", "Rotate certificates",
                "type", "standard", "state", "3", "impact", "3")).sysId();

        HttpResponse<String> answer = get("/api/sn_chg_rest/change/" + change);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = SandboxJson.parse(answer.body());
        assertThat(names(body)).isEqualTo(names(expected));
        assertSameRecordShape(body.get("result"), expected.get("result"));
        assertThat(body.get("result").get("sys_id").get("value").asText()).isEqualTo(change);
        assertThat(body.get("result").get("state").get("display_value").asText()).isEqualTo("Closed");
        assertThat(body.get("result").get("type").get("display_value").asText()).isEqualTo("Standard");
    }

    @Test
    void listHasTheSampleShapeAndPagesAndFiltersLikeTheTableApi() throws Exception {
        JsonNode expected = sample("sn_chg_rest.GET.change.list.response.json");
        String first = sandbox.seed().changeRequest(Map.of("short_description", "First", "type", "normal")).number();
        String second = sandbox.seed().changeRequest(Map.of("short_description", "Second", "type", "normal"))
                .number();
        sandbox.seed().changeRequest(Map.of("short_description", "Third", "type", "emergency"));

        HttpResponse<String> page = get("/api/sn_chg_rest/change?sysparm_query=type=normal%5EORDERBYnumber"
                + "&sysparm_limit=1&sysparm_offset=1");
        HttpResponse<String> all = get("/api/sn_chg_rest/v1/change?sysparm_query=type=normal%5EORDERBYnumber");

        JsonNode body = SandboxJson.parse(page.body());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(names(body)).isEqualTo(names(expected));
        assertThat(body.get("result")).hasSize(1);
        assertSameRecordShape(body.get("result").get(0), expected.get("result").get(0));
        assertThat(body.get("result").get(0).get("number").get("value").asText()).isEqualTo(second);
        assertThat(page.headers().firstValue("X-Total-Count")).hasValue("2");
        JsonNode both = SandboxJson.parse(all.body()).get("result");
        assertThat(both).hasSize(2);
        assertThat(both.get(0).get("number").get("value").asText()).isEqualTo(first);
    }

    @Test
    void unknownChangeIsNotFoundInServiceNowsErrorShape() throws Exception {
        // A record of another table is no change request.
        String problem = sandbox.seed().problem(Map.of("short_description", "Mail outage")).sysId();

        HttpResponse<String> answer = get("/api/sn_chg_rest/change/" + problem);

        assertThat(answer.statusCode()).isEqualTo(404);
        JsonNode body = SandboxJson.parse(answer.body());
        assertThat(body.get("status").asText()).isEqualTo("failure");
        assertThat(body.get("error").get("message").asText()).isEqualTo("No Record found");
        assertThat(body.get("error").has("detail")).isTrue();
    }

    @Test
    void callersWithoutAChangeRoleAreRefused() throws Exception {
        sandbox.addUser("catalog.only", "pw", "catalog_admin");
        String change = sandbox.seed().changeRequest(Map.of("short_description", "Rotate certificates")).sysId();

        HttpResponse<String> answer = send("GET", "/api/sn_chg_rest/change/" + change, null,
                basic("catalog.only", "pw"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(SandboxJson.parse(answer.body()).get("status").asText()).isEqualTo("failure");
    }

    /** Same field names, each field an object with the same member names, and values of the same JSON kind. */
    private static void assertSameRecordShape(JsonNode actual, JsonNode expected) {
        assertThat(names(actual)).isEqualTo(names(expected));
        expected.fieldNames().forEachRemaining(name -> {
            JsonNode want = expected.get(name);
            JsonNode got = actual.get(name);
            assertThat(names(got)).as(name).isEqualTo(names(want));
            assertThat(got.get("value").getNodeType()).as(name + ".value").isEqualTo(want.get("value").getNodeType());
            assertThat(got.get("display_value").isTextual()).as(name + ".display_value").isTrue();
        });
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
