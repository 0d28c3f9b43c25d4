package io.retrobridge.flow.inbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.RetroBridgeApplication;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.EventHandler;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.SyncResult;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A second handler for a kind the action-item sync takes already stops start-up, naming both handlers. */
class EventHandlerClashStartupTest {

    @Test
    void twoHandlersForOneKindStopStartUpNamingBoth() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RetroBridgeApplication.class, SecondIssueHandler.class)
                .profiles("test").run("--server.port=0").close())
                .rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Two inbox event handlers take the same events: ")
                .hasMessageContaining("ActionItemHandler takes kinds starting with jira: from source JIRA")
                .hasMessageContaining("SecondIssueHandler takes kind jira:issue_updated from any source")
                .hasMessageEndingWith("Each event must have one handler: narrow the kinds one of them takes (the narrower of two takes what both would).");
    }

    /** Would take Jira issue updates too: which of the two runs must not be left to bean order. */
    static class SecondIssueHandler implements EventHandler {

        @Override
        public Set<HandledKind> takes() {
            return Set.of(HandledKind.named("jira:issue_updated"));
        }

        @Override
        public SyncResult handle(InboundEvent event) {
            return SyncResult.skipped("never runs");
        }

        @Override
        public Recording recording() {
            return Recording.WITH_THE_OUTCOME;
        }
    }
}
