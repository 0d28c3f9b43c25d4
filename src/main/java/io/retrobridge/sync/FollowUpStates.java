package io.retrobridge.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What state each follow-up of many retrospectives is in, as the synced links last held it: one read per many
 * retrospectives for reports over the whole portfolio, where reading each follow-up's link whole would cost more
 * than the report may take.
 */
public interface FollowUpStates {

    /**
     * The canonical snapshot fields an item's state is read from, as text; each null when no side held a value.
     */
    record ItemState(String status, String dueDate, String failureMode) {

        /** The state fields of one snapshot's canonical fields. */
        public static ItemState of(Map<String, String> fields) {
            return new ItemState(fields.get("status"), fields.get("due-date"), fields.get("failure-mode"));
        }
    }

    /**
     * Merges the snapshots of one link side by side: the newer side's value wins per field, as the gate reads an item
     * ({@code SnapshotItem}).
     */
    final class NewestFields {

        private final String[] values = new String[3];
        private final Instant[] takenAt = new Instant[3];
        private boolean any;

        public void add(ItemState snapshot, Instant at) {
            offer(0, snapshot.status(), at);
            offer(1, snapshot.dueDate(), at);
            offer(2, snapshot.failureMode(), at);
            any = true;
        }

        private void offer(int field, String value, Instant at) {
            if (value != null && (takenAt[field] == null || !takenAt[field].isAfter(at))) {
                values[field] = value;
                takenAt[field] = at;
            }
        }

        /** Null when no snapshot was added (the link never synced). */
        public ItemState state() {
            return any ? new ItemState(values[0], values[1], values[2]) : null;
        }
    }

    /**
     * One follow-up.
     *
     * @param task        its ServiceNow task's sys_id
     * @param itemKey     the correlation id of the link holding the task; null when no link holds it yet
     * @param state       the item's state as the link's snapshots hold it, the newer side winning per field; null
     *                    when unlinked or never synced
     * @param displayKey  the item as people know it (e.g. its task number), as the escalation scan last recorded it;
     *                    null when it has not
     * @param completedOn the day the item was done, as the escalation scan recorded it; null when not done or unknown
     */
    record FollowUpState(String task, String itemKey, ItemState state, String displayKey, LocalDate completedOn) {
    }

    /**
     * The follow-ups of each retrospective asked for that was refreshed at least once, by task sys_id (an empty list
     * when it has none); a retrospective never refreshed is left out, as in {@link RetrospectiveFollowUps}.
     */
    Map<UUID, List<FollowUpState>> of(Collection<UUID> retrospectiveIds);
}
