package io.retrobridge.store;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.sync.Journal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The journal table: append-only, read newest first by subject or by link. */
@Repository
public class JdbcJournal implements Journal {

    private static final String SELECT_ENTRY = """
            SELECT id, occurred_at, link_id, subject_system, subject_id, action, summary, rule_ids_json, detail
              FROM journal
            """;

    private final JdbcClient jdbc;
    private final RowMapper<JournalEntry> entryMapper = (row, rowNumber) -> readEntry(row);

    public JdbcJournal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public JournalEntry append(JournalEntry entry) {
        if (entry.isStored()) {
            throw new IllegalArgumentException("Journal entry " + entry.id()
                    + " is already stored; the journal is append-only, so append a new entry (id 0) instead.");
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO journal (occurred_at, link_id, subject_system, subject_id, action, summary,
                                             rule_ids_json, detail)
                        VALUES (:at, :linkId, :system, :subjectId, :action, :summary, :ruleIds, :detail)
                        """)
                .param("at", SqlInstants.toColumn(entry.at()))
                .param("linkId", entry.linkId())
                .param("system", entry.subject().system().name())
                .param("subjectId", entry.subject().id())
                .param("action", entry.action().name())
                .param("summary", entry.summary())
                .param("ruleIds", JsonColumns.fromStrings(entry.ruleIds()))
                .param("detail", entry.detail())
                .update(key, "id");
        return entry.withId(key.getKeyAs(Long.class));
    }

    @Override
    public List<JournalEntry> forSubject(ExternalRef subject, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 but was " + limit);
        }
        return jdbc.sql(SELECT_ENTRY + """
                         WHERE subject_system = :system AND subject_id = :subjectId
                         ORDER BY occurred_at DESC, id DESC
                         FETCH FIRST :limit ROWS ONLY
                        """)
                .param("system", subject.system().name())
                .param("subjectId", subject.id())
                .param("limit", limit)
                .query(entryMapper)
                .list();
    }

    @Override
    public List<JournalEntry> forLink(UUID linkId) {
        return jdbc.sql(SELECT_ENTRY + " WHERE link_id = :linkId ORDER BY occurred_at DESC, id DESC")
                .param("linkId", linkId)
                .query(entryMapper)
                .list();
    }

    private static JournalEntry readEntry(ResultSet row) throws SQLException {
        long id = row.getLong("id");
        return new JournalEntry(id,
                SqlInstants.fromColumn(row, "occurred_at"),
                row.getObject("link_id", UUID.class),
                new ExternalRef(ExternalSystem.valueOf(row.getString("subject_system")), row.getString("subject_id")),
                JournalAction.valueOf(row.getString("action")),
                row.getString("summary"),
                JsonColumns.toStrings(row.getString("rule_ids_json"), "the rule ids of journal entry " + id),
                row.getString("detail"));
    }
}
