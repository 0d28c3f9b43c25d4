package io.retrobridge.store;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Snapshot;
import io.retrobridge.sync.FollowUpStates;
import java.sql.ResultSet;
import java.sql.SQLException;
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
            jdbc.sql("""
                            SELECT r.retrospective_id, f.task_sys_id, l.correlation_id,
                                   s.external_system, s.taken_at, s.item_status, s.item_due_date, s.item_failure_mode,
                                   ff.display_key, ff.completed_on
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
                .map(task -> new FollowUpState(task.task, task.itemKey, task.snapshots, task.displayKey,
                        task.completedOn)).toList()));
        return states;
    }

    /** A follow-up as its rows come in: one row per snapshot of its link (one row when it has none). */
    private static final class Row {
        final String task;
        final String itemKey;
        final String displayKey;
        final LocalDate completedOn;
        final Map<ExternalSystem, Snapshot> snapshots = new TreeMap<>();

        Row(String task, String itemKey, String displayKey, LocalDate completedOn) {
            this.task = task;
            this.itemKey = itemKey;
            this.displayKey = displayKey;
            this.completedOn = completedOn;
        }
    }

    private static void collect(ResultSet row, Map<UUID, Map<String, Row>> read) throws SQLException {
        Map<String, Row> tasks = read.computeIfAbsent(row.getObject("retrospective_id", UUID.class),
                unused -> new TreeMap<>());
        String task = row.getString("task_sys_id");
        if (task == null) {
            return;
        }
        Row followUp = tasks.get(task);
        if (followUp == null) {
            followUp = new Row(task, row.getString("correlation_id"), row.getString("display_key"),
                    row.getObject("completed_on", LocalDate.class));
            tasks.put(task, followUp);
        }
        String system = row.getString("external_system");
        if (system != null) {
            followUp.snapshots.put(ExternalSystem.valueOf(system), snapshot(row));
        }
    }

    private static Snapshot snapshot(ResultSet row) throws SQLException {
        Map<String, String> fields = new TreeMap<>();
        String[] columns = {"item_status", "item_due_date", "item_failure_mode"};
        for (int i = 0; i < columns.length; i++) {
            String value = row.getString(columns[i]);
            if (value != null) {
                fields.put(FIELDS.get(i), value);
            }
        }
        return new Snapshot(fields, SqlInstants.fromColumn(row, "taken_at"));
    }
}
