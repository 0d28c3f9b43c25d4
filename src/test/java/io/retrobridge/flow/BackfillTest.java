package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.jira.JiraPoller;
import io.retrobridge.servicenow.ServiceNowPoller;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.SandboxPair;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A backfill after the store was lost (a new database, a restored backup): everything in scope is linked
 * again, pairs made earlier are found by their correlation ids, and nothing is created twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackfillTest {

    static final SandboxPair systems = new SandboxPair();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
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
    io.retrobridge.servicenow.ChangeRequestPoller changeRequestPoller;

    @Autowired
    InboxWorker worker;

    @Autowired
    LinkStore links;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBackfillAfterTheStoreWasLostRelinksEveryPairWithoutCreatingAny() {
        serviceNowPoller.poll();
        jiraPoller.poll();
        changeRequestPoller.poll();
        while (worker.drain() > 0) {
            // first sync: every demo item gets its copy, the demo's change request its Jira mirror
        }
        long linked = links.count();
        int jiraIssues = systems.jira.issueKeys().size();
        int tasks = systems.servicenow.records(SandboxPair.TASKS).size();
        assertThat(linked).as("six action items and one change record").isEqualTo(7);
        forgetEverything();

        JsonNode started = SandboxPair.json(AdminApi.post(port, "/api/admin/sync/backfill"));
        assertThat(started.path("state").asText()).isEqualTo("running");
        await().atMost(Duration.ofSeconds(60)).until(() -> SandboxPair.json(AdminApi.get(port, "/api/admin/sync/status"))
                .path("backfill").path("state").asText().equals("done"));

        JsonNode status = SandboxPair.json(AdminApi.get(port, "/api/admin/sync/status"));
        assertThat(status.path("links").asLong()).isEqualTo(linked);
        assertThat(status.path("pendingEvents").asLong()).isZero();
        assertThat(status.path("backfill").path("processed").asInt()).isGreaterThanOrEqualTo(6);
        JsonNode queued = status.path("backfill").path("queued");
        assertThat(queued.fieldNames()).toIterable().as("every registered change source, ServiceNow read first")
                .containsExactly("servicenow", "jira");
        assertThat(queued.path("jira").asInt()).isPositive()
                .isEqualTo(status.path("backfill").path("queuedFromJira").asInt());
        assertThat(queued.path("servicenow").asInt()).isPositive()
                .isEqualTo(status.path("backfill").path("queuedFromServiceNow").asInt());
        assertThat(systems.jira.issueKeys()).hasSize(jiraIssues);
        assertThat(systems.servicenow.records(SandboxPair.TASKS)).hasSize(tasks);
    }

    /** As if the database had been replaced by an empty one: no links, no watermarks, nothing seen. */
    private void forgetEverything() {
        for (String table : new String[] {"comment_links", "link_snapshots", "link_external_ids", "links", "watermarks",
                "inbound_events"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        assertThat(links.count()).isZero();
    }
}
