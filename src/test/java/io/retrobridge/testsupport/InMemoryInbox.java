package io.retrobridge.testsupport;

import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.ClaimedEvent;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.InboxOutcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * An inbox in memory for tests of what queues events (triggers, pollers, the gate's decision queue): it keeps what
 * is accepted, each dedup key once and in order, with the time it is held back until, and hands nothing out; a test
 * hands the events on itself. It says false to {@link #hasSeen}, as an inbox that cannot tell does.
 */
public final class InMemoryInbox implements EventInbox {

    /** An accepted event and the time it is held back until; null when it is due at once. */
    public record Held(InboundEvent event, Instant notBefore) {
    }

    private final Map<String, Held> held = new LinkedHashMap<>();
    private int offered;
    private String refusing;

    @Override
    public boolean accept(InboundEvent event) {
        return accept(event, null);
    }

    @Override
    public boolean accept(InboundEvent event, Instant notBefore) {
        offered++;
        if (refusing != null && event.dedupKey().startsWith(refusing)) {
            refusing = null;
            throw new IllegalStateException("database unavailable");
        }
        return held.putIfAbsent(event.dedupKey(), new Held(event, notBefore)) == null;
    }

    /** The next event whose dedup key starts with {@code dedupKeyPrefix} fails to be stored: the database is down. */
    public void refuseNext(String dedupKeyPrefix) {
        refusing = dedupKeyPrefix;
    }

    /** The dedup key prefix still to be refused; null once an event was refused (or none was asked for). */
    public String refusing() {
        return refusing;
    }

    /** How often an event was offered, stored or not. */
    public int offered() {
        return offered;
    }

    /** The events stored, oldest first. */
    public List<InboundEvent> accepted() {
        return held.values().stream().map(Held::event).toList();
    }

    /** The events stored, oldest first, with their not-before times. */
    public List<Held> all() {
        return List.copyOf(held.values());
    }

    @Override
    public List<ClaimedEvent> claimNext(int max) {
        return List.of();
    }

    @Override
    public void complete(ClaimedEvent claim, InboxOutcome outcome, String reason) {
        throw new NoSuchElementException("this inbox hands no event out: " + claim);
    }

    @Override
    public boolean defer(ClaimedEvent claim, String reason, Instant notBefore) {
        throw new NoSuchElementException("this inbox hands no event out: " + claim);
    }

    @Override
    public boolean renew(ClaimedEvent claim) {
        return false;
    }

    @Override
    public boolean handBack(ClaimedEvent claim) {
        return false;
    }

    @Override
    public int releaseClaimsBefore(Instant claimedBefore) {
        return 0;
    }

    @Override
    public long pendingCount() {
        return held.size();
    }

    @Override
    public long dueCount(Instant now) {
        return held.values().stream().filter(h -> h.notBefore() == null || !h.notBefore().isAfter(now)).count();
    }
}
