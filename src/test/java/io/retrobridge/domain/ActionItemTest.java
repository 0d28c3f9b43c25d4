package io.retrobridge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Canonical records refuse what no system could hold and tell why. */
class ActionItemTest {

    private static ActionItem item(String title, String assignee, Set<String> labels, String failureMode) {
        return new ActionItem(title, null, ActionStatus.OPEN, Priority.MEDIUM, assignee, null, labels, null, failureMode, null);
    }

    @Test
    void missingPartsBecomeEmptyNotNull() {
        ActionItem item = item("Add a canary stage", null, null, " ");
        assertThat(item.description()).isEmpty();
        assertThat(item.labels()).isEmpty();
        assertThat(item.components()).isEmpty();
        assertThat(item.failureMode()).isNull();
    }

    @Test
    void labelsAreSortedAndCannotBeChangedAfterwards() {
        Set<String> labels = new HashSet<>(Set.of("b", "a"));
        ActionItem item = item("t", null, labels, null);
        labels.add("c");
        assertThat(item.labels()).containsExactly("a", "b");
        assertThatThrownBy(() -> item.labels().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesWhatNoSystemCouldHold() {
        assertThatThrownBy(() -> item(" ", null, null, null)).hasMessage("An action item needs a title");
        assertThatThrownBy(() -> item("t", "beth", null, null)).hasMessage("Assignee 'beth' is not an e-mail address");
        assertThatThrownBy(() -> item("t", null, Set.of("two words"), null))
                .hasMessage("Label 'two words' contains whitespace; labels are single words");
        assertThatThrownBy(() -> item("t", null, null, "config drift"))
                .hasMessageStartingWith("Failure mode 'config drift' contains whitespace");
    }

    @Test
    void releasePhasesAreLowerCaseWordsJoinedByHyphens() {
        assertThat(new ReleasePhase("pre-deployment-testing").value()).isEqualTo("pre-deployment-testing");
        assertThatThrownBy(() -> new ReleasePhase("Cut Over")).hasMessageContaining("lower-case words joined by hyphens");
        assertThatThrownBy(() -> new Classification(Scope.TRAINING, ActionKind.PREVENTIVE, "post release", "r"))
                .hasMessageContaining("post release");
        assertThatThrownBy(() -> new Classification(Scope.TRAINING, ActionKind.PREVENTIVE, "post-release", " "))
                .hasMessageContaining("ruleId");
    }

    @Test
    void closedStatuses() {
        assertThat(ActionStatus.DONE.isClosed()).isTrue();
        assertThat(ActionStatus.CANCELLED.isClosed()).isTrue();
        assertThat(ActionStatus.IN_PROGRESS.isClosed()).isFalse();
    }
}
