package io.retrobridge.store;

import io.retrobridge.sync.BackfillRun;
import io.retrobridge.sync.BackfillRun.State;
import io.retrobridge.sync.BackfillRuns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The backfill_runs table. A run is open (requested or running) while its open_slot is 1; the unique constraint on
 * open_slot is what keeps a second run from being requested meanwhile, whichever instance asks. Taking a run adds
 * one to claim_token, and every later write by the taker names it, so a taker whose run was taken over changes
 * nothing. Each statement commits on its own: a refused insert never spoils a caller's transaction.
 */
@Repository
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class JdbcBackfillRuns implements BackfillRuns {

    private static final String COLUMNS = "id, state, requested_at, requested_by, instance_id, claim_token,"
            + " heartbeat_at, started_at, finished_at, queued_json, processed, restarts, error";
    /** The run is still held under the token its holder was given. */
    private static final String HELD = " WHERE id = :id AND claim_token = :token AND state = 'running'";

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcBackfillRuns(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public Requested request(String requestedBy) {
        // A lost race ends either way: the insert wins, or the run that won is read; should that run end between
        // the refused insert and the read, the slot is free and the next insert wins.
        while (true) {
            Optional<BackfillRun> open = open();
            if (open.isPresent()) {
                return new Requested(open.get(), false);
            }
            try {
                KeyHolder key = new GeneratedKeyHolder();
                jdbc.sql("""
                                INSERT INTO backfill_runs (state, open_slot, requested_at, requested_by, queued_json)
                                VALUES ('requested', 1, :at, :by, '{}')
                                """)
                        .param("at", SqlInstants.toColumn(clock.instant()))
                        .param("by", requestedBy)
                        .update(key, "id");
                return new Requested(find(key.getKeyAs(Long.class)).orElseThrow(), true);
            } catch (DuplicateKeyException anotherRunIsOpen) {
                // read it on the next turn
            }
        }
    }

    private Optional<BackfillRun> open() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM backfill_runs WHERE open_slot = 1")
                .query((row, n) -> read(row)).optional();
    }

    @Override
    public Optional<BackfillRun> latest() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM backfill_runs ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .query((row, n) -> read(row)).optional();
    }

    @Override
    public Optional<BackfillRun> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM backfill_runs WHERE id = :id").param("id", id)
                .query((row, n) -> read(row)).optional();
    }

    @Override
    public Optional<BackfillRun> take(String instanceId, Duration staleAfter) {
        Instant now = clock.instant();
        Instant staleBefore = now.minus(staleAfter);
        Optional<BackfillRun> open = open();
        if (open.isEmpty() || !takeable(open.get(), staleBefore)) {
            return Optional.empty();
        }
        BackfillRun seen = open.get();
        // Guarded by what was read: the token (no other taker since) and the state and heartbeat (still waiting, or
        // still silent). Of several takers at once, the first update wins and the others match no row.
        int updated = jdbc.sql("""
                        UPDATE backfill_runs
                           SET state = 'running', instance_id = :instance, claim_token = claim_token + 1,
                               heartbeat_at = :now, started_at = COALESCE(started_at, :now),
                               restarts = restarts + CASE WHEN state = 'running' THEN 1 ELSE 0 END
                         WHERE id = :id AND claim_token = :token
                           AND (state = 'requested'
                                OR (state = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < :staleBefore)))
                        """)
                .param("instance", instanceId)
                .param("now", SqlInstants.toColumn(now))
                .param("id", seen.id())
                .param("token", seen.claimToken())
                .param("staleBefore", SqlInstants.toColumn(staleBefore))
                .update();
        return updated == 1 ? find(seen.id()).filter(run -> run.claimToken() == seen.claimToken() + 1) : Optional.empty();
    }

    private static boolean takeable(BackfillRun run, Instant staleBefore) {
        return run.state() == State.REQUESTED
                || run.state() == State.RUNNING && (run.heartbeatAt() == null || run.heartbeatAt().isBefore(staleBefore));
    }

    @Override
    public boolean heartbeat(BackfillRun held) {
        return whileHeld("UPDATE backfill_runs SET heartbeat_at = :now", held)
                .param("now", SqlInstants.toColumn(clock.instant()))
                .update() == 1;
    }

    @Override
    public boolean progress(BackfillRun held, long processed) {
        return whileHeld("UPDATE backfill_runs SET processed = :processed, heartbeat_at = :now", held)
                .param("processed", processed)
                .param("now", SqlInstants.toColumn(clock.instant()))
                .update() == 1;
    }

    @Override
    public boolean queued(BackfillRun held, Map<String, Integer> queued, long processed) {
        return whileHeld("UPDATE backfill_runs SET queued_json = :queued, processed = :processed,"
                        + " heartbeat_at = :now", held)
                .param("queued", queuedJson(queued))
                .param("processed", processed)
                .param("now", SqlInstants.toColumn(clock.instant()))
                .update() == 1;
    }

    @Override
    public boolean finish(BackfillRun held, long processed, String error) {
        Instant now = clock.instant();
        return whileHeld("""
                        UPDATE backfill_runs
                           SET state = :state, open_slot = NULL, finished_at = :now, heartbeat_at = :now,
                               processed = :processed, error = :error
                        """, held)
                .param("state", (error == null ? State.DONE : State.FAILED).value())
                .param("now", SqlInstants.toColumn(now))
                .param("processed", processed)
                .param("error", error)
                .update() == 1;
    }

    @Override
    public boolean release(BackfillRun held) {
        return whileHeld("UPDATE backfill_runs SET heartbeat_at = NULL", held).update() == 1;
    }

    /** {@code update}, applied only while {@code held} is still held under its token. */
    private JdbcClient.StatementSpec whileHeld(String update, BackfillRun held) {
        return jdbc.sql(update + HELD)
                .param("id", held.id())
                .param("token", held.claimToken());
    }

    private static String queuedJson(Map<String, Integer> queued) {
        Map<String, String> fields = new LinkedHashMap<>();
        queued.forEach((source, count) -> fields.put(source, Integer.toString(count)));
        return JsonColumns.fromFields(fields);
    }

    private static BackfillRun read(ResultSet row) throws SQLException {
        long id = row.getLong("id");
        Map<String, Integer> queued = new LinkedHashMap<>();
        JsonColumns.toFields(row.getString("queued_json"), "backfill run " + id)
                .forEach((source, count) -> queued.put(source, Integer.valueOf(count)));
        return new BackfillRun(id, State.of(row.getString("state")), SqlInstants.fromColumn(row, "requested_at"),
                row.getString("requested_by"), row.getString("instance_id"), row.getLong("claim_token"),
                SqlInstants.fromColumn(row, "heartbeat_at"), SqlInstants.fromColumn(row, "started_at"),
                SqlInstants.fromColumn(row, "finished_at"), queued, row.getLong("processed"), row.getInt("restarts"),
                row.getString("error"));
    }
}
