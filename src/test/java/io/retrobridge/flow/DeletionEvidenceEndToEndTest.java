package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.MappingLoader;
import io.retrobridge.mapping.TextFormatConverters;
import io.retrobridge.sandbox.WebhookSender;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.SandboxPair;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A record that answers 404 is not taken for deleted: Jira answers 404 for an issue the integration account may not
 * see, ServiceNow for a record an ACL hides, exactly as for a deleted one. Only a verified delete notice (the signed
 * {@code jira:issue_deleted} webhook, the business rule's delete notice) acts, and then as the mapping's
 * {@code on-delete} says. Every test runs with {@code on-delete: cancel} unless it says otherwise, so that a wrongful
 * cancel would show.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class DeletionEvidenceEndToEndTest extends LiveSyncSupport {

    static final String SYNC_ACCOUNT = "557058:retrobridge";
    static final String CANCELLED_STATE = "157";

    @Autowired
    CurrentMappings mappings;

    @TempDir
    Path mappingDir;

    @Test
    @Order(1)
    void aJiraIssueHiddenFromTheIntegrationAccountNeverCancelsItsServiceNowCopy() throws Exception {
        withOnDelete("cancel", () -> {
            String key = systems.createJiraItem("Hide me: rotate the HSM keys");
            settle();
            String issueId = jiraIdOf(key);
            String sysId = systems.taskTitled("Hide me: rotate the HSM keys").get("sys_id");
            systems.jira.hideIssueFrom(key, SYNC_ACCOUNT);
            try {
                // An edit in Jira is announced by webhook; the connector reads the issue and gets Jira's 404.
                systems.editJira(key, "{\"summary\":\"Hide me: rotate the HSM keys yearly\"}");
                // An edit of the ServiceNow copy makes the connector read its Jira counterpart: 404 again.
                systems.patchTask(sysId, "{\"description\":\"Keys rotate in the HSM console\"}");
                settle();

                Map<String, String> task = systems.task(sysId);
                assertThat(task.get("state")).as("the copy is not cancelled").isNotEqualTo(CANCELLED_STATE);
                assertThat(task.get("short_description")).isEqualTo("Hide me: rotate the HSM keys");
                assertThat(journal.forSubject(new ExternalRef(ExternalSystem.JIRA, issueId), 20))
                        .filteredOn(e -> e.action() == JournalAction.SKIPPED)
                        .anySatisfy(e -> assertThat(e.summary()).contains("answered 404")
                                .contains("hidden from the integration account").contains("permission"));
                assertThat(journal.forSubject(new ExternalRef(ExternalSystem.JIRA, issueId), 20))
                        .noneMatch(e -> e.action() == JournalAction.WROTE && e.summary().contains("cancel"));
            } finally {
                systems.jira.showIssueTo(key, SYNC_ACCOUNT);
            }
            // Seen again: the next change brings both sides together, the edits made meanwhile included.
            systems.editJira(key, "{\"assignee\":{\"accountId\":\"557058:david-loo\"}}");
            settle();
            assertThat(systems.task(sysId).get("short_description")).isEqualTo("Hide me: rotate the HSM keys yearly");
            assertThat(systems.jiraIssue(key).path("fields").path("status").path("name").asText()).isEqualTo("To Do");
            return null;
        });
    }

    @Test
    @Order(2)
    void aServiceNowRecordAnAclHidesNeverCancelsItsJiraCopy() throws Exception {
        withOnDelete("cancel", () -> {
            String sysId = systems.createTask("Hide me: review the firewall change window");
            settle();
            String key = systems.jiraKeyTitled("Hide me: review the firewall change window");
            systems.servicenow.hideRecordFrom(SandboxPair.TASKS, sysId, SandboxPair.SYNC_USER);
            try {
                assertThat(systems.servicenowCallAs(SandboxPair.PERSON_USER, SandboxPair.PERSON_PASSWORD, "GET",
                        "/api/now/table/problem_task/" + sysId, null)).as("people still see it").contains(sysId);
                systems.patchTask(sysId, "{\"short_description\":\"Hide me: review the firewall change window monthly\"}");
                systems.editJira(key, "{\"description\":{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":"
                        + "\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Window is Sunday 02:00\"}]}]}}");
                settle();

                JsonNode issue = systems.jiraIssue(key).path("fields");
                assertThat(issue.path("status").path("name").asText()).as("the copy is not cancelled").isEqualTo("To Do");
                assertThat(journal.forSubject(new ExternalRef(ExternalSystem.SERVICENOW, sysId), 20))
                        .filteredOn(e -> e.action() == JournalAction.SKIPPED)
                        .anySatisfy(e -> assertThat(e.summary()).contains("SERVICENOW answered 404")
                                .contains("ACL"));
            } finally {
                systems.servicenow.showRecordTo(SandboxPair.TASKS, sysId, SandboxPair.SYNC_USER);
            }
            // Seen again: a poll brings both sides together, the edits made meanwhile included.
            pollAndSettle();
            assertThat(systems.jiraIssue(key).path("fields").path("summary").asText())
                    .isEqualTo("Hide me: review the firewall change window monthly");
            return null;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"cancel", "comment", "leave"})
    @Order(3)
    void aJiraIssueDeletedWithAVerifiedWebhookDoesWhatTheMappingSays(String onDelete) throws Exception {
        withOnDelete(onDelete, () -> {
            String title = "Deleted in Jira (" + onDelete + ")";
            String key = systems.createJiraItem(title);
            settle();
            String sysId = systems.taskTitled(title).get("sys_id");
            String issueId = jiraIdOf(key);
            int notesBefore = workNotes(sysId).size();

            systems.jiraCall("DELETE", "/rest/api/3/issue/" + key, null);
            settle();

            Map<String, String> task = systems.task(sysId);
            List<String> notes = workNotes(sysId);
            switch (onDelete) {
                case "cancel" -> {
                    assertThat(task.get("state")).isEqualTo(CANCELLED_STATE);
                    assertThat(task.get("close_code")).isEqualTo("canceled");
                    assertThat(notes).hasSize(notesBefore);
                }
                case "comment" -> {
                    assertThat(task.get("state")).isNotEqualTo(CANCELLED_STATE);
                    assertThat(notes).hasSize(notesBefore + 1);
                    assertThat(notes).anySatisfy(note -> assertThat(note).contains("linked Jira issue " + key + " was deleted"));
                }
                default -> {
                    assertThat(task.get("state")).isNotEqualTo(CANCELLED_STATE);
                    assertThat(notes).hasSize(notesBefore);
                }
            }
            List<JournalEntry> entries = journal.forSubject(new ExternalRef(ExternalSystem.JIRA, issueId), 20);
            assertThat(entries).as("journalled: %s", entries).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo(onDelete.equals("leave") ? JournalAction.SKIPPED : JournalAction.WROTE);
                assertThat(e.summary()).contains(key + " deleted on JIRA (a verified jira:issue_deleted notice)")
                        .contains("on-delete: " + onDelete);
            });

            // The notice again (Jira retries with a new timestamp): handled once, no second note.
            String again = "{\"timestamp\":1765000000002,\"webhookEvent\":\"jira:issue_deleted\",\"issue\":{\"id\":\""
                    + issueId + "\",\"key\":\"" + key + "\",\"fields\":{\"updated\":\"2026-12-06T11:00:00.000+0000\"}}}";
            assertThat(deliver("/webhooks/jira", again, WebhookSender.signature(again, SandboxPair.JIRA_WEBHOOK_SECRET))
                    .statusCode()).isEqualTo(202);
            // The survivor edited later: its counterpart is known deleted, not taken for lost access.
            systems.patchTask(sysId, "{\"description\":\"Still wanted after the Jira clean-up\"}");
            settle();
            assertThat(workNotes(sysId)).hasSize(notes.size());
            assertThat(journal.forSubject(new ExternalRef(ExternalSystem.SERVICENOW, sysId), 5))
                    .anySatisfy(e -> assertThat(e.summary()).contains(key + " was deleted on JIRA (a verified"
                            + " jira:issue_deleted notice, handled at").doesNotContain("answered 404"));
            return null;
        });
    }

    @Test
    @Order(4)
    void aServiceNowRecordDeletedWithTheBusinessRulesNoticeIsCancelledInJira() throws Exception {
        withOnDelete("cancel", () -> {
            String sysId = systems.createTask("Deleted in ServiceNow: tidy the runbook index");
            settle();
            String key = systems.jiraKeyTitled("Deleted in ServiceNow: tidy the runbook index");
            String number = systems.task(sysId).get("number");

            systems.servicenowCall("DELETE", "/api/now/table/problem_task/" + sysId, null);
            settle();

            assertThat(systems.jiraIssue(key).path("fields").path("status").path("name").asText()).isEqualTo("Cancelled");
            assertThat(journal.forSubject(new ExternalRef(ExternalSystem.SERVICENOW, sysId), 20))
                    .anySatisfy(e -> assertThat(e.summary())
                            .contains(number + " deleted on SERVICENOW (a verified servicenow:problem_task:delete notice)"));
            return null;
        });
    }

    @Test
    @Order(4)
    void aServiceNowRecordDeletedWithOnDeleteCommentLeavesAPlainJiraCommentOnce() throws Exception {
        withOnDelete("comment", () -> {
            String sysId = systems.createTask("Deleted in ServiceNow: [retire](https://evil.example) the old VPN");
            settle();
            String key = systems.jiraKeyTitled("Deleted in ServiceNow: [retire](https://evil.example) the old VPN");
            String number = systems.task(sysId).get("number");

            systems.servicenowCall("DELETE", "/api/now/table/problem_task/" + sysId, null);
            settle();
            systems.editJira(key, "{\"summary\":\"Retire the old VPN anyway\"}");
            settle();

            JsonNode comments = SandboxPair.json(systems.jiraCall("GET", "/rest/api/3/issue/" + key + "/comment", null))
                    .path("comments");
            List<JsonNode> notes = new ArrayList<>();
            comments.forEach(c -> {
                if (c.toString().contains("was deleted in ServiceNow")) {
                    notes.add(c);
                }
            });
            assertThat(notes).hasSize(1);
            JsonNode paragraph = notes.get(0).path("body").path("content").get(0);
            assertThat(paragraph.path("content")).hasSize(1);
            assertThat(paragraph.path("content").get(0).path("text").asText())
                    .startsWith("RetroBridge: the linked ServiceNow record " + number + " was deleted in ServiceNow.");
            assertThat(systems.jiraIssue(key).path("fields").path("status").path("name").asText()).isEqualTo("To Do");
            return null;
        });
    }

    @Test
    @Order(5)
    void aForgedOrUnsignedDeleteDeliveryIsRefusedAndChangesNothing() throws Exception {
        withOnDelete("cancel", () -> {
            String key = systems.createJiraItem("Forged deletion target");
            settle();
            String issueId = jiraIdOf(key);
            String sysId = systems.taskTitled("Forged deletion target").get("sys_id");
            // Hidden as well, so a delivery taken at its word would find a 404 to confirm it.
            systems.jira.hideIssueFrom(key, SYNC_ACCOUNT);
            try {
                String body = "{\"timestamp\":1765000000000,\"webhookEvent\":\"jira:issue_deleted\",\"issue\":{\"id\":\""
                        + issueId + "\",\"key\":\"" + key + "\",\"fields\":{\"updated\":\"2026-12-06T10:00:00.000+0000\"}}}";
                long pending = inbox.pendingCount();

                assertThat(deliver("/webhooks/jira", body, null).statusCode()).as("unsigned").isEqualTo(401);
                assertThat(deliver("/webhooks/jira", body, WebhookSender.signature(body, "not-the-secret-at-all"))
                        .statusCode()).as("signed with another secret").isEqualTo(401);
                String sysIdBody = "{\"table\":\"problem_task\",\"sys_id\":\"" + sysId + "\",\"operation\":\"delete\","
                        + "\"sys_updated_on\":\"2026-12-06 10:00:00\",\"sys_mod_count\":\"9\"}";
                assertThat(deliver("/webhooks/servicenow", sysIdBody,
                        WebhookSender.signature(sysIdBody, SandboxPair.JIRA_WEBHOOK_SECRET)).statusCode())
                        .as("ServiceNow notice signed with Jira's secret").isEqualTo(401);

                assertThat(inbox.pendingCount()).as("nothing stored").isEqualTo(pending);
                drainAll();
                assertThat(systems.task(sysId).get("state")).isNotEqualTo(CANCELLED_STATE);
                assertThat(systems.jiraIssue(key).path("fields").path("status").path("name").asText()).isEqualTo("To Do");
            } finally {
                systems.jira.showIssueTo(key, SYNC_ACCOUNT);
            }

            // A correctly signed delete notice for an issue that still reads is not taken for a deletion either.
            String stillThere = "{\"timestamp\":1765000000001,\"webhookEvent\":\"jira:issue_deleted\",\"issue\":{\"id\":\""
                    + issueId + "\",\"key\":\"" + key + "\",\"fields\":{\"updated\":\"2026-12-06T10:00:01.000+0000\"}}}";
            assertThat(deliver("/webhooks/jira", stillThere,
                    WebhookSender.signature(stillThere, SandboxPair.JIRA_WEBHOOK_SECRET)).statusCode()).isEqualTo(202);
            drainAll();
            assertThat(systems.task(sysId).get("state")).isNotEqualTo(CANCELLED_STATE);
            return null;
        });
    }

    /** Last: the burst it causes stays in health for the window. */
    @Test
    @Order(6)
    void manyLinkedRecordsTurningUnreadableAtOnceShowInHealthWithOneWarnLineAndChangeNothing(CapturedOutput output)
            throws Exception {
        withOnDelete("cancel", () -> {
            List<String> sysIds = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                systems.createJiraItem("Burst item " + i);
            }
            settle();
            for (int i = 0; i < 7; i++) {
                sysIds.add(systems.taskTitled("Burst item " + i).get("sys_id"));
            }
            int warnsBefore = warnLines(output);
            systems.jira.hideProjectFrom("PAY", SYNC_ACCOUNT);
            try {
                for (String sysId : sysIds) {
                    systems.patchTask(sysId, "{\"description\":\"Checked during the access review\"}");
                }
                settle();

                JsonNode links = SandboxPair.json(AdminApi.get(port, "/actuator/health/links"));
                assertThat(links.path("status").asText()).isEqualTo("UP");
                assertThat(links.path("details").path("unreadable").path("jira").asInt()).isGreaterThanOrEqualTo(7);
                assertThat(links.path("details").path("warning").asText())
                        .contains("linked records on Jira unreadable since")
                        .contains("likely a permission change for the integration account on Jira project PAY");
                assertThat(warnLines(output) - warnsBefore).as("one WARN line for the burst").isEqualTo(1);
                for (String sysId : sysIds) {
                    assertThat(systems.task(sysId).get("state")).isNotEqualTo(CANCELLED_STATE);
                }
            } finally {
                systems.jira.showProjectTo("PAY", SYNC_ACCOUNT);
            }
            return null;
        });
    }

    private static int warnLines(CapturedOutput output) {
        return (int) output.getOut().lines()
                .filter(line -> line.contains("WARN") && line.contains("likely a permission change")).count();
    }

    private List<String> workNotes(String sysId) {
        return systems.servicenow.journal(sysId).stream().filter(e -> "work_notes".equals(e.get("element")))
                .map(e -> e.get("value")).toList();
    }

    private HttpResponse<String> deliver(String path, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(path.contains("jira") ? "X-Hub-Signature" : "X-RetroBridge-Signature", signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void withOnDelete(String onDelete, Callable<Void> test) throws Exception {
        String shipped = Files.readString(Path.of("mappings", "action-items.yaml"));
        String changed = shipped.replace("\non-delete: leave\n", "\non-delete: " + onDelete + "\n");
        assertThat(changed).contains("on-delete: " + onDelete);
        Path dir = Files.createDirectories(mappingDir.resolve(onDelete));
        Files.writeString(dir.resolve("action-items.yaml"), changed);
        LoadedMappings previous = mappings.replace(new MappingLoader(TextFormatConverters.standard()).load(dir));
        try {
            test.call();
        } finally {
            mappings.replace(previous);
        }
    }
}
