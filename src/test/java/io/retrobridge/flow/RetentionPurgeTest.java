package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.flow.housekeeping.RetentionPurge;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.Journal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The purge as the route runs it, with the default keeping times: old finished data goes, the rest stays. */
@SpringBootTest(properties = "retrobridge.retention.enabled=false")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class RetentionPurgeTest {

    @Autowired
    CamelContext camel;

    @Autowired
    RetentionPurge purge;

    @Autowired
    Journal journal;

    @Autowired
    DeadLetterStore deadLetters;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRouteCallsThePurgeBean() {
        assertThat(camel.getRoute("retention-purge")).as("routes/retention-purge.yaml is loaded").isNotNull();
    }

    @Test
    void oldFinishedDataIsPurgedWithALineSayingWhatAndUnreplayedLettersStay(CapturedOutput output) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant yearsAgo = now.minus(Duration.ofDays(800));
        ExternalRef issue = new ExternalRef(ExternalSystem.JIRA, "10003");
        journal.append(JournalEntry.of(yearsAgo, null, issue, JournalAction.RECEIVED, "long ago", List.of(), null));
        JournalEntry recent = journal.append(JournalEntry.of(now, null, issue, JournalAction.WROTE, "recent",
                List.of(), null));
        DeadLetter unreplayed = deadLetters.park(letter(yearsAgo));
        DeadLetter replayed = deadLetters.park(letter(yearsAgo));
        deadLetters.markReplayed(replayed.id(), yearsAgo);

        RetentionPurge.Purged purged = purge.purge();

        assertThat(purged.journalEntries()).isGreaterThanOrEqualTo(1);
        assertThat(purged.deadLetters()).isGreaterThanOrEqualTo(1);
        assertThat(journal.forSubject(issue, 10)).containsExactly(recent);
        assertThat(deadLetters.find(unreplayed.id())).isPresent();
        assertThat(deadLetters.find(replayed.id())).isEmpty();
        assertThat(output.getAll()).contains("Retention purge:").contains("journal entries older than 400d")
                .contains("dead letters replayed more than 90d ago");
    }

    @Test
    void oldLeaderJobRoundsAndOldFinishedBackfillsArePurgedButAnOpenBackfillStays(CapturedOutput output) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant weeksAgo = now.minus(Duration.ofDays(20));
        Instant monthsAgo = now.minus(Duration.ofDays(100));
        jdbc.sql("DELETE FROM backfill_runs").update();
        long oldRound = singletonRun("jira-poll", weeksAgo);
        long recentRound = singletonRun("jira-poll", now);
        long oldBackfill = backfillRun("done", null, monthsAgo, monthsAgo);
        long openBackfill = backfillRun("running", 1, monthsAgo, null);

        RetentionPurge.Purged purged = purge.purge();

        assertThat(purged.singletonRuns()).isGreaterThanOrEqualTo(1);
        assertThat(purged.backfillRuns()).isEqualTo(1);
        assertThat(ids("singleton_runs")).contains(recentRound).doesNotContain(oldRound);
        assertThat(ids("backfill_runs")).containsExactly(openBackfill).doesNotContain(oldBackfill);
        assertThat(output.getAll()).contains("leader-job rounds started more than 14d ago")
                .contains("1 backfill runs finished more than 90d ago");
    }

    private long singletonRun(String job, Instant startedAt) {
        jdbc.sql("""
                        INSERT INTO singleton_runs (job, instance_id, term, started_at, finished_at, outcome)
                        VALUES (:job, 'node-1', 1, :at, :at, 'done')
                        """)
                .param("job", job).param("at", OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC)).update();
        return jdbc.sql("SELECT MAX(id) FROM singleton_runs").query(Long.class).single();
    }

    private long backfillRun(String state, Integer openSlot, Instant requestedAt, Instant finishedAt) {
        jdbc.sql("""
                        INSERT INTO backfill_runs (state, open_slot, requested_at, requested_by, instance_id,
                                                   heartbeat_at, finished_at, queued_json)
                        VALUES (:state, :slot, :requested, 'ops', 'node-1', :heartbeat, :finished, '{}')
                        """)
                .param("state", state).param("slot", openSlot)
                // Heartbeating now, so this test's own backfill runner leaves an open run alone.
                .param("heartbeat", OffsetDateTime.now(ZoneOffset.UTC))
                .param("requested", OffsetDateTime.ofInstant(requestedAt, ZoneOffset.UTC))
                .param("finished", finishedAt == null ? null : OffsetDateTime.ofInstant(finishedAt, ZoneOffset.UTC))
                .update();
        return jdbc.sql("SELECT MAX(id) FROM backfill_runs").query(Long.class).single();
    }

    private List<Long> ids(String table) {
        return jdbc.sql("SELECT id FROM " + table).query(Long.class).list();
    }

    private static DeadLetter letter(Instant at) {
        return DeadLetter.park(InboundEvent.received(ExternalSystem.JIRA, "jira:issue_updated", "10003",
                "jira:10003:" + UUID.randomUUID(), at, "{}"), "HTTP 500", 5, at);
    }
}
