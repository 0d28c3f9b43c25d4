package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ActionStatus;
import io.retrobridge.domain.ConflictPolicy;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.FieldFlow;
import io.retrobridge.domain.Priority;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading each side into canonical items and writing them back, with the shipped mapping. */
class ActionItemMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REFERENCE = Path.of(System.getProperty("retrobridge.reference-dir", "../shared/reference"));

    @TempDir
    Path dir;

    private final ActionItemMapping mapping = shipped();

    private static ActionItemMapping shipped() {
        try {
            return new MappingLoader(TextFormatConverters.plainOnly()).load(MappingFiles.SHIPPED_DIR).actionItems();
        } catch (MappingValidationException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    private static ActionItem item(ActionStatus status, Priority priority, String assignee) {
        return new ActionItem("Add a canary stage", "Deploy to 5% first.", status, priority, assignee,
                LocalDate.of(2026, 12, 1), Set.of("payments"), Set.of(), "config-drift", null);
    }

    private static RecordFields json(String text) {
        try {
            return RecordJson.fields(JSON.readTree(text));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void readsARealJiraIssueAndSaysWhatItCouldNotMap() throws IOException {
        JsonNode fields = JSON.readTree(REFERENCE.resolve("jira/webhooks-server/issue-created.json").toFile())
                .path("issue").path("fields");
        MappedItem read = mapping.read(ExternalSystem.JIRA, RecordJson.fields(fields));
        ActionItem item = read.item();
        assertThat(item.title()).isEqualTo("Prueba de creación de tareas en un proyecto público");
        assertThat(item.description()).isEqualTo("Info");
        assertThat(item.status()).isEqualTo(ActionStatus.OPEN);
        assertThat(item.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(item.assigneeEmail()).isNull();
        assertThat(item.labels()).isEmpty();
        assertThat(item.classification().ruleId()).isEqualTo("default");
        assertThat(read.notes()).containsExactly(
                "status `Open` from jira has no mapping in values.status; used default `open`",
                "Jira user 5b912f5c8a96e82b9549361c has no e-mail visible and is not in values.users; read as unassigned");
    }

    @Test
    void readsARealServiceNowRecordWithRawValues() throws IOException {
        JsonNode record = JSON.readTree(REFERENCE.resolve("servicenow/table-get-list.problem.json").toFile())
                .path("result").get(0);
        MappedItem read = mapping.read(ExternalSystem.SERVICENOW, RecordJson.fields(record));
        assertThat(read.item().title()).isEqualTo("Switch occasionally drops connections");
        assertThat(read.item().priority()).isEqualTo(Priority.LOWEST);
        assertThat(read.item().status()).isEqualTo(ActionStatus.OPEN);
        assertThat(read.item().dueDate()).isNull();
        assertThat(read.notes()).containsExactly("status `4` from servicenow has no mapping in values.status; used default `open`");
    }

    @Test
    void serviceNowStatusReadsTheMostSpecificEntry() {
        assertThat(mapping.toCanonical(ExternalSystem.SERVICENOW,
                json("{\"short_description\":\"t\",\"state\":\"157\",\"close_code\":\"canceled\"}")).status())
                .isEqualTo(ActionStatus.CANCELLED);
        assertThat(mapping.toCanonical(ExternalSystem.SERVICENOW,
                json("{\"short_description\":\"t\",\"state\":\"157\",\"close_code\":\"\"}")).status())
                .isEqualTo(ActionStatus.DONE);
        assertThat(mapping.toCanonical(ExternalSystem.SERVICENOW, json("{\"short_description\":\"t\",\"state\":\"152\"}")).status())
                .isEqualTo(ActionStatus.OPEN);
    }

    @Test
    void serviceNowAssigneeIsReadByDotWalkedEmailOrListedUser() {
        assertThat(mapping.toCanonical(ExternalSystem.SERVICENOW, json("{\"short_description\":\"t\",\"state\":\"151\","
                + "\"assigned_to\":\"6816f79cc0a8016401c5a33be04be441\",\"assigned_to.email\":\"Someone@Example.com\"}"))
                .assigneeEmail()).isEqualTo("someone@example.com");
        assertThat(mapping.toCanonical(ExternalSystem.SERVICENOW, json("{\"short_description\":\"t\",\"state\":\"151\","
                + "\"assigned_to\":{\"link\":\"https://x/api/now/table/sys_user/david.loo\",\"value\":\"david.loo\"}}"))
                .assigneeEmail()).isEqualTo("david.loo@example.com");
    }

    @Test
    void writesServiceNowFieldsAsStrings() {
        ExternalWrite write = mapping.toExternal(ExternalSystem.SERVICENOW, item(ActionStatus.CANCELLED, Priority.HIGH,
                "beth.anglin@example.com"));
        assertThat(write.fields()).isEqualTo(json("""
                {"short_description":"Add a canary stage","description":"Deploy to 5% first.","state":"157",
                 "close_code":"canceled","impact":"1","urgency":"2","assigned_to":"beth.anglin",
                 "due_date":"2026-12-01 23:59:59","cause_code":"config-drift","u_retro_scope":"tooling-upgrade",
                 "u_retro_kind":"preventive","u_release_phase":"pre-deployment-testing","u_retro_rule":"pipeline-tooling"}
                """));
        assertThat(write.ruleIds()).containsExactly("pipeline-tooling");
        assertThat(write.notes()).isEmpty();
    }

    @Test
    void reopeningClearsTheCloseCode() {
        ExternalWrite write = mapping.toExternal(ExternalSystem.SERVICENOW, item(ActionStatus.OPEN, Priority.LOW, null));
        assertThat(write.fields().text("state")).isEqualTo("151");
        assertThat(write.fields().text("close_code")).isEmpty();
        assertThat(write.fields().text("assigned_to")).isEmpty();
    }

    @Test
    void writesJiraFieldsInRestV3Shapes() {
        ExternalWrite write = mapping.toExternal(ExternalSystem.JIRA, item(ActionStatus.DONE, Priority.HIGH,
                "david.loo@example.com"));
        // priority travels jira->servicenow only, so it is not written to Jira.
        assertThat(write.fields()).isEqualTo(json("""
                {"summary":"Add a canary stage","description":"Deploy to 5% first.","status":{"name":"Done"},
                 "assignee":{"accountId":"557058:david-loo"},"duedate":"2026-12-01",
                 "labels":["failure-mode:config-drift","kind:preventive","payments","phase:pre-deployment-testing",
                           "retro-action","scope:tooling-upgrade"]}
                """));
    }

    @Test
    void managedLabelsAreNotReadBackAsTheItemsOwn() {
        ActionItem read = mapping.toCanonical(ExternalSystem.JIRA, json("""
                {"summary":"t","status":{"name":"To Do"},"labels":["retro-action","scope:training","payments",
                 "failure-mode:config-drift"]}"""));
        assertThat(read.labels()).containsExactly("payments");
        assertThat(read.failureMode()).isEqualTo("config-drift");
    }

    @Test
    void valueMapDefaultStandsInOnWriteAndSaysSo() {
        String content = MappingFiles.shippedWith("\n        servicenow: [{state: \"157\", close_code: canceled}]", "");
        ActionItemMapping edited = MappingFiles.load(content, dir).actionItems();
        ExternalWrite write = edited.toExternal(ExternalSystem.SERVICENOW, item(ActionStatus.CANCELLED, Priority.LOW, null));
        assertThat(write.fields().text("state")).isEqualTo("151");
        assertThat(write.notes()).containsExactly(
                "status `cancelled` has no servicenow value in values.status; used default `open` (`151`)");
    }

    @Test
    void unknownPriorityNameFallsBackToTheDefault() {
        MappedItem read = mapping.read(ExternalSystem.JIRA, json("{\"summary\":\"t\",\"status\":{\"name\":\"Done\"},"
                + "\"priority\":{\"name\":\"Blocker\"}}"));
        assertThat(read.item().priority()).isEqualTo(Priority.MEDIUM);
        assertThat(read.notes()).contains("priority `Blocker` from jira has no mapping in values.priority; used default `medium`");
    }

    @Test
    void anUnlistedAssigneeIsWrittenByEMailForTheSideToLookUp() {
        ActionItem stranger = item(ActionStatus.OPEN, Priority.LOW, "stranger@example.com");

        ExternalWrite jira = mapping.toExternal(ExternalSystem.JIRA, stranger);
        ExternalWrite servicenow = mapping.toExternal(ExternalSystem.SERVICENOW, stranger);

        assertThat(jira.fields().object("assignee").get(ActionItemMapping.ASSIGNEE_BY_EMAIL)).isEqualTo("stranger@example.com");
        assertThat(jira.notes()).containsExactly("assignee stranger@example.com is not in values.users; looked up by e-mail on jira");
        assertThat(servicenow.fields().text("assigned_to")).isEqualTo("stranger@example.com");
        assertThat(mapping.clearsUnknownAssignee()).as("shipped default: leave-unchanged").isFalse();
        String content = MappingFiles.shippedWith("default: leave-unchanged", "default: unassigned");
        assertThat(MappingFiles.load(content, dir).actionItems().clearsUnknownAssignee()).isTrue();
    }

    @Test
    void ownershipTellsSyncWhoDecides() {
        assertThat(mapping.fieldsOwnedBy(ExternalSystem.JIRA)).containsOnlyKeys(CanonicalField.PRIORITY, CanonicalField.DUE_DATE);
        assertThat(mapping.fieldsOwnedBy(ExternalSystem.SERVICENOW)).containsOnlyKeys(CanonicalField.ASSIGNEE);
        FieldRule status = mapping.fieldRules().get(CanonicalField.STATUS);
        assertThat(status.direction()).isEqualTo(FieldFlow.BOTH);
        assertThat(status.conflict()).isEqualTo(ConflictPolicy.PARK);
        FieldRule priority = mapping.fieldRules().get(CanonicalField.PRIORITY);
        assertThat(priority.flowsFrom(ExternalSystem.JIRA)).isTrue();
        assertThat(priority.flowsFrom(ExternalSystem.SERVICENOW)).isFalse();
        assertThat(mapping.fieldRules().get(CanonicalField.LABELS).direction()).isNull();
    }

    @Test
    void fieldsToReadIncludeTheDotWalkedEmail() {
        assertThat(mapping.fieldsToRead(ExternalSystem.SERVICENOW)).containsExactly("short_description", "description",
                "state", "close_code", "impact", "urgency", "assigned_to", "assigned_to.email", "due_date", "cause_code");
        assertThat(mapping.fieldsToRead(ExternalSystem.JIRA)).containsExactly("summary", "description", "status",
                "priority", "assignee", "duedate", "labels", "components");
    }
}
