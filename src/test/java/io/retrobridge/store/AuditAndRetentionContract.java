package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.AdminAction;
import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.sync.AdminAuditLog;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.Retention;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log of admin actions, and the retention purge: what goes, and what stays whatever its age. */
abstract class AuditAndRetentionContract extends StoreContractSupport {

    private static final Instant LONG_AGO = START.minus(Duration.ofDays(1000));
    private static final Instant CUTOFF = START.minus(Duration.ofDays(30));

    private AdminAuditLog audit() {
        return port(AdminAuditLog.class);
    }

    private Retention retention() {
        return port(Retention.class);
    }

    private JdbcClient jdbc() {
        return port(JdbcClient.class);
    }

    @BeforeEach
    void emptyAudit() {
        jdbc().sql("DELETE FROM admin_audit").update();
    }

    @Test
    void auditEntriesComeBackNewestFirstFilteredAndPaged() {
        AdminAction replay = audit().record(AdminAction.of(START, "ops", "replay", "dead-letter 42", 202, "10.0.0.1"));
        AdminAction scan = audit().record(AdminAction.of(START.plusSeconds(60), "ops", "scan", null, 500, null));
        AdminAction reload = audit().record(AdminAction.of(START.plusSeconds(120), "ci", "reload", null, 422, null));

        assertThat(replay.id()).isPositive();
        AdminAuditLog.Filter all = new AdminAuditLog.Filter(null, null, null, null);
        assertThat(audit().find(all, 0, 10)).containsExactly(reload, scan, replay);
        assertThat(audit().find(all, 1, 1)).containsExactly(scan);
        assertThat(audit().count(all)).isEqualTo(3);
        assertThat(audit().find(new AdminAuditLog.Filter(null, "ops", null, null), 0, 10)).containsExactly(scan, replay);
        assertThat(audit().find(new AdminAuditLog.Filter("reload", null, null, null), 0, 10)).containsExactly(reload);
        AdminAuditLog.Filter window = new AdminAuditLog.Filter(null, null, START.plusSeconds(60), START.plusSeconds(120));
        assertThat(audit().find(window, 0, 10)).containsExactly(scan);
        assertThat(audit().count(window)).isEqualTo(1);
        assertThat(List.of(replay.outcome(), scan.outcome(), reload.outcome())).containsExactly("ok", "failed", "refused");
    }

    @Test
    void finishedEventsGoAfterTheirTimeButWaitingAndClaimedEventsStayHoweverOld() {
        UUID oldApplied = event("APPLIED", LONG_AGO, "1");
        UUID recentSkipped = event("SKIPPED", START.minus(Duration.ofDays(1)), "2");
        UUID oldParked = event("PARKED", LONG_AGO, "3");
        UUID oldPending = event("PENDING", null, "4");
        UUID oldClaimed = event("CLAIMED", null, "5");

        int deleted = retention().purgeFinishedEvents(CUTOFF);

        assertThat(deleted).isEqualTo(2);
        assertThat(eventIds()).containsExactlyInAnyOrder(recentSkipped, oldPending, oldClaimed)
                .doesNotContain(oldApplied, oldParked);
    }

    @Test
    void finishedDeliveriesLoseTheirBodyAtOnceWhileWaitingOnesKeepIt() {
        UUID applied = event("APPLIED", START, "1");
        UUID pending = event("PENDING", null, "2");
        UUID claimed = event("CLAIMED", null, "3");

        assertThat(retention().dropFinishedPayloads()).isEqualTo(1);
        assertThat(retention().dropFinishedPayloads()).as("nothing left to empty").isZero();

        assertThat(payload(applied)).isEmpty();
        assertThat(payload(pending)).contains("issue");
        assertThat(payload(claimed)).contains("issue");
    }

    @Test
    void oldJournalEntriesAndAuditEntriesGo() {
        Journal journal = port(Journal.class);
        ExternalRef issue = new ExternalRef(ExternalSystem.JIRA, "10003");
        journal.append(JournalEntry.of(LONG_AGO, null, issue, JournalAction.RECEIVED, "long ago", List.of(), null));
        JournalEntry recent = journal.append(JournalEntry.of(START, null, issue, JournalAction.WROTE, "recent",
                List.of(), null));
        audit().record(AdminAction.of(LONG_AGO, "ops", "replay", null, 202, null));
        AdminAction kept = audit().record(AdminAction.of(START, "ops", "scan", null, 200, null));

        assertThat(retention().purgeJournal(CUTOFF)).isEqualTo(1);
        assertThat(retention().purgeAdminAudit(CUTOFF)).isEqualTo(1);

        assertThat(journal.forSubject(issue, 10)).containsExactly(recent);
        assertThat(audit().find(new AdminAuditLog.Filter(null, null, null, null), 0, 10)).containsExactly(kept);
    }

    @Test
    void deadLettersGoOnlyLongAfterTheirReplayNeverBefore() {
        DeadLetterStore letters = port(DeadLetterStore.class);
        DeadLetter oldUnreplayed = letters.park(letter("1", LONG_AGO));
        DeadLetter replayedLongAgo = letters.park(letter("2", LONG_AGO));
        letters.markReplayed(replayedLongAgo.id(), LONG_AGO.plusSeconds(60));
        DeadLetter replayedRecently = letters.park(letter("3", LONG_AGO));
        letters.markReplayed(replayedRecently.id(), START.minus(Duration.ofDays(1)));

        assertThat(retention().purgeReplayedDeadLetters(CUTOFF)).isEqualTo(1);

        assertThat(letters.find(oldUnreplayed.id())).isPresent();
        assertThat(letters.find(replayedRecently.id())).isPresent();
        assertThat(letters.find(replayedLongAgo.id())).isEmpty();
    }

    private static DeadLetter letter(String entity, Instant at) {
        return DeadLetter.park(InboundEvent.received(ExternalSystem.JIRA, "jira:issue_updated", entity,
                "jira:" + entity + ":" + at, at, "{\"issue\":{}}"), "HTTP 500", 5, at);
    }

    /** Written as the inbox leaves rows, so the purge is tested against every status the table allows. */
    private UUID event(String status, Instant completedAt, String entity) {
        UUID id = UUID.randomUUID();
        jdbc().sql("""
                        INSERT INTO inbound_events (id, source_system, event_kind, entity_id, dedup_key, received_at,
                                                    payload, status, claim_key, claimed_at, completed_at)
                        VALUES (:id, 'JIRA', 'jira:issue_updated', :entity, :dedupKey, :receivedAt,
                                '{"issue":{"id":"1"}}', :status, :claimKey, :claimedAt, :completedAt)
                        """)
                .param("id", id)
                .param("entity", entity)
                .param("dedupKey", "jira:" + id)
                .param("receivedAt", SqlInstants.toColumn(LONG_AGO))
                .param("status", status)
                .param("claimKey", "CLAIMED".equals(status) ? "JIRA:" + entity : null)
                .param("claimedAt", "CLAIMED".equals(status) ? SqlInstants.toColumn(LONG_AGO) : null)
                .param("completedAt", SqlInstants.toColumn(completedAt))
                .update();
        return id;
    }

    private List<UUID> eventIds() {
        return jdbc().sql("SELECT id FROM inbound_events").query(UUID.class).list();
    }

    private String payload(UUID id) {
        return jdbc().sql("SELECT payload FROM inbound_events WHERE id = :id").param("id", id).query(String.class).single();
    }
}
