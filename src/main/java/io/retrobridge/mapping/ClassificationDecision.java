package io.retrobridge.mapping;

import io.retrobridge.domain.Classification;
import java.util.List;

/**
 * A classification and, in words an admin understands, why it was made.
 *
 * @param notes anything unusual seen on the way (e.g. a pattern that gave up)
 */
public record ClassificationDecision(Classification classification, String reason, List<String> notes) {
    public ClassificationDecision {
        notes = List.copyOf(notes);
    }
}
