package io.retrobridge.insight.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * One event behind a figure: the run it is about, when it finished, and what made it count.
 *
 * @param application the run's application
 * @param source      the system that reported the run
 * @param runId       the run's id there
 * @param at          when the run finished
 * @param runUrl      where people open the run; null when unknown
 * @param note        why it counts, e.g. "rolled back by GITHUB:981"
 * @param duration    the time it contributes (lead or recovery time); null for a count
 */
public record DeliveryEvent(String application, String source, String runId, Instant at, String runUrl, String note,
                            Duration duration) {
}
