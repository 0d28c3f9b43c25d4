package io.retrobridge.sync;

import io.retrobridge.domain.ExternalSystem;
import java.util.Locale;

/**
 * One system whose changes are polled: each round queues what changed since its watermark, and a backfill
 * queues everything in scope. An adapter registers one as a bean; the backfill and the watermark gauges then
 * cover it with no edit elsewhere.
 */
public interface ChangeSource {

    ExternalSystem system();

    /** Lower-case name for metrics and messages, e.g. {@code servicenow}. */
    default String name() {
        return system().name().toLowerCase(Locale.ROOT);
    }

    /** The name the poller's watermark is stored under. */
    String watermark();

    /** One poll from the watermark; returns how many new versions were queued. */
    int poll();

    /** Everything in scope, whatever the watermark says: the backfill. Returns how many versions were queued. */
    int pollAll();
}
