package io.retrobridge.sync;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.Watermark;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * One poll of one system: each version read goes to the inbox (which drops versions it has seen), and
 * the newest update time read becomes the next watermark. Pollers differ only in how they read.
 *
 * <p>A watermark never passes "now" less {@link #CLOCK_SKEW}: an imported record or a remote clock running
 * ahead can carry an update time in the future, and a watermark there would make every poll until then read
 * from the future and miss what is changed meanwhile. Such a record is still queued; it is just not trusted
 * as a clock.
 */
public final class PollRound {

    /** How far behind our own clock a watermark stays at most, for a remote clock slightly ahead of ours. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final String poller;
    private final ExternalSystem system;
    private final EventInbox inbox;
    private final Clock clock;
    private final Instant since;
    private Instant newest;
    private final Set<String> idsAtNewest = new HashSet<>();
    private int seen;
    private int queued;

    private PollRound(String poller, ExternalSystem system, EventInbox inbox, Clock clock, Instant since) {
        this.poller = poller;
        this.system = system;
        this.inbox = inbox;
        this.clock = clock;
        this.since = since;
        this.newest = since;
    }

    /** A round from the stored watermark minus {@code overlap}, or from the beginning when there is none. */
    public static PollRound fromWatermark(String poller, ExternalSystem system, Duration overlap, WatermarkStore watermarks,
            EventInbox inbox, Clock clock) {
        // A watermark stored in the future (before it was clamped) is read as "now", so polling resumes at once.
        Instant ceiling = clock.instant().minus(CLOCK_SKEW);
        Instant since = watermarks.find(poller).map(w -> (w.at().isAfter(ceiling) ? ceiling : w.at()).minus(overlap))
                .orElse(Instant.EPOCH);
        return new PollRound(poller, system, inbox, clock, since);
    }

    /** A round over everything in scope, whatever the watermark says: the backfill. */
    public static PollRound everything(String poller, ExternalSystem system, EventInbox inbox, Clock clock) {
        return new PollRound(poller, system, inbox, clock, Instant.EPOCH);
    }

    public Instant since() {
        return since;
    }

    /** One version read: queued unless the inbox has it already. */
    public void offer(String kind, String entityId, String version, Instant updated) {
        offer(kind, entityId, version, updated, "");
    }

    /** Whether the inbox has not seen this version yet, so what the page asks about it is worth asking. */
    public boolean isNew(String kind, String entityId, String version) {
        return !inbox.hasSeen(dedupKey(kind, entityId, version));
    }

    /**
     * One version read, with what the page read about it ({@code payload}, the record and its look-ups, in the
     * poller's own form): queued unless the inbox has it already.
     */
    public void offer(String kind, String entityId, String version, Instant updated, String payload) {
        seen++;
        String dedupKey = dedupKey(kind, entityId, version);
        if (inbox.accept(InboundEvent.received(system, kind, entityId, dedupKey, clock.instant(), payload))) {
            queued++;
        }
        if (updated.isAfter(newest)) {
            newest = updated;
            idsAtNewest.clear();
        }
        idsAtNewest.add(entityId);
    }

    private static String dedupKey(String kind, String entityId, String version) {
        return kind + ":" + entityId + ":" + version;
    }

    /**
     * Moves the watermark to the newest update read, but never past now less {@link #CLOCK_SKEW}; returns how
     * many versions were queued.
     */
    public int finish(WatermarkStore watermarks) {
        Instant ceiling = clock.instant().minus(CLOCK_SKEW);
        boolean future = newest.isAfter(ceiling);
        Instant at = future ? ceiling : newest;
        if (at.isAfter(since)) {
            watermarks.save(new Watermark(poller, at, future ? Set.of() : idsAtNewest));
        }
        return queued;
    }

    /** Counts the versions this round read: accepted when new to the inbox, duplicate when they were known. */
    public void countInto(ReceivedEvents received, String kind) {
        received.count(system, kind, ReceivedEvents.Result.ACCEPTED, queued);
        received.count(system, kind, ReceivedEvents.Result.DUPLICATE, seen - queued);
    }

    public int seen() {
        return seen;
    }

    public int queued() {
        return queued;
    }
}
