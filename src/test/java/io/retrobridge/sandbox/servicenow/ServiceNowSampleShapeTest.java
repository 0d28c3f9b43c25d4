package io.retrobridge.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sandbox.SandboxJson;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The simulator answers with the shapes of ServiceNow's own Table API examples
 * (shared/reference/servicenow, taken from ServiceNow/ServiceNowDocs c_TableAPI.md).
 */
class ServiceNowSampleShapeTest extends SandboxTestSupport {

    private static JsonNode sample(String file) throws Exception {
        Path dir = Path.of(System.getProperty("retrobridge.reference-dir", "../shared/reference"), "servicenow");
        return SandboxJson.parse(Files.readString(dir.resolve(file)));
    }

    @Test
    void singleIncidentHasEveryFieldOfTheSampleWithReferencesShapedAlike() throws Exception {
        JsonNode expected = sample("table-get-record.incident.json").get("result");
        String group = sandbox.seed().group("Service Desk").sysId();
        String caller = sandbox.seed().user("abel.tuter", "Abel Tuter", "abel.tuter@example.com").sysId();
        String problem = sandbox.seed().problem(java.util.Map.of("short_description", "Mail outage")).sysId();
        HttpResponse<String> created = post("/api/now/table/incident", """
                {"short_description":"Can't access SFA software","impact":"1","urgency":"3","assignment_group":"%s",
                 "caller_id":"%s","problem_id":"%s","location":"105cf7f3c611227501e75e08b14a38ba",
                 "cmdb_ci":"a9c0c8d2c6112276018f7705562f9cb0"}""".formatted(group, caller, problem));
        assertThat(created.statusCode()).isEqualTo(201);

        JsonNode actual = result(get("/api/now/table/incident/" + result(created).get("sys_id").asText()));

        assertSameShape(actual, expected);
        assertThat(actual.get("number").asText()).matches("INC\\d{7}");
        assertThat(actual.get("sys_id").asText()).matches("[0-9a-f]{32}");
        assertThat(actual.get("sys_created_on").asText()).isEqualTo("2026-03-02 09:30:00");
        assertThat(actual.get("priority").asText()).isEqualTo(expected.get("priority").asText());
    }

    @Test
    void problemListHasTheSampleListShape() throws Exception {
        JsonNode expected = sample("table-get-list.problem.json");
        post("/api/now/table/problem", """
                {"short_description":"Switch occasionally drops connections","cmdb_ci":"55b35562c0a8010e01cff22378e0aea9"}""");
        post("/api/now/table/problem", "{\"short_description\":\"Second problem\"}");

        HttpResponse<String> list = get("/api/now/table/problem?sysparm_limit=1");

        JsonNode body = json(list);
        assertThat(fieldNames(body)).isEqualTo(fieldNames(expected));
        assertThat(body.get("result").isArray()).isTrue();
        assertThat(body.get("result")).hasSize(1);
        // The documentation sample predates problem.rfc (the change a problem came from), which instances
        // have and the escalation scan reads; besides that one field the shapes are the same.
        com.fasterxml.jackson.databind.node.ObjectNode first = (com.fasterxml.jackson.databind.node.ObjectNode) body.get("result").get(0);
        assertThat(first.has("rfc")).isTrue();
        first.remove("rfc");
        assertSameShape(first, expected.get("result").get(0));
        assertThat(list.headers().firstValue("X-Total-Count")).contains("2");
    }

    /** Same field names; where the sample has a reference object ours is one too, pointing at the same table. */
    private void assertSameShape(JsonNode actual, JsonNode expected) {
        assertThat(fieldNames(actual)).isEqualTo(fieldNames(expected));
        expected.fields().forEachRemaining(e -> {
            JsonNode ours = actual.get(e.getKey());
            if (e.getValue().isObject()) {
                assertThat(fieldNames(ours)).as(e.getKey()).isEqualTo(Set.of("link", "value"));
                String theirTable = linkTable(e.getValue().get("link").asText());
                assertThat(ours.get("link").asText()).as(e.getKey())
                        .isEqualTo(sandbox.baseUrl() + "/api/now/table/" + theirTable + "/" + ours.get("value").asText());
            } else {
                assertThat(ours.isTextual()).as(e.getKey() + " is a string").isTrue();
            }
        });
    }

    private static String linkTable(String link) {
        String path = link.substring(link.indexOf("/api/now/table/") + "/api/now/table/".length());
        return path.substring(0, path.indexOf('/'));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
