package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.flow.items.ActionItemSync;
import io.retrobridge.sandbox.RequestLog;
import io.retrobridge.sync.InboxOutcome;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.JiraOpenApiValidator;
import io.retrobridge.testsupport.SandboxPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Release planning through the sync, both simulators and real HTTP: the demo's PAY has a released 4.2.0, an
 * unreleased 4.3.0 and board 1 with PAY Sprint 12 under way and PAY Sprint 13 to come. Items the mapping plans
 * land there once, items a person planned stay where they are, and the journal says where each went or why nowhere.
 * The last test releases 4.3.0, so the class has simulators of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleasePlanningEndToEndTest {

    static final SandboxPair systems = new SandboxPair();
    static final Path mappings = planningMappings();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        systems.register(registry);
        registry.add("retrobridge.mappings-dir", mappings::toString);
    }

    @AfterAll
    static void everyJiraRequestMatchesTheSpecThenStop() {
        try {
            JiraOpenApiValidator.assertEveryRequestValid(systems.jira.requests());
        } finally {
            systems.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ActionItemSync sync;

    @Test
    @Order(1)
    void aServiceNowItemClassifiedForTheNextReleaseIsCreatedInJiraAndPlannedInto430Once() {
        String title = "Write a rollback runbook for the gateway client";
        String task = systems.createTask(title);

        assertThat(sync.sync(new ExternalRef(ExternalSystem.SERVICENOW, task)).outcome()).isEqualTo(InboxOutcome.APPLIED);
        String key = systems.jiraKeyTitled(title);
        assertThat(fixVersions(key)).containsExactly("4.3.0");

        // Synced again, and changed on ServiceNow so that Jira is written again: still planned once.
        sync.sync(new ExternalRef(ExternalSystem.SERVICENOW, task));
        sync.sync(new ExternalRef(ExternalSystem.JIRA, idOf(key)));
        systems.patchTask(task, "{\"short_description\":\"" + title + " and its checklist\"}");
        assertThat(sync.sync(new ExternalRef(ExternalSystem.SERVICENOW, task)).outcome()).isEqualTo(InboxOutcome.APPLIED);
        assertThat(systems.jiraIssue(key).path("fields").path("summary").asText()).endsWith("and its checklist");

        assertThat(fixVersions(key)).containsExactly("4.3.0");
        assertThat(fixVersionWrites(idOf(key))).as("fix version edits sent to %s", key).isEqualTo(1);
        List<JsonNode> planned = journalSaying(key, "planned into");
        assertThat(planned).singleElement().satisfies(entry -> {
            assertThat(entry.path("action").asText()).isEqualTo("WROTE");
            assertThat(entry.path("summary").asText()).isEqualTo("planned into 4.3.0, the next unreleased version of PAY");
            assertThat(entry.path("ruleIds")).extracting(JsonNode::asText).containsExactly("rollback-runbooks");
            assertThat(entry.path("detail").asText()).contains("rule rollback-runbooks");
        });
    }

    @Test
    @Order(2)
    void anIssueAPersonPlannedKeepsItsVersionWhileAnUnplannedOneIsPlannedWhenRetroBridgeWritesIt() {
        String plannedByHand = systems.createJiraItem("Rehearse the rollback before cutover");
        systems.editJira(plannedByHand, "{\"fixVersions\":[{\"name\":\"4.2.0\"}]}");
        String unplanned = systems.createJiraItem("Document the rollback steps");
        for (String key : List.of(plannedByHand, unplanned)) {
            sync.sync(new ExternalRef(ExternalSystem.JIRA, idOf(key)));
        }
        assertThat(fixVersions(unplanned)).as("Jira was not written yet").isEmpty();

        // A change made in ServiceNow reaches each issue: RetroBridge writes it, and plans what nobody planned.
        for (String key : List.of(plannedByHand, unplanned)) {
            String summary = systems.jiraIssue(key).path("fields").path("summary").asText();
            String task = systems.taskTitled(summary).get("sys_id");
            systems.patchTask(task, "{\"short_description\":\"" + summary + " (agreed at the review)\"}");
            assertThat(sync.sync(new ExternalRef(ExternalSystem.SERVICENOW, task)).outcome())
                    .isEqualTo(InboxOutcome.APPLIED);
        }

        assertThat(systems.jiraIssue(plannedByHand).path("fields").path("summary").asText())
                .endsWith("(agreed at the review)");
        assertThat(fixVersions(plannedByHand)).containsExactly("4.2.0");
        assertThat(fixVersionWrites(idOf(plannedByHand))).as("only the person's edit").isEqualTo(1);
        assertThat(journalSaying(plannedByHand, "planned")).isEmpty();
        assertThat(fixVersions(unplanned)).containsExactly("4.3.0");
        assertThat(journalSaying(unplanned, "planned into 4.3.0, the next unreleased version of PAY")).hasSize(1);
    }

    @Test
    @Order(3)
    void anItemClassifiedForTheNextSprintGoesIntoTheBoardsNextSprint() {
        String title = "Add a canary stage to the checkout pipeline";
        String task = systems.createTask(title);

        sync.sync(new ExternalRef(ExternalSystem.SERVICENOW, task));
        sync.sync(new ExternalRef(ExternalSystem.SERVICENOW, task));

        String key = systems.jiraKeyTitled(title);
        JsonNode sprint = planning(key).path("customfield_10020");
        assertThat(sprint).singleElement().satisfies(s -> {
            assertThat(s.path("name").asText()).isEqualTo("PAY Sprint 13");
            assertThat(s.path("state").asText()).isEqualTo("future");
            assertThat(s.path("boardId").asLong()).isEqualTo(1);
        });
        assertThat(fixVersions(key)).as("the rule sets a sprint only").isEmpty();
        assertThat(journalSaying(key, "planned into")).singleElement().satisfies(entry -> assertThat(
                entry.path("summary").asText()).isEqualTo("planned into sprint PAY Sprint 13, the next sprint of board 1"));
        assertThat(systems.jira.requests().count("GET", "/rest/agile/1.0/board/1/sprint")).isEqualTo(1);
    }

    @Test
    @Order(4)
    void anItemClassifiedForTheActiveSprintGoesIntoTheSprintUnderWay() {
        String title = "Compare the gateway settings of every environment";
        String task = systems.createTask(title);
        systems.patchTask(task, "{\"cause_code\":\"config-drift\"}");

        sync.sync(new ExternalRef(ExternalSystem.SERVICENOW, task));

        String key = systems.jiraKeyTitled(title);
        assertThat(planning(key).path("customfield_10020")).singleElement()
                .satisfies(s -> assertThat(s.path("name").asText()).isEqualTo("PAY Sprint 12"));
        assertThat(journalSaying(key, "planned into")).singleElement().satisfies(entry -> assertThat(
                entry.path("summary").asText()).isEqualTo("planned into sprint PAY Sprint 12, the active sprint of board 1"));
    }

    @Test
    @Order(5)
    void withNoUnreleasedVersionNothingIsSetAndTheJournalSaysSo() {
        systems.jira.seed().release("PAY", "4.3.0");
        String title = "Roll back automatically when the gateway client fails";
        String task = systems.createTask(title);

        assertThat(sync.sync(new ExternalRef(ExternalSystem.SERVICENOW, task)).outcome()).isEqualTo(InboxOutcome.APPLIED);

        String key = systems.jiraKeyTitled(title);
        assertThat(fixVersions(key)).isEmpty();
        assertThat(fixVersionWrites(idOf(key))).isZero();
        assertThat(journalSaying(key, "not planned")).singleElement().satisfies(entry -> {
            assertThat(entry.path("action").asText()).isEqualTo("SKIPPED");
            assertThat(entry.path("summary").asText())
                    .isEqualTo("not planned: PAY has no unreleased version, so no fix version was set");
        });
    }

    private static JsonNode planning(String key) {
        return SandboxPair.json(systems.jiraCall("GET", "/rest/api/3/issue/" + key + "?fields=fixVersions,customfield_10020",
                null)).path("fields");
    }

    private static List<String> fixVersions(String key) {
        List<String> names = new ArrayList<>();
        planning(key).path("fixVersions").forEach(v -> names.add(v.path("name").asText()));
        return names;
    }

    /** Edits of the issue that set its fix versions, by anyone. */
    private static long fixVersionWrites(String issueId) {
        return systems.jira.requests().all().stream().filter(RequestLog.Entry::isWrite)
                .filter(e -> e.status() < 300 && e.body() != null && e.body().contains("fixVersions"))
                .filter(e -> e.path().endsWith("/issue/" + issueId) || e.path().endsWith("/issue/"
                        + systems.jiraIssue(issueId).path("key").asText()))
                .count();
    }

    private List<JsonNode> journalSaying(String key, String text) {
        JsonNode journal = SandboxPair.json(AdminApi.get(port, "/api/admin/journal?system=jira&id=" + key));
        List<JsonNode> entries = new ArrayList<>();
        journal.path("entries").forEach(entry -> {
            if (entry.path("summary").asText().contains(text)) {
                entries.add(entry);
            }
        });
        return entries;
    }

    private static String idOf(String key) {
        return systems.jiraIssue(key).path("id").asText();
    }

    /**
     * The shipped mapping with a plan for runbook items (next unreleased version), pipeline items (next sprint) and
     * configuration drift (the sprint under way).
     */
    private static Path planningMappings() {
        try {
            Path dir = Files.createTempDirectory("mappings-release-plan");
            String shipped = Files.readString(Path.of("mappings/action-items.yaml"));
            String planned = shipped.replace("""
                          - when: {scope: immediate-fix}
                            fix-version: next-unreleased
                    """, """
                          - when: {rule: rollback-runbooks}
                            fix-version: next-unreleased
                          - when: {rule: pipeline-tooling}
                            sprint: next
                            board: 1
                          - when: {rule: config-drift}
                            sprint: active
                            board: 1
                    """);
            assertThat(planned).isNotEqualTo(shipped);
            Files.writeString(dir.resolve("action-items.yaml"), planned);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
