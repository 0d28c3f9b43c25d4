package io.retrobridge.sync;

import static io.retrobridge.domain.ExternalSystem.JIRA;
import static io.retrobridge.domain.ExternalSystem.SERVICENOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which events a handler's declared kinds take, and when two declarations would take the same event. */
class HandledKindTest {

    @Test
    void aNamedKindTakesThatKindOnlyFromItsSource() {
        HandledKind updates = HandledKind.named("jira:issue_updated").from(JIRA);

        assertThat(updates.takes(event(JIRA, "jira:issue_updated"))).isTrue();
        assertThat(updates.takes(event(JIRA, "jira:issue_updated_later"))).isFalse();
        assertThat(updates.takes(event(SERVICENOW, "jira:issue_updated"))).as("another source").isFalse();
        assertThat(HandledKind.named("escalation:step").takes(event(SERVICENOW, "escalation:step")))
                .as("no source named: any").isTrue();
    }

    @Test
    void aPrefixTakesEveryKindStartingWithIt() {
        HandledKind serviceNow = HandledKind.startingWith("servicenow:").from(SERVICENOW);

        assertThat(serviceNow.takes(event(SERVICENOW, "servicenow:problem_task:delete"))).isTrue();
        assertThat(serviceNow.takes(event(SERVICENOW, "servicenow:poll"))).isTrue();
        assertThat(serviceNow.takes(event(SERVICENOW, "escalation:step"))).isFalse();
    }

    @Test
    void declarationsOverlapWhenSomeEventWouldBeTakenByBoth() {
        HandledKind jiraKinds = HandledKind.startingWith("jira:").from(JIRA);

        assertThat(jiraKinds.overlaps(HandledKind.named("jira:issue_updated"))).isTrue();
        assertThat(HandledKind.named("jira:issue_updated").overlaps(jiraKinds)).isTrue();
        assertThat(jiraKinds.overlaps(HandledKind.startingWith("jira:issue_"))).isTrue();
        assertThat(HandledKind.named("escalation:step").overlaps(HandledKind.named("escalation:step").from(JIRA)))
                .isTrue();

        assertThat(jiraKinds.overlaps(HandledKind.named("jira:issue_updated").from(SERVICENOW)))
                .as("other source").isFalse();
        assertThat(jiraKinds.overlaps(HandledKind.startingWith("servicenow:"))).isFalse();
        assertThat(HandledKind.named("comment_created").overlaps(HandledKind.named("comment_updated"))).isFalse();
    }

    @Test
    void aBlankKindIsRefused() {
        assertThatThrownBy(() -> HandledKind.named(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the kind a handler takes is required but was blank");
    }

    @Test
    void itSaysWhatItTakesInWords() {
        assertThat(HandledKind.startingWith("jira:").from(JIRA)).hasToString("kinds starting with jira: from source JIRA");
        assertThat(HandledKind.named("escalation:step")).hasToString("kind escalation:step from any source");
    }

    private static InboundEvent event(ExternalSystem source, String kind) {
        return InboundEvent.received(source, kind, "10001", kind + ":10001:1", Instant.parse("2026-12-01T10:00:00Z"), "{}");
    }
}
