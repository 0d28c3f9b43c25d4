package io.retrobridge.store;

import io.retrobridge.sync.Retention;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deletes by age, finished rows only. The status conditions are what keeps pending and claimed events, and
 * dead letters nobody replayed, out of reach whatever their age.
 */
@Repository
public class JdbcRetention implements Retention {

    private static final String FINISHED = "status IN ('APPLIED', 'SKIPPED', 'PARKED')";

    private final JdbcClient jdbc;

    public JdbcRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int dropFinishedPayloads() {
        return jdbc.sql("UPDATE inbound_events SET payload = '' WHERE " + FINISHED + " AND payload <> ''").update();
    }

    @Override
    public int purgeFinishedEvents(Instant before) {
        return jdbc.sql("DELETE FROM inbound_events WHERE " + FINISHED + " AND completed_at < :before")
                .param("before", SqlInstants.toColumn(before)).update();
    }

    @Override
    public int purgeJournal(Instant before) {
        return jdbc.sql("DELETE FROM journal WHERE occurred_at < :before")
                .param("before", SqlInstants.toColumn(before)).update();
    }

    @Override
    public int purgeReplayedDeadLetters(Instant before) {
        return jdbc.sql("DELETE FROM dead_letters WHERE replayed_at IS NOT NULL AND replayed_at < :before")
                .param("before", SqlInstants.toColumn(before)).update();
    }

    @Override
    public int purgeAdminAudit(Instant before) {
        return jdbc.sql("DELETE FROM admin_audit WHERE occurred_at < :before")
                .param("before", SqlInstants.toColumn(before)).update();
    }

    // By start: a round takes seconds to minutes, so one started this long ago and never finished was left by an
    // instance that died; it would otherwise stay for ever.
    @Override
    public int purgeSingletonRuns(Instant before) {
        return jdbc.sql("DELETE FROM singleton_runs WHERE started_at < :before")
                .param("before", SqlInstants.toColumn(before)).update();
    }

    // Requested and running runs have no finished_at and a state outside the list. The latest run stays whatever
    // its age: GET /api/admin/sync shows it as the last backfill.
    @Override
    public int purgeFinishedBackfillRuns(Instant before) {
        return jdbc.sql("""
                        DELETE FROM backfill_runs
                         WHERE state IN ('done', 'failed') AND finished_at < :before
                           AND id < (SELECT MAX(id) FROM backfill_runs)
                        """)
                .param("before", SqlInstants.toColumn(before)).update();
    }
}
