package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.jira.JiraPoller;
import io.retrobridge.servicenow.ServiceNowPoller;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.testsupport.SandboxPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A correlation marker counts only on a record the connector's account created. A person who puts one on their
 * own Jira issue (a label) or ServiceNow task (correlation_id) does not make the connector take that record for
 * a copy of its own and skip it: it is synced like any other action item.
 */
@SpringBootTest
@ActiveProfiles("test")
class TypedCorrelationMarkerTest {

    static final SandboxPair systems = new SandboxPair();

    @DynamicPropertySource
    static void systems(DynamicPropertyRegistry registry) {
        systems.register(registry);
    }

    @AfterAll
    static void stop() {
        systems.close();
    }

    @Autowired
    JiraPoller jiraPoller;
    @Autowired
    ServiceNowPoller serviceNowPoller;
    @Autowired
    InboxWorker worker;
    @Autowired
    LinkStore links;

    @Test
    void markersTypedByPeopleDoNotStopTheirItemsFromBeingSynced() {
        JsonNode issue = SandboxPair.json(systems.jiraCall("POST", "/rest/api/3/issue", "{\"fields\":{\"project\":"
                + "{\"key\":\"PAY\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"Labelled like a copy by hand\","
                + "\"labels\":[\"retro-action\",\"rb-0123456789ab\"]}}"));
        String sysId = systems.createTask("Correlated like a copy by hand");
        systems.patchTask(sysId, "{\"correlation_id\":\"rb-ba9876543210\"}");

        syncEverything();

        assertThat(links.findByExternal(new ExternalRef(ExternalSystem.JIRA, issue.get("id").asText())))
                .as("the person's issue is an action item like any other").isPresent();
        assertThat(systems.tasksTitled("Labelled like a copy by hand")).isEqualTo(1);
        assertThat(links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, sysId))).isPresent();
        assertThat(systems.jiraIssuesTitled("Correlated like a copy by hand")).isEqualTo(1);
    }

    private void syncEverything() {
        for (int round = 0; round < 2; round++) {
            serviceNowPoller.poll();
            jiraPoller.poll();
            while (worker.drain() > 0) {
                // until the inbox is empty
            }
        }
    }
}
