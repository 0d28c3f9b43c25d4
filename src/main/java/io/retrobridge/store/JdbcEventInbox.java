package io.retrobridge.store;

import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.ClaimLostException;
import io.retrobridge.sync.ClaimedEvent;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.InboxOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbound_events table. Status goes PENDING -> CLAIMED -> APPLIED | SKIPPED | PARKED, or back from CLAIMED to
 * PENDING when the event is deferred (deferrals counts how often, not_before says until when). Each claim adds one to
 * claim_token, and every later change by the claimer names it, so a stale claimer changes nothing. While an event is
 * CLAIMED its claim_key names its entity, and a unique constraint on claim_key is what keeps two events of one
 * entity from being claimed at once, whichever thread or instance tries.
 */
@Repository
public class JdbcEventInbox implements EventInbox {

    private static final String PENDING = "PENDING";
    private static final String CLAIMED = "CLAIMED";

    private final JdbcClient jdbc;
    private final Clock clock;
    // Each accept and each claim commits on its own, so a refused one (duplicate key) never spoils a caller's
    // transaction and an accepted event is durable before the delivery is acknowledged.
    private final TransactionTemplate ownTransaction;

    public JdbcEventInbox(JdbcClient jdbc, PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public boolean accept(InboundEvent event) {
        return accept(event, null);
    }

    @Override
    public boolean accept(InboundEvent event, Instant notBefore) {
        try {
            ownTransaction.executeWithoutResult(status -> InboundEventColumns.bind(jdbc.sql(
                            "INSERT INTO inbound_events (id, " + InboundEventColumns.NAMES + ", status, not_before)"
                                    + " VALUES (:id, " + InboundEventColumns.PARAMETERS + ", 'PENDING', :notBefore)"),
                            event)
                    .param("id", event.id())
                    .param("notBefore", SqlInstants.toColumn(notBefore))
                    .update());
            return true;
        } catch (DuplicateKeyException e) {
            if (dedupKeySeen(event.dedupKey())) {
                return false;
            }
            throw new IllegalArgumentException("Inbound event id " + event.id() + " is already used by another event;"
                    + " give each new event a fresh id (InboundEvent.received).", e);
        }
    }

    @Override
    public boolean hasSeen(String dedupKey) {
        return dedupKeySeen(dedupKey);
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<ClaimedEvent> claimNext(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1 but was " + max);
        }
        // Candidates: for each entity with nothing claimed, its oldest waiting event, if it is not deferred past now.
        List<InboundEvent> candidates = jdbc.sql("""
                        SELECT e.id, e.source_system, e.event_kind, e.entity_id, e.dedup_key, e.received_at, e.payload
                          FROM inbound_events e
                         WHERE e.status = 'PENDING'
                           AND (e.not_before IS NULL OR e.not_before <= :now)
                           AND NOT EXISTS (SELECT 1 FROM inbound_events o
                                            WHERE o.source_system = e.source_system AND o.entity_id = e.entity_id
                                              AND (o.status = 'CLAIMED' OR (o.status = 'PENDING' AND o.arrival_seq < e.arrival_seq)))
                         ORDER BY e.arrival_seq
                         FETCH FIRST :max ROWS ONLY
                        """)
                .param("now", SqlInstants.toColumn(clock.instant()))
                .param("max", max)
                .query((row, rowNumber) -> InboundEventColumns.read(row, "id"))
                .list();
        List<ClaimedEvent> claimed = new ArrayList<>();
        for (InboundEvent candidate : candidates) {
            claim(candidate).ifPresent(claimed::add);
        }
        return claimed;
    }

    // Empty when another claimer was first: the event is no longer pending, or its entity is claimed already.
    private Optional<ClaimedEvent> claim(InboundEvent event) {
        try {
            return ownTransaction.execute(status -> {
                int updated = jdbc.sql("""
                                UPDATE inbound_events SET status = 'CLAIMED', claim_key = :claimKey, claimed_at = :now,
                                       claim_token = claim_token + 1
                                 WHERE id = :id AND status = 'PENDING'
                                """)
                        .param("claimKey", claimKey(event))
                        .param("now", SqlInstants.toColumn(clock.instant()))
                        .param("id", event.id())
                        .update();
                if (updated != 1) {
                    return Optional.<ClaimedEvent>empty();
                }
                // Read in the same transaction: the row is locked by the update, so this is our claim's token.
                return Optional.of(jdbc.sql("SELECT claim_token, deferred_since FROM inbound_events WHERE id = :id")
                        .param("id", event.id())
                        .query((row, n) -> new ClaimedEvent(event, row.getLong("claim_token"),
                                SqlInstants.fromColumn(row, "deferred_since")))
                        .single());
            });
        } catch (DuplicateKeyException | ConcurrencyFailureException entityAlreadyClaimed) {
            return Optional.empty();
        }
    }

    @Override
    public void complete(ClaimedEvent claim, InboxOutcome outcome, String reason) {
        int updated = jdbc.sql("""
                        UPDATE inbound_events
                           SET status = :outcome, claim_key = NULL, completed_at = :now, outcome_reason = :reason,
                               not_before = NULL
                         WHERE id = :id AND status = 'CLAIMED' AND claim_token = :token
                        """)
                .param("outcome", outcome.name())
                .param("now", SqlInstants.toColumn(clock.instant()))
                .param("reason", reason)
                .param("id", claim.event().id())
                .param("token", claim.token())
                .update();
        if (updated == 0) {
            throw notHeld(claim, "completed");
        }
    }

    @Override
    public boolean defer(ClaimedEvent claim, String reason, Instant notBefore) {
        Instant now = clock.instant();
        // One statement, so the count read back is this deferral's even if the row is claimed again at once.
        Integer deferrals = ownTransaction.execute(status -> {
            int updated = jdbc.sql("""
                            UPDATE inbound_events
                               SET status = 'PENDING', claim_key = NULL, claimed_at = NULL, outcome_reason = :reason,
                                   deferrals = deferrals + 1, not_before = :notBefore,
                                   deferred_since = COALESCE(deferred_since, :now)
                             WHERE id = :id AND status = 'CLAIMED' AND claim_token = :token
                            """)
                    .param("reason", reason)
                    .param("notBefore", SqlInstants.toColumn(notBefore.isBefore(now) ? now : notBefore))
                    .param("now", SqlInstants.toColumn(now))
                    .param("id", claim.event().id())
                    .param("token", claim.token())
                    .update();
            if (updated == 0) {
                throw notHeld(claim, "deferred");
            }
            return jdbc.sql("SELECT deferrals FROM inbound_events WHERE id = :id")
                    .param("id", claim.event().id()).query(Integer.class).single();
        });
        return deferrals != null && deferrals == 1;
    }

    @Override
    public boolean renew(ClaimedEvent claim) {
        Integer updated = ownTransaction.execute(status -> jdbc.sql("""
                        UPDATE inbound_events SET claimed_at = :now
                         WHERE id = :id AND status = 'CLAIMED' AND claim_token = :token
                        """)
                .param("now", SqlInstants.toColumn(clock.instant()))
                .param("id", claim.event().id())
                .param("token", claim.token())
                .update());
        return updated != null && updated == 1;
    }

    @Override
    public boolean handBack(ClaimedEvent claim) {
        Integer updated = ownTransaction.execute(status -> jdbc.sql("""
                        UPDATE inbound_events SET status = 'PENDING', claim_key = NULL, claimed_at = NULL
                         WHERE id = :id AND status = 'CLAIMED' AND claim_token = :token
                        """)
                .param("id", claim.event().id())
                .param("token", claim.token())
                .update());
        return updated != null && updated == 1;
    }

    private RuntimeException notHeld(ClaimedEvent claim, String done) {
        UUID eventId = claim.event().id();
        Optional<String> status = statusOf(eventId);
        if (status.isEmpty()) {
            return new NoSuchElementException("There is no inbound event " + eventId + " to be " + done + ".");
        }
        String state = "it is " + status.get() + (CLAIMED.equals(status.get()) ? " under a newer claim" : ", not CLAIMED")
                + (PENDING.equals(status.get()) ? "; its claim was released after it went stale" : "")
                + "; only an event returned by claimNext can be " + done + ", and only once per claim";
        return new ClaimLostException(eventId, claim.token(), state);
    }

    @Override
    public int releaseClaimsBefore(Instant claimedBefore) {
        return jdbc.sql("""
                        UPDATE inbound_events SET status = 'PENDING', claim_key = NULL, claimed_at = NULL
                         WHERE status = 'CLAIMED' AND claimed_at < :before
                        """)
                .param("before", SqlInstants.toColumn(claimedBefore))
                .update();
    }

    @Override
    public long pendingCount() {
        return jdbc.sql("SELECT COUNT(*) FROM inbound_events WHERE status IN ('PENDING', 'CLAIMED')")
                .query(Long.class).single();
    }

    @Override
    public long dueCount(Instant now) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM inbound_events
                         WHERE status IN ('PENDING', 'CLAIMED') AND (not_before IS NULL OR not_before <= :now)
                        """).param("now", SqlInstants.toColumn(now)).query(Long.class).single();
    }

    private boolean dedupKeySeen(String dedupKey) {
        return jdbc.sql("SELECT COUNT(*) FROM inbound_events WHERE dedup_key = :dedupKey")
                .param("dedupKey", dedupKey).query(Long.class).single() > 0;
    }

    private Optional<String> statusOf(UUID eventId) {
        return jdbc.sql("SELECT status FROM inbound_events WHERE id = :id")
                .param("id", eventId).query(String.class).optional();
    }

    private static String claimKey(InboundEvent event) {
        return event.source().name() + ":" + event.entityId();
    }
}
