package io.retrobridge.store;

import io.retrobridge.domain.Retrospective;
import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.sync.RetrospectiveStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The retrospectives table, one row per trigger key. */
@Repository
public class JdbcRetrospectiveStore implements RetrospectiveStore {

    private static final String COLUMNS = """
            id, trigger_key, rule_id, tier, reason, application, environment, version, change_number, program, due,
            created_at, servicenow_table, servicenow_sys_id, servicenow_number, change_sys_id, rfc_note, jira_issue_id,
            jira_key, linked_at""";

    private final JdbcClient jdbc;

    public JdbcRetrospectiveStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Its own statement, so a lost race on PostgreSQL does not abort a surrounding transaction.
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Retrospective open(RetrospectiveTrigger trigger, String serviceNowTable, Instant at) {
        Optional<Retrospective> stored = findByKey(trigger.key());
        if (stored.isPresent()) {
            return stored.get();
        }
        Retrospective opened = Retrospective.opened(trigger, serviceNowTable, at);
        try {
            jdbc.sql("INSERT INTO retrospectives (" + COLUMNS + """
                            ) VALUES (:id, :key, :rule, :tier, :reason, :application, :environment, :version, :change,
                            :program, :due, :created, :table, NULL, NULL, NULL, NULL, NULL, NULL, NULL)""")
                    .param("id", opened.id())
                    .param("key", opened.key())
                    .param("rule", opened.ruleId())
                    .param("tier", opened.tier())
                    .param("reason", opened.reason())
                    .param("application", opened.application())
                    .param("environment", opened.environment())
                    .param("version", opened.version())
                    .param("change", opened.changeNumber())
                    .param("program", opened.program())
                    .param("due", opened.due())
                    .param("created", SqlInstants.toColumn(opened.createdAt()))
                    .param("table", opened.serviceNowTable())
                    .update();
            return findByKey(trigger.key()).orElseThrow();
        } catch (DuplicateKeyException openedMeanwhile) {
            return findByKey(trigger.key()).orElseThrow();
        }
    }

    @Override
    public Optional<Retrospective> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM retrospectives WHERE id = :id").param("id", id)
                .query(JdbcRetrospectiveStore::row).optional();
    }

    @Override
    public Optional<Retrospective> findByKey(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM retrospectives WHERE trigger_key = :key").param("key", key)
                .query(JdbcRetrospectiveStore::row).optional();
    }

    @Override
    public Retrospective recordServiceNow(UUID id, String sysId, String number, String changeSysId, String rfcNote) {
        return updated(id, jdbc.sql("""
                        UPDATE retrospectives SET servicenow_sys_id = :sysId, servicenow_number = :number,
                        change_sys_id = :change, rfc_note = :note WHERE id = :id""")
                .param("sysId", sysId).param("number", number).param("change", changeSysId).param("note", rfcNote)
                .param("id", id).update());
    }

    @Override
    public Retrospective recordJira(UUID id, String issueId, String key) {
        return updated(id, jdbc.sql("UPDATE retrospectives SET jira_issue_id = :issue, jira_key = :key WHERE id = :id")
                .param("issue", issueId).param("key", key).param("id", id).update());
    }

    @Override
    public Retrospective recordLinked(UUID id, Instant at) {
        return updated(id, jdbc.sql("UPDATE retrospectives SET linked_at = :at WHERE id = :id")
                .param("at", SqlInstants.toColumn(at)).param("id", id).update());
    }

    @Override
    public List<Retrospective> list(String application, Instant since, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM retrospectives" + where(application, since)
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(filters(application, since))
                .param("limit", limit).param("offset", offset)
                .query(JdbcRetrospectiveStore::row).list();
    }

    @Override
    public long count(String application, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM retrospectives" + where(application, since))
                .params(filters(application, since)).query(Long.class).single();
    }

    private static String where(String application, Instant since) {
        if (application == null && since == null) {
            return "";
        }
        if (application == null) {
            return " WHERE created_at >= :since";
        }
        return since == null ? " WHERE application = :application"
                : " WHERE application = :application AND created_at >= :since";
    }

    private static Map<String, Object> filters(String application, Instant since) {
        Map<String, Object> params = new HashMap<>();
        if (application != null) {
            params.put("application", application);
        }
        if (since != null) {
            params.put("since", SqlInstants.toColumn(since));
        }
        return params;
    }

    private Retrospective updated(UUID id, int rows) {
        if (rows != 1) {
            throw new IllegalStateException("no retrospective " + id + " to update");
        }
        return find(id).orElseThrow();
    }

    private static Retrospective row(ResultSet row, int n) throws SQLException {
        return new Retrospective(row.getObject("id", UUID.class), row.getString("trigger_key"),
                row.getString("rule_id"), row.getString("tier"), row.getString("reason"),
                row.getString("application"), row.getString("environment"), row.getString("version"),
                row.getString("change_number"), row.getString("program"), row.getObject("due", LocalDate.class),
                SqlInstants.fromColumn(row, "created_at"), row.getString("servicenow_table"),
                row.getString("servicenow_sys_id"), row.getString("servicenow_number"),
                row.getString("change_sys_id"), row.getString("rfc_note"), row.getString("jira_issue_id"),
                row.getString("jira_key"), SqlInstants.fromColumn(row, "linked_at"));
    }
}
