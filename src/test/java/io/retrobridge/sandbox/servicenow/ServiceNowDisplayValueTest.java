package io.retrobridge.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sysparm_display_value false/true/all, sysparm_exclude_reference_link and sysparm_fields. */
class ServiceNowDisplayValueTest extends SandboxTestSupport {

    private String beth;
    private String problemNumber;
    private String task;

    @BeforeEach
    void seed() {
        beth = sandbox.seed().user("beth.anglin", "Beth Anglin", "beth.anglin@example.com").sysId();
        sandbox.seed().reviewBoards();
        ServiceNowSeed.SeededRecord problem = sandbox.seed().problem(Map.of("short_description", "Checkout failures"));
        problemNumber = problem.number();
        task = sandbox.seed().problemTask(Map.of("short_description", "Add canary stage", "state", "154",
                "impact", "1", "urgency", "1", "assigned_to", "Beth Anglin", "assignment_group", "CAB",
                "problem", problem.sysId())).sysId();
    }

    private JsonNode read(String params) throws Exception {
        return result(get("/api/now/table/problem_task/" + task + "?" + params));
    }

    @Test
    void falseGivesStoredValuesWithReferenceLinks() throws Exception {
        JsonNode record = read("sysparm_display_value=false");

        assertThat(record.get("state").asText()).isEqualTo("154");
        assertThat(record.get("priority").asText()).isEqualTo("1");
        assertThat(record.get("assigned_to").get("value").asText()).isEqualTo(beth);
        assertThat(record.get("assigned_to").get("link").asText())
                .isEqualTo(sandbox.baseUrl() + "/api/now/table/sys_user/" + beth);
        assertThat(record.get("closed_by").asText()).isEmpty();
    }

    @Test
    void trueGivesLabelsAndTheDisplayFieldOfReferencedRecords() throws Exception {
        JsonNode record = read("sysparm_display_value=true");

        assertThat(record.get("state").asText()).isEqualTo("Work in Progress");
        assertThat(record.get("priority").asText()).isEqualTo("1 - Critical");
        assertThat(record.get("impact").asText()).isEqualTo("1 - High");
        assertThat(names(record.get("assigned_to"))).containsExactly("display_value", "link");
        assertThat(record.get("assigned_to").get("display_value").asText()).isEqualTo("Beth Anglin");
        assertThat(record.get("assignment_group").get("display_value").asText()).isEqualTo("CAB");
        assertThat(record.get("problem").get("display_value").asText()).isEqualTo(problemNumber);
        assertThat(record.get("sys_created_on").asText()).isEqualTo("2026-03-02 09:30:00");
    }

    @Test
    void allGivesBothValuesAndLinks() throws Exception {
        JsonNode record = read("sysparm_display_value=all");

        assertThat(record.get("state").get("display_value").asText()).isEqualTo("Work in Progress");
        assertThat(record.get("state").get("value").asText()).isEqualTo("154");
        assertThat(names(record.get("assigned_to"))).containsExactly("display_value", "link", "value");
        assertThat(record.get("assigned_to").get("value").asText()).isEqualTo(beth);
        assertThat(record.get("closed_by").get("value").asText()).isEmpty();
        assertThat(record.get("short_description").get("display_value").asText()).isEqualTo("Add canary stage");
    }

    @Test
    void excludingReferenceLinksFlattensReferences() throws Exception {
        assertThat(read("sysparm_exclude_reference_link=true").get("assigned_to").asText()).isEqualTo(beth);
        assertThat(read("sysparm_display_value=true&sysparm_exclude_reference_link=true").get("assigned_to").asText())
                .isEqualTo("Beth Anglin");
        JsonNode all = read("sysparm_display_value=all&sysparm_exclude_reference_link=true").get("assigned_to");
        assertThat(names(all)).containsExactly("display_value", "value");
    }

    @Test
    void fieldsLimitTheAnswerIgnoreUnknownNamesAndFollowReferences() throws Exception {
        JsonNode record = read("sysparm_fields=number,state,assigned_to.email,no_such_field");

        assertThat(names(record)).containsExactly("number", "state", "assigned_to.email");
        assertThat(record.get("assigned_to.email").asText()).isEqualTo("beth.anglin@example.com");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
