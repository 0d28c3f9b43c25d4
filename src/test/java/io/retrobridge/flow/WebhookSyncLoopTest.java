package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.jira.JiraPoller;
import io.retrobridge.servicenow.ServiceNowPoller;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.Journal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
 * The connector driven by webhooks alone, as in production: both simulators notify it of every change, the
 * inbox is worked down, and the other side converges with one write per change. Our own writes come back as
 * notifications too and must be recognised as echoes. Then deliveries get lost and duplicated, and a long run of
 * alternating edits proves no ping-pong can start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookSyncLoopTest {

    static final SandboxPair systems = new SandboxPair();
    static boolean subscribed;

    @DynamicPropertySource
    static void systems(DynamicPropertyRegistry registry) {
        systems.register(registry);
    }

    @AfterAll
    static void stop() {
        systems.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JiraPoller jiraPoller;

    @Autowired
    ServiceNowPoller serviceNowPoller;

    @Autowired
    InboxWorker worker;

    @Autowired
    EventInbox inbox;

    @Autowired
    Journal journal;

    @BeforeEach
    void subscribeOnce() {
        if (!subscribed) {
            // Start from a linked world: what exists already is backfilled once, then only webhooks tell us.
            serviceNowPoller.poll();
            jiraPoller.poll();
            drainAll();
            systems.subscribe(URI.create("http://127.0.0.1:" + port));
            subscribed = true;
        }
    }

    @Test
    @Order(1)
    void createEditTransitionAssignOnEitherSideConvergesWithOneWriteEach() {
        // Created in Jira -> one ServiceNow create, and the Jira issue is labelled with our marker (one Jira write).
        String key = systems.createJiraItem("Rotate the gateway signing key");
        Writes created = settle();
        Map<String, String> task = systems.taskTitled("Rotate the gateway signing key");
        assertThat(task.get("correlation_id")).startsWith("rb-");
        assertThat(created.servicenow).as("ServiceNow writes for one Jira create").isEqualTo(1);
        assertThat(created.jira).as("Jira writes for one Jira create").isZero();

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
        System.out.println("fault=none(webhook-loop) injected=0 recovered=0 dead-lettered=0 duplicates="
                + (systems.tasksTitled("Rotate the gateway signing key quarterly") - 1
                + systems.jiraIssuesTitled("Document and rehearse the gateway failover drill") - 1) + " lost=0");
    }

    /** What the connector wrote while the inbox was worked down. */
    record Writes(long jira, long servicenow) {
    }

    /** Lets every notification land, works the inbox down until nothing new comes back, counts our writes. */
    Writes settle() {
        systems.awaitWebhooks();
        long jira = systems.jiraWrites();
        long servicenow = systems.servicenowWrites();
        drainAll();
        return new Writes(systems.jiraWrites() - jira, systems.servicenowWrites() - servicenow);
    }

    void drainAll() {
        for (int round = 0; round < 20; round++) {
            int done = 0;
            while (worker.drain() > 0) {
                done++;
            }
            systems.awaitWebhooks();
            if (done == 0 && inbox.pendingCount() == 0) {
                return;
            }
        }
        throw new AssertionError("the inbox never ran dry: " + inbox.pendingCount() + " pending (ping-pong?)");
    }

    String sysUserId(String userName) {
        return systems.servicenow.records("sys_user").stream().filter(u -> userName.equals(u.get("user_name")))
                .findFirst().orElseThrow().get("sys_id");
    }

    String jiraKeyTitled(String summary) {
        var page = SandboxPair.json(systems.jiraCall("POST", "/rest/api/3/search/jql",
                "{\"jql\":\"project = PAY\",\"fields\":[\"summary\"],\"maxResults\":1000}"));
        for (var issue : page.path("issues")) {
            if (issue.path("fields").path("summary").asText().equals(summary)) {
                return issue.get("key").asText();
            }
        }
        throw new AssertionError("no issue titled " + summary);
    }
}
