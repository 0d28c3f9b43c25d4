package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.flow.items.ActionItemSync;
import io.retrobridge.servicenow.ServiceNowPoller;
import io.retrobridge.testsupport.SandboxPair;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * People the mapping does not list are found by e-mail on the other side (Jira user search, ServiceNow
 * sys_user); someone who does not exist there leaves the assignee as it is, the shipped default.
 */
@SpringBootTest
@ActiveProfiles("test")
class AssigneeLookupTest {

    static final SandboxPair systems = new SandboxPair();
    static final String ONLY_IN_SERVICENOW;

    static {
        systems.jira.seed().user("557058:mia-krystof", "Mia Krystof", "mia.krystof@example.com");
        systems.servicenow.seed().user("mia.krystof", "Mia Krystof", "mia.krystof@example.com");
        ONLY_IN_SERVICENOW = systems.servicenow.seed().user("only.here", "Only Here", "only.here@example.com").sysId();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        systems.register(registry);
    }

    @AfterAll
    static void stop() {
        systems.close();
    }

    @Autowired
    ServiceNowPoller serviceNowPoller;

    @Autowired
    InboxWorker worker;

    @Autowired
    ActionItemSync sync;

    @Test
    void anUnlistedPersonIsAssignedOnJiraByAccountIdAndAnUnknownOneLeavesTheAssigneeAlone() {
        String sysId = systems.servicenow.seed().problemTask(Map.of("short_description",
                "Document the gateway failover", "problem_task_type", "general", "assigned_to", "mia.krystof")).sysId();
        serviceNowPoller.poll();
        while (worker.drain() > 0) {
            // create the Jira copy
        }
        String key = systems.jiraKeyTitled("Document the gateway failover");
        assertThat(systems.jiraIssue(key).at("/fields/assignee/accountId").asText()).isEqualTo("557058:mia-krystof");

        systems.patchTask(sysId, "{\"assigned_to\":\"" + ONLY_IN_SERVICENOW + "\"}");
        sync.sync(new ExternalRef(ExternalSystem.SERVICENOW, sysId));

        assertThat(systems.jiraIssue(key).at("/fields/assignee/accountId").asText())
                .as("nobody in Jira has only.here@example.com: left as it was").isEqualTo("557058:mia-krystof");
    }
}
