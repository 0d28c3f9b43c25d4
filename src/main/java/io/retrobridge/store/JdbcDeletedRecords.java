package io.retrobridge.store;

import io.retrobridge.domain.DeletedRecord;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.DeletedRecords;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The deleted_records table, one row per record proven deleted. */
@Repository
public class JdbcDeletedRecords implements DeletedRecords {

    private final JdbcClient jdbc;

    public JdbcDeletedRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Its own statement, so a lost race on PostgreSQL does not abort a surrounding transaction.
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void remember(DeletedRecord deleted) {
        try {
            jdbc.sql("""
                            INSERT INTO deleted_records (system, external_id, link_id, display_key, evidence, deleted_at)
                            VALUES (:system, :id, :link, :key, :evidence, :at)
                            """)
                    .param("system", deleted.record().system().name())
                    .param("id", deleted.record().id())
                    .param("link", deleted.linkId())
                    .param("key", deleted.displayKey())
                    .param("evidence", deleted.evidence())
                    .param("at", SqlInstants.toColumn(deleted.deletedAt()))
                    .update();
        } catch (DuplicateKeyException rememberedAlready) {
            // The first handling stays on record.
        }
    }

    @Override
    public Optional<DeletedRecord> find(ExternalRef record) {
        return jdbc.sql("""
                        SELECT system, external_id, link_id, display_key, evidence, deleted_at
                        FROM deleted_records WHERE system = :system AND external_id = :id
                        """)
                .param("system", record.system().name())
                .param("id", record.id())
                .query((row, n) -> new DeletedRecord(
                        new ExternalRef(ExternalSystem.valueOf(row.getString("system")), row.getString("external_id")),
                        row.getObject("link_id", UUID.class), row.getString("display_key"), row.getString("evidence"),
                        SqlInstants.fromColumn(row, "deleted_at")))
                .optional();
    }
}
