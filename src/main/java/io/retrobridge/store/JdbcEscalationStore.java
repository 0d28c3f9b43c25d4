package io.retrobridge.store;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationState;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.GroupTicket;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalations and escalation_group_tickets tables. A claim is an insert: the unique key on
 * (item_key, ladder_id, step_id), or the group key, lets exactly one of any number of concurrent or repeated
 * scans have it. Every state change names the state it leaves, so a change from a state the record is no
 * longer in changes nothing and is refused.
 */
@Repository
public class JdbcEscalationStore implements EscalationStore {

    private static final String COLUMNS = "id, item_key, ladder_id, step_id, board_id, kind, ticket_system, ticket_id,"
            + " ticket_key, group_key, marker, state, days_overdue, claimed_at, raised_at, resolved_at, note, claim_term";
    private static final String SELECT_RECORD = "SELECT " + COLUMNS + " FROM escalations";
    /** Retrospectives named in one statement; the join's cost hardly depends on how many. */
    private static final int RETROSPECTIVES_PER_READ = 5_000;
    /** The kinds {@link EscalationRecord#kind()} may have, as the table's check constraint allows them. */
    static final Set<String> KINDS = Set.of("remind", "ticket", "reassign", "systemic", "group");

    private static final String GROUP_COLUMNS = "group_key, board_id, cycle, ticket_system, ticket_id, ticket_key,"
            + " marker, item_keys, resolved, updated_at";

    private final JdbcClient jdbc;
    private final RowMapper<EscalationRecord> recordMapper = (row, rowNumber) -> readRecord(row);
    private final RowMapper<GroupTicket> groupMapper = (row, rowNumber) -> readGroup(row);

    public JdbcEscalationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Each claim commits on its own: it must be visible to every other scan at once, and a lost race (unique key)
    // must not spoil a transaction of the caller's.
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public boolean claim(EscalationRecord claim) {
        requireClaimable(claim);
        try {
            jdbc.sql("INSERT INTO escalations (" + COLUMNS + ") VALUES (:id, :itemKey, :ladderId, :stepId, :boardId,"
                            + " :kind, :ticketSystem, :ticketId, :ticketKey, :groupKey, :marker, 'CLAIMED', :daysOverdue,"
                            + " :claimedAt, NULL, NULL, :note, :claimTerm)")
                    .param("id", claim.id())
                    .param("itemKey", claim.itemKey())
                    .param("ladderId", claim.ladderId())
                    .param("stepId", claim.stepId())
                    .param("boardId", claim.boardId())
                    .param("kind", claim.kind())
                    .param("ticketSystem", systemColumn(claim.ticketSystem()))
                    .param("ticketId", claim.ticketId())
                    .param("ticketKey", claim.ticketKey())
                    .param("groupKey", claim.groupKey())
                    .param("marker", claim.marker())
                    .param("daysOverdue", claim.daysOverdue())
                    .param("claimedAt", SqlInstants.toColumn(claim.claimedAt()))
                    .param("note", claim.note())
                    .param("claimTerm", claim.claimTerm(), java.sql.Types.BIGINT)
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            if (stepTaken(claim)) {
                return false;
            }
            throw new IllegalArgumentException("Escalation id " + claim.id() + " is already used by another step;"
                    + " give each claim a fresh id.", e);
        }
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void markRaised(UUID id, String ticketId, String ticketKey, Instant at, String note) {
        Objects.requireNonNull(at, "at");
        int updated = jdbc.sql("""
                        UPDATE escalations
                           SET state = 'RAISED', ticket_id = :ticketId, ticket_key = :ticketKey, raised_at = :at,
                               note = :note
                         WHERE id = :id AND state = 'CLAIMED'
                        """)
                .param("ticketId", ticketId)
                .param("ticketKey", ticketKey)
                .param("at", SqlInstants.toColumn(at))
                .param("note", note)
                .param("id", id)
                .update();
        requireMoved(updated, id, EscalationState.CLAIMED, EscalationState.RAISED);
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void markParked(UUID id, Instant at, String error) {
        move(id, EscalationState.CLAIMED, EscalationState.PARKED, "parked_at", at, error);
    }

    // Of two replays of one dead letter only the first matches "state = PARKED".
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public boolean reclaim(UUID id) {
        return jdbc.sql("UPDATE escalations SET state = 'CLAIMED' WHERE id = :id AND state = 'PARKED'")
                .param("id", id)
                .update() == 1;
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void markResolved(UUID id, Instant at, String note) {
        move(id, EscalationState.RAISED, EscalationState.RESOLVED, "resolved_at", at, note);
    }

    /** One guarded state change; {@code timeColumn} is one of ours, never input. */
    private void move(UUID id, EscalationState from, EscalationState to, String timeColumn, Instant at, String note) {
        Objects.requireNonNull(at, "at");
        int updated = jdbc.sql("UPDATE escalations SET state = :to, " + timeColumn + " = :at, note = :note"
                        + " WHERE id = :id AND state = :from")
                .param("to", to.name())
                .param("at", SqlInstants.toColumn(at))
                .param("note", note)
                .param("id", id)
                .param("from", from.name())
                .update();
        requireMoved(updated, id, from, to);
    }

    @Override
    public List<EscalationRecord> forItem(String itemKey) {
        return jdbc.sql(SELECT_RECORD + " WHERE item_key = :itemKey ORDER BY claimed_at, ladder_id, step_id")
                .param("itemKey", itemKey)
                .query(recordMapper)
                .list();
    }

    @Override
    public Map<String, List<EscalationRecord>> forItems(Collection<String> itemKeys) {
        if (itemKeys.isEmpty()) {
            return Map.of();
        }
        Map<String, List<EscalationRecord>> byItem = new LinkedHashMap<>();
        jdbc.sql(SELECT_RECORD + " WHERE item_key IN (:itemKeys) ORDER BY item_key, claimed_at, ladder_id, step_id")
                .param("itemKeys", List.copyOf(Set.copyOf(itemKeys)))
                .query(recordMapper)
                .list()
                .forEach(record -> byItem.computeIfAbsent(record.itemKey(), unused -> new ArrayList<>()).add(record));
        return byItem;
    }

    @Override
    public Map<String, List<EscalationRecord>> forFollowUpsOf(Collection<UUID> retrospectiveIds) {
        List<UUID> ids = List.copyOf(Set.copyOf(retrospectiveIds));
        Map<String, List<EscalationRecord>> byItem = new LinkedHashMap<>();
        // Joined from the retrospectives, not by a list of item keys: a year of the portfolio has tens of thousands.
        for (int from = 0; from < ids.size(); from += RETROSPECTIVES_PER_READ) {
            jdbc.sql(SELECT_RECORD + " " + """
                             WHERE item_key IN (SELECT l.correlation_id
                                                  FROM retrospective_follow_ups f
                                                  JOIN link_external_ids x ON x.external_system = 'SERVICENOW'
                                                                          AND x.external_id = f.task_sys_id
                                                  JOIN links l ON l.id = x.link_id
                                                 WHERE f.retrospective_id IN (:ids))
                             ORDER BY item_key, claimed_at, ladder_id, step_id""")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + RETROSPECTIVES_PER_READ)))
                    .query(recordMapper)
                    .list()
                    .forEach(record -> byItem.computeIfAbsent(record.itemKey(), unused -> new ArrayList<>())
                            .add(record));
        }
        return byItem;
    }

    @Override
    public List<EscalationRecord> unresolved() {
        return jdbc.sql(SELECT_RECORD + " WHERE state IN ('CLAIMED', 'RAISED') ORDER BY claimed_at, item_key, ladder_id, step_id")
                .query(recordMapper)
                .list();
    }

    @Override
    public List<EscalationRecord> unresolvedOf(Collection<String> itemKeys) {
        if (itemKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT_RECORD + " WHERE state IN ('CLAIMED', 'RAISED') AND item_key IN (:itemKeys)"
                        + " ORDER BY claimed_at, item_key, ladder_id, step_id")
                .param("itemKeys", List.copyOf(Set.copyOf(itemKeys)))
                .query(recordMapper)
                .list();
    }

    @Override
    public List<EscalationRecord> list(Optional<EscalationState> state, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be 0 or more and limit at least 1, but were "
                    + offset + " and " + limit);
        }
        String where = state.isPresent() ? " WHERE state = :state" : "";
        JdbcClient.StatementSpec statement = jdbc.sql(SELECT_RECORD + where
                        + " ORDER BY claimed_at DESC, item_key, ladder_id, step_id OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
                .param("offset", offset)
                .param("limit", limit);
        if (state.isPresent()) {
            statement = statement.param("state", state.get().name());
        }
        return statement.query(recordMapper).list();
    }

    @Override
    public Optional<EscalationRecord> find(UUID id) {
        return jdbc.sql(SELECT_RECORD + " WHERE id = :id").param("id", id).query(recordMapper).optional();
    }

    @Override
    public Optional<GroupTicket> groupTicket(String groupKey) {
        return jdbc.sql("SELECT " + GROUP_COLUMNS + " FROM escalation_group_tickets WHERE group_key = :groupKey")
                .param("groupKey", groupKey)
                .query(groupMapper)
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public boolean claimGroupTicket(GroupTicket claim) {
        Objects.requireNonNull(claim.groupKey(), "groupKey");
        Objects.requireNonNull(claim.updatedAt(), "updatedAt");
        try {
            bindGroup(jdbc.sql("INSERT INTO escalation_group_tickets (" + GROUP_COLUMNS + ") VALUES (:groupKey, :boardId,"
                    + " :cycle, :ticketSystem, :ticketId, :ticketKey, :marker, :itemKeys, :resolved, :updatedAt)"), claim)
                    .update();
            return true;
        } catch (DuplicateKeyException claimedByAnotherScan) {
            return false;
        }
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void updateGroupTicket(GroupTicket ticket) {
        Objects.requireNonNull(ticket.updatedAt(), "updatedAt");
        int updated = bindGroup(jdbc.sql("""
                        UPDATE escalation_group_tickets
                           SET board_id = :boardId, cycle = :cycle, ticket_system = :ticketSystem, ticket_id = :ticketId,
                               ticket_key = :ticketKey, marker = :marker, item_keys = :itemKeys, resolved = :resolved,
                               updated_at = :updatedAt
                         WHERE group_key = :groupKey
                        """), ticket)
                .update();
        if (updated == 0) {
            throw new NoSuchElementException("There is no group ticket " + ticket.groupKey()
                    + " to update; claim it first with claimGroupTicket.");
        }
    }

    private static JdbcClient.StatementSpec bindGroup(JdbcClient.StatementSpec statement, GroupTicket ticket) {
        return statement
                .param("groupKey", ticket.groupKey())
                .param("boardId", ticket.boardId())
                .param("cycle", ticket.cycle())
                .param("ticketSystem", systemColumn(ticket.ticketSystem()))
                .param("ticketId", ticket.ticketId())
                .param("ticketKey", ticket.ticketKey())
                .param("marker", ticket.marker())
                .param("itemKeys", JsonColumns.fromStrings(ticket.itemKeys()))
                .param("resolved", ticket.resolved())
                .param("updatedAt", SqlInstants.toColumn(ticket.updatedAt()));
    }

    private static void requireClaimable(EscalationRecord claim) {
        if (claim.state() != EscalationState.CLAIMED) {
            throw new IllegalArgumentException("A step is claimed in state CLAIMED, but the claim of " + claim.itemKey()
                    + " " + claim.ladderId() + "/" + claim.stepId() + " is " + claim.state()
                    + "; claim it first, then markRaised or markParked.");
        }
        if (!KINDS.contains(claim.kind())) {
            throw new IllegalArgumentException("The claim of " + claim.itemKey() + " " + claim.ladderId() + "/"
                    + claim.stepId() + " has kind '" + claim.kind() + "'; use one of remind, ticket, reassign, systemic, group.");
        }
        if (claim.daysOverdue() < 0) {
            throw new IllegalArgumentException("The claim of " + claim.itemKey() + " " + claim.ladderId() + "/"
                    + claim.stepId() + " has " + claim.daysOverdue() + " days overdue; a step is reached at 0 or more.");
        }
        Objects.requireNonNull(claim.id(), "id");
        Objects.requireNonNull(claim.itemKey(), "itemKey");
        Objects.requireNonNull(claim.ladderId(), "ladderId");
        Objects.requireNonNull(claim.stepId(), "stepId");
        Objects.requireNonNull(claim.claimedAt(), "claimedAt");
    }

    private boolean stepTaken(EscalationRecord claim) {
        return jdbc.sql("SELECT COUNT(*) FROM escalations WHERE item_key = :itemKey AND ladder_id = :ladderId"
                        + " AND step_id = :stepId")
                .param("itemKey", claim.itemKey())
                .param("ladderId", claim.ladderId())
                .param("stepId", claim.stepId())
                .query(Long.class)
                .single() > 0;
    }

    private void requireMoved(int updated, UUID id, EscalationState from, EscalationState to) {
        if (updated == 1) {
            return;
        }
        EscalationRecord current = find(id).orElseThrow(() -> new NoSuchElementException(
                "There is no escalation " + id + " to mark " + to + "."));
        throw new IllegalStateException("Escalation " + id + " (" + current.itemKey() + " " + current.ladderId() + "/"
                + current.stepId() + ") is " + current.state() + ", not " + from + "; only a " + from
                + " escalation can become " + to + ".");
    }

    private static String systemColumn(ExternalSystem system) {
        return system == null ? null : system.name();
    }

    private static ExternalSystem system(ResultSet row, String column) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : ExternalSystem.valueOf(value);
    }

    private static EscalationRecord readRecord(ResultSet row) throws SQLException {
        return new EscalationRecord(row.getObject("id", UUID.class),
                row.getString("item_key"),
                row.getString("ladder_id"),
                row.getString("step_id"),
                row.getString("board_id"),
                row.getString("kind"),
                system(row, "ticket_system"),
                row.getString("ticket_id"),
                row.getString("ticket_key"),
                row.getString("group_key"),
                row.getString("marker"),
                EscalationState.valueOf(row.getString("state")),
                row.getLong("days_overdue"),
                SqlInstants.fromColumn(row, "claimed_at"),
                SqlInstants.fromColumn(row, "raised_at"),
                SqlInstants.fromColumn(row, "resolved_at"),
                row.getString("note"),
                row.getObject("claim_term", Long.class));
    }

    private static GroupTicket readGroup(ResultSet row) throws SQLException {
        String groupKey = row.getString("group_key");
        return new GroupTicket(groupKey,
                row.getString("board_id"),
                row.getString("cycle"),
                system(row, "ticket_system"),
                row.getString("ticket_id"),
                row.getString("ticket_key"),
                row.getString("marker"),
                JsonColumns.toStrings(row.getString("item_keys"), "the item list of group ticket " + groupKey),
                row.getBoolean("resolved"),
                SqlInstants.fromColumn(row, "updated_at"));
    }
}
