package io.retrobridge.store;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.WriteIntent;
import io.retrobridge.sync.WriteIntent.Operation;
import io.retrobridge.sync.WriteIntents;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The write_intents table, with the INTENT entries of the journal that explain each row. */
@Repository
public class JdbcWriteIntents implements WriteIntents {

    private static final String SELECT_INTENT = """
            SELECT journal_id, attempted_at, subject_system, subject_id, operation, target_system, target_id, marker, settled_at
              FROM write_intents
            """;

    private final JdbcClient jdbc;
    private final Journal journal;
    /** Announcements commit on their own: they must survive a rollback of the write's recording, or a crash. */
    private final TransactionTemplate ownTransaction;

    public JdbcWriteIntents(JdbcClient jdbc, Journal journal, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public WriteIntent announce(JournalEntry entry, Operation operation, ExternalSystem target, String targetId,
            String marker) {
        if (entry.action() != JournalAction.INTENT) {
            throw new IllegalArgumentException("a write is announced by an INTENT entry, not " + entry.action());
        }
        if (marker == null || marker.isBlank()) {
            throw new IllegalArgumentException("an announced write needs the marker its record carries");
        }
        return ownTransaction.execute(status -> {
            JournalEntry stored = journal.append(entry);
            jdbc.sql("""
                            INSERT INTO write_intents (journal_id, attempted_at, subject_system, subject_id, operation,
                                                       target_system, target_id, marker)
                            VALUES (:id, :at, :subjectSystem, :subjectId, :operation, :target, :targetId, :marker)
                            """)
                    .param("id", stored.id())
                    .param("at", SqlInstants.toColumn(entry.at()))
                    .param("subjectSystem", entry.subject().system().name())
                    .param("subjectId", entry.subject().id())
                    .param("operation", operation.name())
                    .param("target", target.name())
                    .param("targetId", targetId)
                    .param("marker", marker)
                    .update();
            return new WriteIntent(stored.id(), entry.at().truncatedTo(ChronoUnit.MICROS), entry.subject(), operation,
                    target, targetId, marker, null);
        });
    }

    @Override
    public List<WriteIntent> openFor(String marker) {
        return jdbc.sql(SELECT_INTENT + " WHERE marker = :marker AND settled_at IS NULL ORDER BY attempted_at, journal_id")
                .param("marker", marker)
                .query((row, n) -> read(row))
                .list();
    }

    @Override
    public List<WriteIntent> open(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 but was " + limit);
        }
        return jdbc.sql(SELECT_INTENT + """
                         WHERE settled_at IS NULL
                         ORDER BY attempted_at, journal_id
                         FETCH FIRST :limit ROWS ONLY
                        """)
                .param("limit", limit)
                .query((row, n) -> read(row))
                .list();
    }

    @Override
    public Optional<JournalEntry> settle(List<WriteIntent> intents, Instant at, JournalEntry outcome) {
        // Taken first, so of two runs settling the same intent only one appends an outcome for it.
        List<WriteIntent> taken = intents.stream().filter(intent -> jdbc.sql(
                        "UPDATE write_intents SET settled_at = :at WHERE journal_id = :id AND settled_at IS NULL")
                .param("at", SqlInstants.toColumn(at))
                .param("id", intent.journalId())
                .update() == 1).toList();
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        JournalEntry stored = journal.append(outcome);
        taken.forEach(intent -> jdbc.sql("UPDATE write_intents SET outcome_journal_id = :outcome WHERE journal_id = :id")
                .param("outcome", stored.id())
                .param("id", intent.journalId())
                .update());
        return Optional.of(stored);
    }

    private static WriteIntent read(ResultSet row) throws SQLException {
        return new WriteIntent(row.getLong("journal_id"), SqlInstants.fromColumn(row, "attempted_at"),
                new ExternalRef(ExternalSystem.valueOf(row.getString("subject_system")), row.getString("subject_id")),
                Operation.valueOf(row.getString("operation")), ExternalSystem.valueOf(row.getString("target_system")),
                row.getString("target_id"), row.getString("marker"),
                SqlInstants.fromColumn(row, "settled_at"));
    }
}
