package io.retrobridge.sync;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Snapshot;
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

    /** The snapshot fields a follow-up's state is read from. */
    List<String> FIELDS = List.of("status", "due-date", "failure-mode");

    /**
     * One follow-up.
     *
     * @param task        its ServiceNow task's sys_id
     * @param itemKey     the correlation id of the link holding the task; null when no link holds it yet
     * @param snapshots   the link's snapshots narrowed to {@link #FIELDS}, per side; empty when unlinked or never
     *                    synced
     * @param displayKey  the item as people know it (e.g. its task number), as the escalation scan last recorded it;
     *                    null when it has not
     * @param completedOn the day the item was done, as the escalation scan recorded it; null when not done or unknown
     */
    record FollowUpState(String task, String itemKey, Map<ExternalSystem, Snapshot> snapshots, String displayKey,
                         LocalDate completedOn) {

        public FollowUpState {
            snapshots = Map.copyOf(snapshots);
        }
    }

    /**
     * The follow-ups of each retrospective asked for that was refreshed at least once, by task sys_id (an empty list
     * when it has none); a retrospective never refreshed is left out, as in {@link RetrospectiveFollowUps}.
     */
    Map<UUID, List<FollowUpState>> of(Collection<UUID> retrospectiveIds);
}
