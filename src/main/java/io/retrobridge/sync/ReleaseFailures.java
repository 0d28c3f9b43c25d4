package io.retrobridge.sync;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The failed releases of each program, so that a run of them can open one program-level retrospective. A release is
 * recorded once, by its release key, however often its facts arrive.
 */
public interface ReleaseFailures {

    /**
     * One failed release of a program.
     *
     * @param releaseKey  {@code change:<number>} or {@code release:<application>:<environment>:<version>}
     * @param application null when the release names none
     * @param failedAt    when it ended: the change's closure or the deployment's end
     * @param coveredBy   the key of the program retrospective that covers it; null while none does
     */
    record FailedRelease(String releaseKey, String program, String application, Instant failedAt, String coveredBy) {
        public FailedRelease {
            if (releaseKey == null || releaseKey.isBlank() || program == null || program.isBlank()) {
                throw new IllegalArgumentException("a failed release needs its release key and program");
            }
            Objects.requireNonNull(failedAt, "failedAt");
        }
    }

    /** @return false when this release key is recorded already; nothing changes then */
    boolean record(FailedRelease failure);

    /** The program's failures that ended in [from, to] and no program retrospective covers yet, oldest first. */
    List<FailedRelease> uncovered(String program, Instant from, Instant to);

    /** Marks these releases as covered by the program retrospective {@code programKey}. */
    void cover(Collection<String> releaseKeys, String programKey);
}
