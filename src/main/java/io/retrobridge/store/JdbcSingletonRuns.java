package io.retrobridge.store;

import io.retrobridge.sync.Fence;
import io.retrobridge.sync.SingletonRuns;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The singleton_runs table: one row per round of a leader-only job. */
@Repository
public class JdbcSingletonRuns implements SingletonRuns {

    private final JdbcClient jdbc;

    public JdbcSingletonRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // The row is written only while the fence's term is the latest: one statement, so no newer election can slip
    // in between the check and the insert.
    @Override
    public OptionalLong begin(String job, String instanceId, Fence fence, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                        INSERT INTO singleton_runs (job, instance_id, term, started_at)
                        SELECT :job, :instance, term, :at FROM leader_terms WHERE namespace = :ns AND term = :term
                        """)
                .param("job", job).param("instance", instanceId).param("at", SqlInstants.toColumn(at))
                .param("ns", fence.namespace()).param("term", fence.term())
                .update(key, "id");
        return inserted == 0 ? OptionalLong.empty() : OptionalLong.of(key.getKeyAs(Long.class));
    }

    @Override
    public void finish(long runId, Outcome outcome, Instant at) {
        jdbc.sql("UPDATE singleton_runs SET finished_at = :at, outcome = :outcome WHERE id = :id")
                .param("id", runId).param("at", SqlInstants.toColumn(at))
                .param("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .update();
    }
}
