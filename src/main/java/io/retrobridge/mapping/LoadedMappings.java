package io.retrobridge.mapping;

import java.nio.file.Path;
import java.util.List;

/**
 * A complete, valid set of mapping files. Immutable, so a running service can swap in a new one on
 * reload and keep the old one when the new files are refused.
 *
 * @param files the files read, relative to {@code dir}
 */
public record LoadedMappings(Path dir, List<String> files, ActionItemsDefinition actionItemsDefinition,
                             ActionItemMapping actionItems) {

    public LoadedMappings {
        files = List.copyOf(files);
    }

    /** Classification rules across all files (the default of each rule set not counted). */
    public int ruleCount() {
        return actionItemsDefinition.classification().rules().size();
    }
}
