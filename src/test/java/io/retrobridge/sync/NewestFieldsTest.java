package io.retrobridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.sync.FollowUpStates.ItemState;
import io.retrobridge.sync.FollowUpStates.NewestFields;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NewestFieldsTest {

    private static final Instant EARLIER = Instant.parse("2026-11-01T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    void theNewerSidesValueWinsFieldByFieldWhicheverSideIsReadFirst() {
        NewestFields newerFirst = new NewestFields();
        newerFirst.add(new ItemState("DONE", null, "config-drift"), LATER);
        newerFirst.add(new ItemState("OPEN", "2026-12-01", "capacity"), EARLIER);
        NewestFields olderFirst = new NewestFields();
        olderFirst.add(new ItemState("OPEN", "2026-12-01", "capacity"), EARLIER);
        olderFirst.add(new ItemState("DONE", null, "config-drift"), LATER);

        // The due date only the older side held survives: an empty value on the newer side never hides it.
        ItemState expected = new ItemState("DONE", "2026-12-01", "config-drift");
        assertThat(newerFirst.state()).isEqualTo(expected);
        assertThat(olderFirst.state()).isEqualTo(expected);
    }

    @Test
    void aLinkWithoutSnapshotsHasNoStateWhileOneWithEmptySnapshotsHasAnEmptyOne() {
        NewestFields emptySnapshot = new NewestFields();
        emptySnapshot.add(new ItemState(null, null, null), EARLIER);

        assertThat(new NewestFields().state()).isNull();
        assertThat(emptySnapshot.state()).isEqualTo(new ItemState(null, null, null));
    }
}
