package io.retrobridge.mapping;

import java.time.Instant;
import java.util.List;

/**
 * An edit of the mapping files that was refused; the mapping that was running before keeps running.
 *
 * @param contentHash the refused text's hash, so the same broken text is reported only once
 */
public record MappingRefusal(Instant at, List<MappingProblem> problems, String contentHash) {

    public MappingRefusal {
        problems = List.copyOf(problems);
    }
}
