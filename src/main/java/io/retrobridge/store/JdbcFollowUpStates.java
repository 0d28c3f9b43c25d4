package io.retrobridge.store;

import io.retrobridge.sync.FollowUpStates;
import io.retrobridge.sync.FollowUpStates.ItemState;
import io.retrobridge.sync.FollowUpStates.NewestFields;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The follow-ups of retrospectives joined with their links' item state (the copies V23 keeps beside each snapshot)
 * and the escalation scan's facts: one statement per many retrospectives, with no list of tasks or items to name and
 * no snapshot JSON to read.
 */
@Repository
public class JdbcFollowUpStates implements FollowUpStates {

    /**
     * Retrospectives named in one statement. The join reads the follow-ups, ids, links and snapshots whole whatever
     * the number named, so fewer, larger statements are cheaper; 5,000 bound values are well within every driver.
     */
    static final int RETROSPECTIVES_PER_READ = 5_000;

    private final JdbcClient jdbc;

    public JdbcFollowUpStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, List<FollowUpState>> of(Collection<UUID> retrospectiveIds) {
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(retrospectiveIds));
        Map<UUID, Map<String, Row>> read = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += RETROSPECTIVES_PER_READ) {
            // Columns are read by position (see collect): tens of thousands of rows per report.
            jdbc.sql("""
                            SELECT r.retrospective_id, f.task_sys_id, l.correlation_id, ff.display_key, ff.completed_on,
                                   s.taken_at, s.item_status, s.item_due_date, s.item_failure_mode
                              FROM retrospective_follow_up_refreshes r
                              LEFT JOIN retrospective_follow_ups f ON f.retrospective_id = r.retrospective_id
                              LEFT JOIN link_external_ids x ON x.external_system = 'SERVICENOW'
                                                           AND x.external_id = f.task_sys_id
                              LEFT JOIN links l ON l.id = x.link_id
                              LEFT JOIN link_snapshots s ON s.link_id = l.id
                              LEFT JOIN follow_up_facts ff ON ff.item_key = l.correlation_id
                             WHERE r.retrospective_id IN (:ids)
                            """)
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + RETROSPECTIVES_PER_READ)))
                    .query((ResultSet row) -> collect(row, read));
        }
        Map<UUID, List<FollowUpState>> states = new LinkedHashMap<>();
        read.forEach((retrospective, tasks) -> states.put(retrospective, tasks.values().stream()
                .map(task -> new FollowUpState(task.task, task.itemKey, task.fields.state(), task.displayKey,
                        task.completedOn)).toList()));
        return states;
    }

    /** A follow-up as its rows come in: one row per snapshot of its link (one row when it has none). */
    private static final class Row {
        final String task;
        final String itemKey;
        final String displayKey;
        final LocalDate completedOn;
        final NewestFields fields = new NewestFields();

        Row(String task, String itemKey, String displayKey, LocalDate completedOn) {
            this.task = task;
            this.itemKey = itemKey;
            this.displayKey = displayKey;
            this.completedOn = completedOn;
        }
    }

    private static void collect(ResultSet row, Map<UUID, Map<String, Row>> read) throws SQLException {
        Map<String, Row> tasks = read.computeIfAbsent(row.getObject(1, UUID.class), unused -> new TreeMap<>());
        String task = row.getString(2);
        if (task == null) {
            return;
        }
        Row followUp = tasks.get(task);
        if (followUp == null) {
            followUp = new Row(task, row.getString(3), row.getString(4), row.getObject(5, LocalDate.class));
            tasks.put(task, followUp);
        }
        Instant takenAt = SqlInstants.fromColumn(row, 6);
        if (takenAt != null) {
            followUp.fields.add(new ItemState(row.getString(7), row.getString(8), row.getString(9)), takenAt);
        }
    }
}
