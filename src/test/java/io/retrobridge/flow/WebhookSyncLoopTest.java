package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.testsupport.SandboxPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The connector driven by webhooks alone, as in production: both simulators notify it of every change, the
 * inbox is worked down, and the other side converges with one write per change. Our own writes come back as
 * notifications too and must be recognised as echoes. Then deliveries get lost and duplicated, and a long run of
 * alternating edits proves no ping-pong can start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookSyncLoopTest extends LiveSyncSupport {

    @Test
    @Order(1)
    void createEditTransitionAssignOnEitherSideConvergesWithOneWriteEach() {
        // Created in Jira -> one ServiceNow create, and the Jira issue is labelled with our marker (one Jira write).
        String key = systems.createJiraItem("Rotate the gateway signing key");
        Writes created = settle();
        Map<String, String> task = systems.taskTitled("Rotate the gateway signing key");
        assertThat(task.get("correlation_id")).startsWith("rb-");
        assertThat(created.servicenow()).as("ServiceNow writes for one Jira create").isEqualTo(1);
        assertThat(created.jira()).as("Jira writes for one Jira create").isZero();

        // Edited in Jira -> one PATCH.
        systems.editJira(key, "{\"summary\":\"Rotate the gateway signing key quarterly\"}");
        Writes edited = settle();
        assertThat(systems.task(task.get("sys_id")).get("short_description")).isEqualTo("Rotate the gateway signing key quarterly");
        assertThat(edited).isEqualTo(new Writes(0, 1));

        // Assigned in Jira -> one PATCH naming the same person.
        systems.editJira(key, "{\"assignee\":{\"accountId\":\"557058:david-loo\"}}");
        Writes assigned = settle();
        assertThat(assigned).isEqualTo(new Writes(0, 1));
        assertThat(systems.task(task.get("sys_id")).get("assigned_to")).isEqualTo(sysUserId("david.loo"));

        // Transitioned in Jira -> one PATCH of state.
        systems.transitionJira(key, "In Progress");
        Writes moved = settle();
        assertThat(moved).isEqualTo(new Writes(0, 1));
        assertThat(systems.task(task.get("sys_id")).get("state")).isEqualTo("154");

        // Created in ServiceNow -> one Jira create.
        String sysId = systems.createTask("Document the gateway failover drill");
        Writes createdThere = settle();
        assertThat(systems.jiraIssuesTitled("Document the gateway failover drill")).isEqualTo(1);
        assertThat(createdThere).isEqualTo(new Writes(1, 0));
        String mirrorKey = jiraKeyTitled("Document the gateway failover drill");

        // Edited, assigned and closed in ServiceNow -> one Jira write for the edit, one for the assignment, and the
        // close is the transition (one POST).
        systems.patchTask(sysId, "{\"short_description\":\"Document and rehearse the gateway failover drill\"}");
        assertThat(settle()).isEqualTo(new Writes(1, 0));
        systems.patchTask(sysId, "{\"assigned_to\":\"" + sysUserId("abel.tuter") + "\"}");
        assertThat(settle()).isEqualTo(new Writes(1, 0));
        systems.patchTask(sysId, "{\"state\":\"157\",\"close_code\":\"fix_applied\",\"close_notes\":\"Rehearsed\"}");
        assertThat(settle()).isEqualTo(new Writes(1, 0));
        var issue = systems.jiraIssue(mirrorKey).path("fields");
        assertThat(issue.path("summary").asText()).isEqualTo("Document and rehearse the gateway failover drill");
        assertThat(issue.path("assignee").path("accountId").asText()).isEqualTo("557058:abel-tuter");
        assertThat(issue.path("status").path("name").asText()).isEqualTo("Done");

        // Every write of ours came back as a notification and was recognised as our own echo.
        List<JournalEntry> onServiceNow = journal.forSubject(new ExternalRef(ExternalSystem.SERVICENOW, task.get("sys_id")), 50);
        assertThat(onServiceNow).filteredOn(e -> e.action() == JournalAction.SKIPPED)
                .as("echo skips on %s: %s", task.get("number"), onServiceNow)
                .anySatisfy(e -> assertThat(e.summary()).contains("echo"));
        String issueId = systems.jiraIssue(mirrorKey).get("id").asText();
        List<JournalEntry> onJira = journal.forSubject(new ExternalRef(ExternalSystem.JIRA, issueId), 50);
        assertThat(onJira).filteredOn(e -> e.action() == JournalAction.SKIPPED)
                .as("echo skips on %s: %s", mirrorKey, onJira)
                .anySatisfy(e -> assertThat(e.summary()).contains("echo"));
        report("none(webhook-loop)", 0, 0, 0, systems.tasksTitled("Rotate the gateway signing key quarterly") - 1
                + systems.jiraIssuesTitled("Document and rehearse the gateway failover drill") - 1, 0);
    }

    @Test
    @Order(2)
    void lostAndDuplicatedNotificationsStillConvergeAfterAPollWithNothingTwice() {
        int dropped = 0;
        int doubled = 0;
        // Lost: the create notification of one item on each side, and an edit on each side.
        systems.jira.dropNextWebhooks(1);
        dropped++;
        String lostInJira = systems.createJiraItem("Add a retry budget to the gateway client");
        systems.servicenow.dropNextWebhooks(1);
        dropped++;
        String lostInServiceNow = systems.createTask("Review the gateway timeout settings");
        // Doubled: the create notification of one more item on each side.
        systems.jira.duplicateNextWebhooks(1);
        doubled++;
        systems.createJiraItem("Publish the gateway SLO dashboard");
        systems.servicenow.duplicateNextWebhooks(1);
        doubled++;
        systems.createTask("Train on-call engineers on gateway failover");
        settle();
        systems.jira.dropNextWebhooks(1);
        dropped++;
        systems.editJira(lostInJira, "{\"summary\":\"Add a retry budget and jitter to the gateway client\"}");
        systems.servicenow.dropNextWebhooks(1);
        dropped++;
        systems.patchTask(lostInServiceNow, "{\"short_description\":\"Review and shorten the gateway timeouts\"}");
        systems.jira.duplicateNextWebhooks(1);
        doubled++;
        systems.editJira(jiraKeyTitled("Publish the gateway SLO dashboard"), "{\"assignee\":{\"accountId\":\"557058:abel-tuter\"}}");
        systems.servicenow.duplicateNextWebhooks(1);
        doubled++;
        systems.patchTask(systems.taskTitled("Train on-call engineers on gateway failover").get("sys_id"),
                "{\"state\":\"154\"}");
        settle();

        pollAndSettle();

        List<String> titles = List.of("Add a retry budget and jitter to the gateway client",
                "Review and shorten the gateway timeouts", "Publish the gateway SLO dashboard",
                "Train on-call engineers on gateway failover");
        long duplicates = 0;
        long lost = 0;
        for (String title : titles) {
            long inJira = systems.jiraIssuesTitled(title);
            long inServiceNow = systems.tasksTitled(title);
            duplicates += Math.max(0, inJira - 1) + Math.max(0, inServiceNow - 1);
            lost += (inJira == 0 ? 1 : 0) + (inServiceNow == 0 ? 1 : 0);
        }
        String slo = jiraKeyTitled("Publish the gateway SLO dashboard");
        if (!sysUserId("abel.tuter").equals(systems.taskTitled("Publish the gateway SLO dashboard").get("assigned_to"))) {
            lost++;
        }
        if (!"In Progress".equals(systems.jiraIssue(jiraKeyTitled("Train on-call engineers on gateway failover"))
                .path("fields").path("status").path("name").asText())) {
            lost++;
        }
        long correlated = systems.tasksWhere(t -> t.get("correlation_id") != null && !t.get("correlation_id").isEmpty())
                .stream().map(t -> t.get("correlation_id")).distinct().count();
        long correlatedTasks = systems.tasksWhere(t -> t.get("correlation_id") != null && !t.get("correlation_id").isEmpty()).size();
        duplicates += correlatedTasks - correlated;
        report("lost-and-duplicated-webhooks", dropped + doubled, dropped + doubled, 0, duplicates, lost);
        assertThat(duplicates).as("records created twice (by title or correlation id)").isZero();
        assertThat(lost).as("items or changes missing on the other side; %s", slo).isZero();
        assertThat(systems.jira.pendingWebhooks() + systems.servicenow.pendingWebhooks()).isZero();
    }

    /**
     * How many alternating edits: 100 in the normal run (enough for any ping-pong to show, as a loop doubles
     * writes at once); the issue's full 1,000 with {@code -Dretrobridge.test.alternating-edits=1000}.
     */
    static final int ALTERNATING_EDITS = Integer.getInteger("retrobridge.test.alternating-edits", 100);

    @Test
    @Order(3)
    void alternatingEditsOnBothSidesWriteOnceEachAndNeverPingPong() {
        String key = systems.createJiraItem("Tune the gateway connection pool");
        settle();
        String sysId = systems.taskTitled("Tune the gateway connection pool").get("sys_id");
        long jiraBefore = systems.jiraWrites();
        long servicenowBefore = systems.servicenowWrites();
        int jiraEdits = 0;
        int servicenowEdits = 0;
        long started = System.nanoTime();
        for (int i = 1; i <= ALTERNATING_EDITS; i++) {
            if (i % 2 == 1) {
                systems.editJira(key, "{\"summary\":\"Tune the gateway connection pool, round " + i + "\"}");
                jiraEdits++;
            } else {
                systems.patchTask(sysId, "{\"short_description\":\"Tune the gateway connection pool, round " + i + "\"}");
                servicenowEdits++;
            }
            settle();
        }
        long ourJiraWrites = systems.jiraWrites() - jiraBefore - jiraEdits;
        long ourServiceNowWrites = systems.servicenowWrites() - servicenowBefore - servicenowEdits;
        System.out.printf("%d alternating edits in %d ms%n", ALTERNATING_EDITS, (System.nanoTime() - started) / 1_000_000);
        String last = "Tune the gateway connection pool, round " + ALTERNATING_EDITS;
        assertThat(systems.jiraIssue(key).path("fields").path("summary").asText()).isEqualTo(last);
        assertThat(systems.task(sysId).get("short_description")).isEqualTo(last);
        assertThat(ourServiceNowWrites).as("our ServiceNow writes for %d Jira edits", jiraEdits).isEqualTo(jiraEdits);
        assertThat(ourJiraWrites).as("our Jira writes for %d ServiceNow edits", servicenowEdits).isEqualTo(servicenowEdits);
        report("none(alternating-edits-" + ALTERNATING_EDITS + ")", 0, 0, 0,
                ourJiraWrites + ourServiceNowWrites - ALTERNATING_EDITS, 0);
    }

    @Test
    @Order(4)
    void notificationsAboutRecordsOutsideTheMappingsScopeMirrorNothing() {
        // The mapping's scope: problem tasks of type general; Jira tasks in PAY labelled retro-action.
        String rca = "Find the root cause of the gateway timeouts";
        systems.servicenowCall("POST", "/api/now/table/" + SandboxPair.TASKS,
                "{\"short_description\":" + SandboxPair.quote(rca) + ",\"problem_task_type\":\"rca\"}");
        String unlabelled = "Buy a second gateway test device";
        systems.jiraCall("POST", "/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"PAY\"},"
                + "\"issuetype\":{\"name\":\"Task\"},\"summary\":" + SandboxPair.quote(unlabelled) + "}}");

        Writes writes = settle();

        assertThat(systems.jiraIssuesTitled(rca)).as("Jira copies of a root-cause task").isZero();
        assertThat(systems.tasksTitled(unlabelled)).as("ServiceNow copies of an unlabelled issue").isZero();
        assertThat(writes).isEqualTo(new Writes(0, 0));
    }
}
