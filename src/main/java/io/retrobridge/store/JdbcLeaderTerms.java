package io.retrobridge.store;

import io.retrobridge.sync.Fence;
import io.retrobridge.sync.LeaderTerms;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The leader_terms table, one row per namespace. */
@Repository
public class JdbcLeaderTerms implements LeaderTerms {

    private final JdbcClient jdbc;

    public JdbcLeaderTerms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Update, then read back (no UPDATE ... RETURNING common to H2 and PostgreSQL); the caller holds the election's
    // lock, so no other instance raises the term in between. The first election of a namespace inserts term 1.
    @Override
    @Transactional
    public Fence grant(String namespace, String holder, Instant at) {
        if (raise(namespace, holder, at) == 0) {
            try {
                jdbc.sql("INSERT INTO leader_terms (namespace, term, holder, granted_at) VALUES (:ns, 1, :holder, :at)")
                        .param("ns", namespace).param("holder", holder).param("at", SqlInstants.toColumn(at))
                        .update();
            } catch (DuplicateKeyException firstElectedElsewhere) {
                raise(namespace, holder, at);
            }
        }
        long term = jdbc.sql("SELECT term FROM leader_terms WHERE namespace = :ns").param("ns", namespace)
                .query(Long.class).single();
        return new Fence(namespace, term);
    }

    private int raise(String namespace, String holder, Instant at) {
        return jdbc.sql("UPDATE leader_terms SET term = term + 1, holder = :holder, granted_at = :at WHERE namespace = :ns")
                .param("ns", namespace).param("holder", holder).param("at", SqlInstants.toColumn(at))
                .update();
    }

    @Override
    public Optional<Holder> latest(String namespace) {
        return jdbc.sql("SELECT namespace, term, holder, granted_at FROM leader_terms WHERE namespace = :ns")
                .param("ns", namespace)
                .query((row, rowNumber) -> new Holder(row.getString("namespace"), row.getLong("term"),
                        row.getString("holder"), SqlInstants.fromColumn(row, "granted_at")))
                .optional();
    }

    // INT_LOCK is Spring Integration's table: it writes CREATED_DATE as the holder's UTC wall time, without a zone.
    @Override
    public Optional<Instant> lockRenewedAt(String namespace) {
        return jdbc.sql("SELECT CREATED_DATE FROM INT_LOCK WHERE REGION = :ns ORDER BY CREATED_DATE DESC")
                .param("ns", namespace).query(LocalDateTime.class).list().stream().findFirst()
                .map(at -> at.toInstant(ZoneOffset.UTC));
    }
}
