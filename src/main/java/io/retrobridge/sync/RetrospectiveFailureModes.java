package io.retrobridge.sync;

import io.retrobridge.domain.Retrospective;
import java.util.Set;

/**
 * The failure modes a retrospective's action items are tagged with, read where the action items live. A PIR names
 * those no metric or alert rule watches as data gaps.
 */
public interface RetrospectiveFailureModes {

    /**
     * The failure-mode tags of the action items under the retrospective's record, each once; empty when the
     * retrospective has no such record yet or none of its items is tagged.
     */
    Set<String> failureModes(Retrospective retrospective);
}
