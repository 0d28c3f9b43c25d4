package io.retrobridge.flow.inbox;

import static io.retrobridge.domain.ExternalSystem.JIRA;
import static io.retrobridge.domain.ExternalSystem.SERVICENOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.EventHandler;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.SyncResult;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The worker's dispatch table: one handler per event, refused at start when two would take the same one. */
class EventHandlersTest {

    @Test
    void eachEventFindsTheHandlerThatTakesItsKindAndSource() {
        Named issues = new Named(HandledKind.startingWith("jira:").from(JIRA));
        Named steps = new Named(HandledKind.named("escalation:step"));
        EventHandlers handlers = new EventHandlers(List.of(issues, steps));

        assertThat(handlers.of(event(JIRA, "jira:issue_deleted"))).containsSame(issues);
        assertThat(handlers.of(event(SERVICENOW, "escalation:step"))).containsSame(steps);
        assertThat(handlers.of(event(SERVICENOW, "jira:issue_deleted"))).isEmpty();
        assertThat(handlers.of(event(JIRA, "pipeline:deployment"))).isEmpty();
    }

    @Test
    void twoHandlersForOneKindAreRefusedNamingBoth() {
        Named issues = new Named(HandledKind.startingWith("jira:").from(JIRA));
        Clashing updates = new Clashing(HandledKind.named("jira:issue_updated"));

        assertThatThrownBy(() -> new EventHandlers(List.of(issues, updates))).isInstanceOf(IllegalStateException.class)
                .hasMessage("Two inbox event handlers take the same events: Named takes kinds starting with jira: from"
                        + " source JIRA and Clashing takes kind jira:issue_updated from any source. Each event must have"
                        + " one handler: narrow the kinds one of them takes (the narrower of two takes what both"
                        + " would).");
    }

    @Test
    void theNarrowerOfTwoOverlappingKindsTakesWhatBothWould() {
        Named anyTable = new Named(HandledKind.startingWith("servicenow:").from(SERVICENOW));
        Clashing changes = new Clashing(HandledKind.startingWith("servicenow:change_request:").from(SERVICENOW));
        Named pollOfChanges = new Named(HandledKind.named("servicenow:change_request:poll").from(SERVICENOW));
        EventHandlers handlers = new EventHandlers(List.of(anyTable, changes, pollOfChanges));

        assertThat(handlers.of(event(SERVICENOW, "servicenow:change_request:update"))).containsSame(changes);
        assertThat(handlers.of(event(SERVICENOW, "servicenow:change_request:poll"))).containsSame(pollOfChanges);
        assertThat(handlers.of(event(SERVICENOW, "servicenow:problem_task:update"))).containsSame(anyTable);
        assertThat(handlers.of(event(SERVICENOW, "servicenow:poll"))).containsSame(anyTable);
    }

    @Test
    void oneSourceIsNarrowerThanAnySourceForTheSameKind() {
        Named anySource = new Named(HandledKind.named("deployment"));
        Clashing fromJira = new Clashing(HandledKind.named("deployment").from(JIRA));
        EventHandlers handlers = new EventHandlers(List.of(anySource, fromJira));

        assertThat(handlers.of(event(JIRA, "deployment"))).containsSame(fromJira);
        assertThat(handlers.of(event(SERVICENOW, "deployment"))).containsSame(anySource);
    }

    @Test
    void theSameKindFromDifferentSourcesMayGoToDifferentHandlers() {
        Named jira = new Named(HandledKind.named("comment_created").from(JIRA));
        Clashing serviceNow = new Clashing(HandledKind.named("comment_created").from(SERVICENOW));
        EventHandlers handlers = new EventHandlers(List.of(jira, serviceNow));

        assertThat(handlers.of(event(SERVICENOW, "comment_created"))).containsSame(serviceNow);
    }

    @Test
    void aHandlerThatTakesNothingIsRefused() {
        assertThatThrownBy(() -> new EventHandlers(List.of(new Named()))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The inbox event handler Named takes no event kinds");
    }

    @Test
    void theParkingReasonNamesKindAndSource() {
        assertThat(EventHandlers.noHandlerFor(event(SERVICENOW, "pipeline:deployment")))
                .startsWith("no handler for kind pipeline:deployment from source SERVICENOW");
    }

    private static InboundEvent event(ExternalSystem source, String kind) {
        return InboundEvent.received(source, kind, "10001", kind + ":10001:1", Instant.parse("2026-12-01T10:00:00Z"), "{}");
    }

    private static class Named implements EventHandler {

        private final Set<HandledKind> kinds;

        Named(HandledKind... kinds) {
            this.kinds = Set.of(kinds);
        }

        @Override
        public Set<HandledKind> takes() {
            return kinds;
        }

        @Override
        public SyncResult handle(InboundEvent event) {
            return SyncResult.applied("handled by " + getClass().getSimpleName());
        }

        @Override
        public Recording recording() {
            return Recording.WITH_THE_OUTCOME;
        }
    }

    private static final class Clashing extends Named {

        Clashing(HandledKind... kinds) {
            super(kinds);
        }
    }
}
