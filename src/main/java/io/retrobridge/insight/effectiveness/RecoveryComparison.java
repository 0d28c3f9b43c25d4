package io.retrobridge.insight.effectiveness;

import java.time.Instant;

/**
 * Recovery of one retrospective's application before and after its corrective actions landed.
 *
 * @param landedAt when they landed ({@link TrackedRetrospective#landedAt})
 * @param before   [landedAt - window, landedAt)
 * @param after    [landedAt, landedAt + window)
 */
public record RecoveryComparison(String retrospective, String application, Instant landedAt, RecoveryWindow before,
                                 RecoveryWindow after) {
}
