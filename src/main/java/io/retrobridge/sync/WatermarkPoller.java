package io.retrobridge.sync;

import io.retrobridge.domain.ExternalSystem;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChangeSource} that polls from a stored watermark. A round reads from the watermark less an overlap (or
 * everything in scope, for a backfill) and offers each version read to its {@link PollRound}; then the watermark
 * moves on, the versions read are counted and a round that queued anything says so in the log. A poller brings
 * only how it reads.
 */
public abstract class WatermarkPoller implements ChangeSource {

    // The concrete poller's logger: a round's line is filed under the poller that read it.
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final Polling polling;
    private final EventInbox inbox;
    private final WatermarkStore watermarks;
    private final ReceivedEvents received;
    private final Clock clock;

    /**
     * What a poller polls and how its rounds are told apart.
     *
     * @param watermark the name the watermark is stored under
     * @param overlap how far before the watermark a round reads again, for updates the remote system dates or
     *     indexes late
     * @param kind what the versions a round read are counted as in {@link ReceivedEvents}
     * @param queuedLine the log line of a round that queued something: {@code {}} for the versions queued, then
     *     {@code {}} for the versions read
     */
    public record Polling(String watermark, ExternalSystem system, Duration overlap, String kind, String queuedLine) {
    }

    protected WatermarkPoller(Polling polling, EventInbox inbox, WatermarkStore watermarks, ReceivedEvents received,
            Optional<Clock> clock) {
        this.polling = polling;
        this.inbox = inbox;
        this.watermarks = watermarks;
        this.received = received;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Reads what changed since {@link PollRound#since()} and offers each version to the round.
     *
     * @return false when there is nothing to read from (no scope): the round then leaves the watermark, the counts
     *     and the log alone
     */
    protected abstract boolean read(PollRound round);

    protected Clock clock() {
        return clock;
    }

    // Final, so the system and the watermark a round polls under are the ones the gauges and the backfill name.
    @Override
    public final ExternalSystem system() {
        return polling.system();
    }

    @Override
    public final String watermark() {
        return polling.watermark();
    }

    /** One poll from the watermark; returns how many new versions were queued. */
    @Override
    public int poll() {
        return poll(PollRound.fromWatermark(polling.watermark(), polling.system(), polling.overlap(), watermarks, inbox,
                clock));
    }

    /** Everything in scope, whatever the watermark says: the backfill. */
    @Override
    public int pollAll() {
        return poll(PollRound.everything(polling.watermark(), polling.system(), inbox, clock));
    }

    private int poll(PollRound round) {
        if (!read(round)) {
            return 0;
        }
        int queued = round.finish(watermarks);
        round.countInto(received, polling.kind());
        if (queued > 0) {
            log.info(polling.queuedLine(), queued, round.seen());
        }
        return queued;
    }
}
