package io.retrobridge.flow;

import com.fasterxml.jackson.databind.JsonNode;
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

    /** Polls both sides (what a lost notification relies on), then settles. */
    Writes pollAndSettle() {
        systems.awaitWebhooks();
        long jira = systems.jiraWrites();
        long servicenow = systems.servicenowWrites();
        serviceNowPoller.poll();
        jiraPoller.poll();
        drainAll();
        return new Writes(systems.jiraWrites() - jira, systems.servicenowWrites() - servicenow);
    }

    void drainAll() {
        for (int round = 0; round < 50; round++) {
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
        io.retrobridge.testsupport.FaultSummary.report(fault, injected, recovered, deadLettered, duplicates, lost);
    }
}
