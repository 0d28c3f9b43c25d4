package io.retrobridge.sync;

import io.retrobridge.domain.Retrospective;
import java.util.Set;

/**
 * The failure modes a retrospective names: the failure-mode tags of its action items (and of the retrospective itself
 * where its system keeps one). The PIR collection compares them with what the PIR metrics and alert rules watch, so a
 * failure mode nobody monitors shows as a data gap. A system's adapter registers one; without it no failure mode is
 * known.
 */
public interface RetrospectiveFailureModes {

    /** The failure-mode tags, e.g. {@code config-drift}; empty when none is named or its records are not made yet. */
    Set<String> failureModes(Retrospective retrospective);
}
