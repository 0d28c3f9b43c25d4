package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.jira.JiraPoller;
import io.retrobridge.servicenow.ServiceNowPoller;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.testsupport.FaultyProxy;
import io.retrobridge.testsupport.SandboxPair;
import io.retrobridge.testsupport.WebhookRelay;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The connector with a WireMock proxy in front of each simulator (so faults can be put on the wire while the
 * simulators keep the real state) and a relay in front of its webhook endpoints (so deliveries can be held and
 * handed on out of order). One Spring context and one simulator pair for every class of the fault suite; each
 * test names its own items and counts writes as differences. Read timeouts are short, so a slow answer is a
 * timeout within a second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability
abstract class FaultSuiteSupport {

    static final Duration READ_TIMEOUT = Duration.ofMillis(800);

    static final SandboxPair systems = Shared.PAIR;
    static final FaultyProxy jiraProxy = Shared.JIRA_PROXY;
    static final FaultyProxy servicenowProxy = Shared.SERVICENOW_PROXY;
    static final WebhookRelay relay = Shared.RELAY;

    /** Started once for every class of the suite, stopped when the JVM ends. */
    private static final class Shared {
        static final SandboxPair PAIR = new SandboxPair();
        static final FaultyProxy JIRA_PROXY = FaultyProxy.inFrontOf(PAIR.jira.baseUrl());
        static final FaultyProxy SERVICENOW_PROXY = FaultyProxy.inFrontOf(PAIR.servicenow.baseUrl());
        static final WebhookRelay RELAY = WebhookRelay.start();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                JIRA_PROXY.close();
                SERVICENOW_PROXY.close();
                RELAY.close();
            }));
        }
    }

    @DynamicPropertySource
    static void systems(DynamicPropertyRegistry registry) {
        systems.register(registry);
        // The connector talks to the proxies, never to the simulators directly.
        registry.add("retrobridge.jira.base-url", () -> jiraProxy.baseUrl().toString());
        registry.add("retrobridge.servicenow.base-url", () -> servicenowProxy.baseUrl().toString());
        registry.add("retrobridge.jira.read-timeout", () -> READ_TIMEOUT.toMillis() + "ms");
        registry.add("retrobridge.servicenow.read-timeout", () -> READ_TIMEOUT.toMillis() + "ms");
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
    LinkStore links;

    @Autowired
    DeadLetterStore deadLetters;

    @BeforeEach
    void connectorListening() {
        relay.forwardTo(URI.create("http://127.0.0.1:" + port));
        systems.subscribeOnce(relay.baseUrl(), () -> {
            serviceNowPoller.poll();
            jiraPoller.poll();
            drainAll();
        });
        jiraProxy.reset();
        servicenowProxy.reset();
    }

    @AfterEach
    void noFaultLeftBehind() {
        jiraProxy.reset();
        servicenowProxy.reset();
        systems.jira.faults().clear();
        systems.servicenow.faults().clear();
        relay.release().forEach(relay::forward);
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

    /** An action item created in Jira and already mirrored to ServiceNow. */
    record Item(String title, String key, String issueId, String sysId) {
    }

    Item linkedItem(String title) {
        String key = systems.createJiraItem(title);
        settle();
        String sysId = systems.taskTitled(title).get("sys_id");
        return new Item(title, key, systems.jiraIssue(key).get("id").asText(), sysId);
    }

    /** Dead letters parked since {@code before} (the store lists newest first). */
    List<DeadLetter> parkedSince(long before) {
        long added = deadLetters.count() - before;
        return added <= 0 ? List.of() : deadLetters.list(0, (int) added);
    }

    /** Records titled {@code title} on both sides beyond one each. */
    static long duplicatesOf(String title) {
        return Math.max(0, systems.jiraIssuesTitled(title) - 1) + Math.max(0, systems.tasksTitled(title) - 1);
    }

    /** Sides on which the record titled {@code title} is missing. */
    static long lostOf(String title) {
        return (systems.jiraIssuesTitled(title) == 0 ? 1 : 0) + (systems.tasksTitled(title) == 0 ? 1 : 0);
    }

    static void assertNothingDuplicatedOrLost(long duplicates, long lost) {
        assertThat(duplicates).as("duplicates").isZero();
        assertThat(lost).as("lost").isZero();
    }
}
