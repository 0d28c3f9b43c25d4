package io.retrobridge.store;

import io.retrobridge.sync.RetrospectiveFollowUps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retrospective_follow_ups table, one row per task under a retrospective, and retrospective_follow_up_refreshes,
 * when each retrospective was last read.
 */
@Repository
public class JdbcRetrospectiveFollowUps implements RetrospectiveFollowUps {

    /** A ServiceNow sys_id's length, the column's width. */
    private static final int SYS_ID_LENGTH = 32;
    /** Retrospectives per IN list: well under what either database accepts in one statement. */
    private static final int IDS_PER_QUERY = 500;

    private final JdbcClient jdbc;

    public JdbcRetrospectiveFollowUps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public boolean replace(UUID retrospectiveId, Set<String> taskSysIds, Instant at) {
        Objects.requireNonNull(retrospectiveId, "retrospectiveId");
        Objects.requireNonNull(at, "at");
        Set<String> wanted = checked(taskSysIds);
        // Locking the retrospective's row makes two refreshes of one retrospective take turns, so neither inserts
        // a row the other just inserted.
        if (jdbc.sql("SELECT id FROM retrospectives WHERE id = :id FOR UPDATE").param("id", retrospectiveId)
                .query(UUID.class).optional().isEmpty()) {
            throw new IllegalArgumentException("no retrospective has id " + retrospectiveId
                    + "; its follow-ups were not stored");
        }
        boolean refreshedBefore = refreshedAt(retrospectiveId).isPresent();
        if (refreshedBefore) {
            jdbc.sql("UPDATE retrospective_follow_up_refreshes SET refreshed_at = :at WHERE retrospective_id = :id")
                    .param("at", SqlInstants.toColumn(at)).param("id", retrospectiveId).update();
        } else {
            jdbc.sql("INSERT INTO retrospective_follow_up_refreshes (retrospective_id, refreshed_at) VALUES (:id, :at)")
                    .param("id", retrospectiveId).param("at", SqlInstants.toColumn(at)).update();
        }
        Set<String> stored = new HashSet<>(of(retrospectiveId));
        for (String gone : stored) {
            if (!wanted.contains(gone)) {
                jdbc.sql("DELETE FROM retrospective_follow_ups WHERE retrospective_id = :id AND task_sys_id = :task")
                        .param("id", retrospectiveId).param("task", gone).update();
            }
        }
        for (String added : wanted) {
            if (!stored.contains(added)) {
                jdbc.sql("INSERT INTO retrospective_follow_ups (retrospective_id, task_sys_id) VALUES (:id, :task)")
                        .param("id", retrospectiveId).param("task", added).update();
            }
        }
        return !stored.equals(wanted);
    }

    @Override
    public List<String> of(UUID retrospectiveId) {
        return jdbc.sql("SELECT task_sys_id FROM retrospective_follow_ups WHERE retrospective_id = :id"
                        + " ORDER BY task_sys_id")
                .param("id", Objects.requireNonNull(retrospectiveId, "retrospectiveId")).query(String.class).list();
    }

    @Override
    public Map<UUID, List<String>> ofRetrospectives(Collection<UUID> retrospectiveIds) {
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(retrospectiveIds));
        Map<UUID, List<String>> followUps = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            jdbc.sql("""
                            SELECT r.retrospective_id, f.task_sys_id
                            FROM retrospective_follow_up_refreshes r
                            LEFT JOIN retrospective_follow_ups f ON f.retrospective_id = r.retrospective_id
                            WHERE r.retrospective_id IN (:ids)
                            ORDER BY r.retrospective_id, f.task_sys_id""")
                    .param("ids", chunk)
                    .query((row, rowNumber) -> {
                        List<String> tasks = followUps.computeIfAbsent(row.getObject("retrospective_id", UUID.class),
                                id -> new ArrayList<>());
                        String task = row.getString("task_sys_id");
                        if (task != null) {
                            tasks.add(task);
                        }
                        return task;
                    }).list();
        }
        followUps.replaceAll((id, tasks) -> List.copyOf(tasks));
        return followUps;
    }

    @Override
    public Optional<Instant> refreshedAt(UUID retrospectiveId) {
        return jdbc.sql("SELECT refreshed_at FROM retrospective_follow_up_refreshes WHERE retrospective_id = :id")
                .param("id", Objects.requireNonNull(retrospectiveId, "retrospectiveId"))
                .query((row, rowNumber) -> SqlInstants.fromColumn(row, "refreshed_at")).optional();
    }

    private static Set<String> checked(Set<String> taskSysIds) {
        Objects.requireNonNull(taskSysIds, "taskSysIds");
        Set<String> checked = new TreeSet<>();
        for (String sysId : taskSysIds) {
            if (sysId == null || sysId.isBlank() || sysId.length() > SYS_ID_LENGTH) {
                throw new IllegalArgumentException("a follow-up's task sys_id must be 1 to " + SYS_ID_LENGTH
                        + " characters, was " + (sysId == null ? "null" : "'" + sysId + "'")
                        + "; the retrospective's follow-ups were not changed");
            }
            checked.add(sysId);
        }
        return checked;
    }
}
