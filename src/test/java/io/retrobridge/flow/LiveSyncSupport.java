package io.retrobridge.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.jira.JiraPoller;
import io.retrobridge.servicenow.ServiceNowPoller;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.testsupport.SandboxPair;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running connector (real HTTP port, webhooks subscribed on both simulators) that the end-to-end sync tests
 * share: one Spring context and one {@link SandboxPair} for all of them. Polling and draining are off in tests,
 * so each test polls and works the inbox down itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class LiveSyncSupport {

    static final SandboxPair systems = SandboxPair.shared();

    /** The simulators live on for the next class; what this class sent Jira is checked against the spec. */
    @org.junit.jupiter.api.AfterAll
    static void everyJiraRequestMatchesTheSpec() {
        io.retrobridge.testsupport.JiraOpenApiValidator.assertEveryRequestValid(systems.jira.requests());
    }

    @DynamicPropertySource
    static void systems(DynamicPropertyRegistry registry) {
        systems.register(registry);
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

    @Autowired
    LinkStore links;

    @Autowired
    DeadLetterStore deadLetters;

    @BeforeEach
    void connectorListening() {
        // Start from a linked world: what exists already is synced once by polling, then webhooks tell us.
        systems.subscribeOnce(URI.create("http://127.0.0.1:" + port), () -> {
            serviceNowPoller.poll();
            jiraPoller.poll();
            drainAll();
        });
    }

    Writes settle() {
        return settler().settle();
    }

    Writes pollAndSettle() {
        return settler().pollAndSettle();
    }

    void drainAll() {
        settler().drainAll();
    }

    private InboxSettler settler() {
        return new InboxSettler(systems, worker, inbox, jiraPoller, serviceNowPoller);
    }

    String sysUserId(String userName) {
        return systems.servicenow.records("sys_user").stream().filter(u -> userName.equals(u.get("user_name")))
                .findFirst().orElseThrow().get("sys_id");
    }

    String jiraKeyTitled(String summary) {
        JsonNode page = SandboxPair.json(systems.jiraCall("POST", "/rest/api/3/search/jql",
                "{\"jql\":\"project = PAY\",\"fields\":[\"summary\"],\"maxResults\":1000}"));
        for (JsonNode issue : page.path("issues")) {
            if (issue.path("fields").path("summary").asText().equals(summary)) {
                return issue.get("key").asText();
            }
        }
        throw new AssertionError("no issue titled " + summary);
    }

    String jiraIdOf(String key) {
        return systems.jiraIssue(key).get("id").asText();
    }

    static void report(String fault, long injected, long recovered, long deadLettered, long duplicates, long lost) {
        io.retrobridge.testsupport.FaultReport.line(fault, injected, recovered, deadLettered, duplicates, lost);
    }
}
