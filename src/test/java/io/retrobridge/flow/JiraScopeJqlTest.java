package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.flow.items.ActionItemSync;
import io.retrobridge.sync.InboxOutcome;
import io.retrobridge.sync.SyncResult;
import io.retrobridge.testsupport.SandboxPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The mapping's extra JQL narrows what a webhook may bring in, not only what the poller asks for. */
@SpringBootTest
@ActiveProfiles("test")
class JiraScopeJqlTest {

    static final SandboxPair systems = new SandboxPair();
    static final Path mappings = narrowedMappings();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        systems.register(registry);
        registry.add("retrobridge.mappings-dir", mappings::toString);
    }

    @AfterAll
    static void stop() {
        systems.close();
    }

    @Autowired
    ActionItemSync sync;

    @Test
    void anIssueOutsideTheScopeJqlIsNotMirroredEvenWhenAWebhookNamesIt() {
        String inScope = systems.createJiraItem("Rotate the gateway keys");
        String outOfScope = systems.createJiraItem("Draft item nobody started");
        systems.transitionJira(inScope, "In Progress");

        SyncResult started = sync.sync(new ExternalRef(ExternalSystem.JIRA, idOf(inScope)));
        SyncResult notStarted = sync.sync(new ExternalRef(ExternalSystem.JIRA, idOf(outOfScope)));

        assertThat(started.outcome()).isEqualTo(InboxOutcome.APPLIED);
        assertThat(notStarted.outcome()).isEqualTo(InboxOutcome.SKIPPED);
        assertThat(notStarted.reason()).contains("scope");
        assertThat(systems.tasksTitled("Rotate the gateway keys")).isEqualTo(1);
        assertThat(systems.tasksTitled("Draft item nobody started")).isZero();
    }

    private static String idOf(String key) {
        return systems.jiraIssue(key).path("id").asText();
    }

    private static Path narrowedMappings() {
        try {
            Path dir = Files.createTempDirectory("mappings-scope-jql");
            String shipped = Files.readString(Path.of("mappings/action-items.yaml"));
            String narrowed = shipped.replace("    jql: \"\"", "    jql: 'status = \"In Progress\"'");
            assertThat(narrowed).isNotEqualTo(shipped);
            Files.writeString(dir.resolve("action-items.yaml"), narrowed);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
