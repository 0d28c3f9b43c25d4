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
}
