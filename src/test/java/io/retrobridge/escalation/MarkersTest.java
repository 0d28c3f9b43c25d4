package io.retrobridge.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.escalation.StateMarkers;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkersTest {

    private final Markers markers = new Markers(TestPolicy.defaults().build());

    @Test
    void theJiraLabelIsThePrefixAndTheBoardId() {
        assertThat(markers.jiraLabel("cab")).isEqualTo("escalated:cab");
    }

    @Test
    void jiraLabelsSwapTheOldBoardForTheNewAndKeepEverythingElse() {
        Set<String> labels = Set.of("retro-action", "escalated:cab", "retro:PRB1");

        assertThat(markers.jiraLabelsWanted(labels, Optional.of("architecture-review-board")))
                .containsExactly("escalated:architecture-review-board", "retro-action", "retro:PRB1");
        assertThat(markers.jiraLabelsWanted(labels, Optional.empty())).containsExactly("retro-action", "retro:PRB1");
        assertThat(markers.jiraShows(labels, Optional.of("cab"))).isTrue();
        assertThat(markers.jiraShows(labels, Optional.of("architecture-review-board"))).isFalse();
        assertThat(markers.jiraShows(labels, Optional.empty())).isFalse();
        assertThat(markers.jiraShows(List.of("retro-action"), Optional.empty())).isTrue();
        assertThat(markers.jiraShows(List.of("escalated:cab", "escalated:release-advisory-board"), Optional.of("cab")))
                .as("a stale second marker must go").isFalse();
    }

    @Test
    void theServiceNowFieldNamesTheBoardAndStep() {
        BoardHold cab = new BoardHold("cab", "cab");

        assertThat(markers.serviceNowField()).isEqualTo("u_escalation");
        assertThat(markers.serviceNowValue(cab)).isEqualTo("Change Advisory Board — cab");
        assertThat(markers.serviceNowShows("Change Advisory Board — cab", Optional.of(cab))).isTrue();
        assertThat(markers.serviceNowShows("Release Advisory Board — rab", Optional.of(cab))).isFalse();
        assertThat(markers.serviceNowShows("", Optional.empty())).isTrue();
        assertThat(markers.serviceNowShows(null, Optional.empty())).isTrue();
        assertThat(markers.serviceNowShows("Change Advisory Board — cab", Optional.empty())).isFalse();
        assertThat(markers.serviceNowValueWanted(Optional.empty())).isEmpty();
    }

    @Test
    void aSideWithoutAMarkerSettingNeverNeedsAWrite() {
        EscalationPolicy base = TestPolicy.defaults().build();
        Markers off = new Markers(new EscalationPolicy(base.calendar(), base.boards(), base.ladders(), base.systemic(),
                base.grouping(), base.context(), new StateMarkers(null, " ")));

        assertThat(off.onJira()).isFalse();
        assertThat(off.onServiceNow()).isFalse();
        assertThat(off.jiraShows(Set.of("escalated:cab"), Optional.empty())).isTrue();
        assertThat(off.serviceNowShows("anything", Optional.empty())).isTrue();
    }
}
