package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.jira.JiraPoller;
import io.retrobridge.sandbox.jira.JiraSandbox;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import io.retrobridge.servicenow.ServiceNowPoller;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.testsupport.SandboxPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole loop against both simulators: the demo story's action items cross over, edits on either side
 * converge with one write each, our own writes coming back are recognised, and running everything again
 * creates nothing twice.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActionItemSyncEndToEndTest {

    /** Its own simulators: the tests below count every item and link the demo story makes. */
    static final SandboxPair systems = new SandboxPair();
    static final JiraSandbox jira = systems.jira;
    static final ServiceNowSandbox servicenow = systems.servicenow;
    static final Map<String, String> jiraKeys = systems.jiraKeys;

    @DynamicPropertySource
    static void systems(DynamicPropertyRegistry registry) {
        systems.register(registry);
    }

    /** Stops both simulators after checking every Jira request against the spec. */
    @AfterAll
    static void stop() {
        systems.close();
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Autowired
    JiraPoller jiraPoller;

    @Autowired
    ServiceNowPoller serviceNowPoller;

    @Autowired
    InboxWorker worker;

    @Autowired
    LinkStore links;

    @Autowired
    Journal journal;

    @Test
    @Order(1)
    void itemsOnEitherSideAppearOnTheOther() throws Exception {
        int openInServiceNow = servicenow.records("problem_task").size();

        syncEverything();

        assertThat(jiraSearch("labels = retro-action")).as("Jira action items after sync")
                .contains("Add a canary stage to payment gateway deployments", "Alert when the checkout error rate exceeds 2%",
                        "Add contract tests for the gateway client", "Load-test checkout before cutover");
        assertThat(servicenow.records("problem_task")).extracting(r -> r.get("short_description"))
                .contains("Add contract tests for the gateway client", "Load-test checkout before cutover");
        assertThat(servicenow.records("problem_task")).hasSize(openInServiceNow + 2);
        assertThat(servicenow.records("problem_task")).filteredOn(r -> r.get("short_description").startsWith("Load-test"))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("correlation_id")).startsWith("rb-");
                    assertThat(r.get("state")).isEqualTo("154");
                });
        assertThat(links.count()).isGreaterThanOrEqualTo(6);
        assertThat(metrics.get("retrobridge.events.processed").tag("system", "servicenow").tag("outcome", "applied")
                .counter().count()).as("ServiceNow events applied, as an operator's dashboard shows them").isEqualTo(4);
        assertThat(metrics.get("retrobridge.events.sync.duration").tag("system", "jira").timer().count()).isPositive();
    }

    @Test
    @Order(2)
    void runningEverythingAgainCreatesNothingAndWritesNothing() throws Exception {
        long jiraWrites = jira.requests().successfulWrites("/rest/api");
        long servicenowWrites = servicenow.requests().successfulWrites("/api/now/table");
        long linksBefore = links.count();

        syncEverything();
        syncEverything();

        assertThat(links.count()).isEqualTo(linksBefore);
        assertThat(jira.requests().successfulWrites("/rest/api")).as("Jira writes: %s", writes(jira.requests().all()))
                .isEqualTo(jiraWrites);
        assertThat(servicenow.requests().successfulWrites("/api/now/table")).as("ServiceNow writes: %s",
                writes(servicenow.requests().all())).isEqualTo(servicenowWrites);
    }

    @Test
    @Order(3)
    void anEditInJiraReachesServiceNowOnceAndItsEchoIsSkipped() throws Exception {
        String key = jiraKeys.get("contractTests");
        jiraCall("PUT", "/rest/api/3/issue/" + key, "{\"fields\":{\"summary\":\"Add consumer-driven contract tests for the gateway client\"}}");
        long servicenowWrites = servicenow.requests().successfulWrites("/api/now/table");

        syncEverything();
        syncEverything();

        assertThat(servicenow.records("problem_task")).extracting(r -> r.get("short_description"))
                .contains("Add consumer-driven contract tests for the gateway client");
        assertThat(servicenow.requests().successfulWrites("/api/now/table") - servicenowWrites).isEqualTo(1);
        String issueId = jiraIssueId(key);
        List<JournalEntry> entries = journal.forSubject(new ExternalRef(ExternalSystem.JIRA, issueId), 20);
        assertThat(entries).extracting(JournalEntry::action).contains(JournalAction.WROTE);
        assertThat(entries).filteredOn(e -> e.action() == JournalAction.WROTE).first()
                .satisfies(e -> assertThat(e.summary()).contains("title"));
    }

    @Test
    @Order(4)
    void closingInServiceNowMovesTheJiraIssueThroughItsWorkflow() throws Exception {
        Map<String, String> task = servicenow.records("problem_task").stream()
                .filter(r -> r.get("short_description").startsWith("Load-test")).findFirst().orElseThrow();
        servicenowCall("PATCH", "/api/now/table/problem_task/" + task.get("sys_id"),
                "{\"state\":\"157\",\"close_code\":\"fix_applied\",\"close_notes\":\"Load test passed at 3x peak\"}");

        syncEverything();

        assertThat(jiraCall("GET", "/rest/api/3/issue/" + jiraKeys.get("loadTest") + "?fields=status", null))
                .contains("\"name\":\"Done\"");
    }

    private static List<String> writes(List<io.retrobridge.sandbox.RequestLog.Entry> requests) {
        return requests.stream().filter(io.retrobridge.sandbox.RequestLog.Entry::isWrite)
                .map(e -> e.method() + " " + e.path() + " " + e.body()).toList();
    }

    private void syncEverything() {
        serviceNowPoller.poll();
        jiraPoller.poll();
        while (worker.drain() > 0) {
            // until the inbox is empty: writes queue nothing, echoes come back through the next poll
        }
    }

    private String jiraSearch(String jql) throws Exception {
        return jiraCall("POST", "/rest/api/3/search/jql",
                "{\"jql\":\"" + jql + "\",\"fields\":[\"summary\"],\"maxResults\":100}");
    }

    private String jiraIssueId(String key) throws Exception {
        String body = jiraCall("GET", "/rest/api/3/issue/" + key + "?fields=summary", null);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("id").asText();
    }

    /** As the connector's own account, as these tests always did. */
    private static String jiraCall(String method, String path, String body) {
        return systems.jiraCallAs(SandboxPair.SYNC_EMAIL, SandboxPair.SYNC_TOKEN, method, path, body);
    }

    private static String servicenowCall(String method, String path, String body) {
        return systems.servicenowCallAs(SandboxPair.SYNC_USER, SandboxPair.SYNC_PASSWORD, method, path, body);
    }
}
