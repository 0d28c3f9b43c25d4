package io.retrobridge.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When the demo's payment-gateway releases happened, counted back from start-up: 4.1.3 nine days ago, 4.2.0 two days
 * ago, and the rollback to 4.1.3 forty minutes after it; each run takes seven minutes. The demo's pipeline reports
 * these runs and the simulated Prometheus records its metrics around the same instants, so both tell one story.
 *
 * @param previousStarted when the 4.1.3 run started
 * @param releaseStarted  when the 4.2.0 run started
 * @param rollbackStarted when the rollback run started
 */
public record DemoReleaseTimeline(Instant previousStarted, Instant releaseStarted, Instant rollbackStarted) {

    /** How long each pipeline run takes. */
    public static final Duration RUN_LENGTH = Duration.ofMinutes(7);

    /** The demo's history as seen from {@code now}, to the second. */
    public static DemoReleaseTimeline before(Instant now) {
        Instant start = now.truncatedTo(ChronoUnit.SECONDS);
        Instant release = start.minus(Duration.ofDays(2));
        return new DemoReleaseTimeline(start.minus(Duration.ofDays(9)), release, release.plus(Duration.ofMinutes(40)));
    }

    public static Instant finished(Instant started) {
        return started.plus(RUN_LENGTH);
    }

    public Instant releaseFinished() {
        return finished(releaseStarted);
    }

    public Instant rollbackFinished() {
        return finished(rollbackStarted);
    }

    /** The error-rate alert fires a few minutes after the failed release went out... */
    public Instant alertFired() {
        return releaseFinished().plus(Duration.ofMinutes(3));
    }

    /** ...and resolves a few minutes after the rollback finished. */
    public Instant alertResolved() {
        return rollbackFinished().plus(Duration.ofMinutes(4));
    }
}
