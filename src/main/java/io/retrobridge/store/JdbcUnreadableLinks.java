package io.retrobridge.store;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.UnreadableLinks;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The unreadable_records table, one row per linked record waiting to be read again. */
@Repository
public class JdbcUnreadableLinks implements UnreadableLinks {

    private final JdbcClient jdbc;

    public JdbcUnreadableLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Its own statement, so a lost race on PostgreSQL does not abort a surrounding transaction.
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void remember(ExternalRef record, String where, Instant firstSeen) {
        try {
            jdbc.sql("""
                            INSERT INTO unreadable_records (system, external_id, hidden_in, first_seen, looked_at, looks)
                            VALUES (:system, :id, :where, :at, :at, 0)
                            """)
                    .param("system", record.system().name())
                    .param("id", record.id())
                    .param("where", where)
                    .param("at", SqlInstants.toColumn(firstSeen))
                    .update();
        } catch (DuplicateKeyException rememberedAlready) {
            // The first sighting stays.
        }
    }

    @Override
    public boolean forget(ExternalRef record) {
        return jdbc.sql("DELETE FROM unreadable_records WHERE system = :system AND external_id = :id")
                .param("system", record.system().name())
                .param("id", record.id())
                .update() > 0;
    }

    @Override
    @Transactional
    public List<ExternalRef> due(int max, Instant now, Instant giveUpBefore) {
        jdbc.sql("DELETE FROM unreadable_records WHERE first_seen < :cutoff")
                .param("cutoff", SqlInstants.toColumn(giveUpBefore))
                .update();
        List<ExternalRef> due = jdbc.sql("""
                        SELECT system, external_id FROM unreadable_records
                        ORDER BY looked_at, looks, first_seen, system, external_id
                        FETCH FIRST :max ROWS ONLY
                        """)
                .param("max", max)
                .query((row, n) -> new ExternalRef(ExternalSystem.valueOf(row.getString("system")),
                        row.getString("external_id")))
                .list();
        for (ExternalRef record : due) {
            jdbc.sql("""
                            UPDATE unreadable_records SET looked_at = :now, looks = looks + 1
                            WHERE system = :system AND external_id = :id
                            """)
                    .param("now", SqlInstants.toColumn(now))
                    .param("system", record.system().name())
                    .param("id", record.id())
                    .update();
        }
        return due;
    }
}
