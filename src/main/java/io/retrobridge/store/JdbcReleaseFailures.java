package io.retrobridge.store;

import io.retrobridge.sync.ReleaseFailures;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The release_failures table, one row per failed release of a program. */
@Repository
public class JdbcReleaseFailures implements ReleaseFailures {

    private final JdbcClient jdbc;

    public JdbcReleaseFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Its own statement, so a lost race on PostgreSQL does not abort a surrounding transaction.
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public boolean record(FailedRelease failure) {
        try {
            return jdbc.sql("""
                            INSERT INTO release_failures (release_key, program, application, failed_at, covered_by)
                            VALUES (:key, :program, :application, :at, :covered)
                            """)
                    .param("key", failure.releaseKey())
                    .param("program", failure.program())
                    .param("application", failure.application())
                    .param("at", SqlInstants.toColumn(failure.failedAt()))
                    .param("covered", failure.coveredBy())
                    .update() == 1;
        } catch (DuplicateKeyException recordedAlready) {
            return false;
        }
    }

    @Override
    public List<FailedRelease> uncovered(String program, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT release_key, program, application, failed_at, covered_by FROM release_failures
                        WHERE program = :program AND covered_by IS NULL AND failed_at >= :from AND failed_at <= :to
                        ORDER BY failed_at, release_key
                        """)
                .param("program", program)
                .param("from", SqlInstants.toColumn(from))
                .param("to", SqlInstants.toColumn(to))
                .query((row, n) -> new FailedRelease(row.getString("release_key"), row.getString("program"),
                        row.getString("application"), SqlInstants.fromColumn(row, "failed_at"),
                        row.getString("covered_by")))
                .list();
    }

    @Override
    @Transactional
    public void cover(Collection<String> releaseKeys, String programKey) {
        if (releaseKeys.isEmpty()) {
            return;
        }
        // A release covered already keeps the retrospective that covered it first.
        jdbc.sql("UPDATE release_failures SET covered_by = :covered WHERE release_key IN (:keys) AND covered_by IS NULL")
                .param("covered", programKey)
                .param("keys", List.copyOf(releaseKeys))
                .update();
    }
}
