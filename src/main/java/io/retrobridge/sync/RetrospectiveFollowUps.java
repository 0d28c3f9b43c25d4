package io.retrobridge.sync;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which action items belong to which retrospective, kept locally so questions about a retrospective's follow-ups
 * (the deployment gate, readiness) are answered without asking ServiceNow. Each action item is named by its
 * ServiceNow task's sys_id, the id {@code Link.idOn(SERVICENOW)} holds, so the projection joins with the links of
 * synced items and still names tasks no link exists for yet.
 */
public interface RetrospectiveFollowUps {

    /**
     * Makes {@code taskSysIds} the retrospective's follow-ups, as read at {@code at}: tasks no longer under it are
     * dropped, new ones added, and the refresh time is recorded even when the set is empty or unchanged.
     *
     * @return whether the set differs from the one stored before (a first refresh with tasks counts as a change)
     * @throws IllegalArgumentException when no retrospective has this id, or a sys_id is blank; nothing is stored
     */
    boolean replace(UUID retrospectiveId, Set<String> taskSysIds, Instant at);

    /** The retrospective's follow-ups' task sys_ids, sorted; empty when none, or when it was never refreshed. */
    List<String> of(UUID retrospectiveId);

    /**
     * The follow-ups of each retrospective asked for that was refreshed at least once (an empty list when it has
     * none); a retrospective never refreshed is left out, so "no follow-ups" and "not known yet" stay apart.
     */
    Map<UUID, List<String>> ofRetrospectives(Collection<UUID> retrospectiveIds);

    /** When the retrospective's follow-ups were last read; empty when never. */
    Optional<Instant> refreshedAt(UUID retrospectiveId);
}
