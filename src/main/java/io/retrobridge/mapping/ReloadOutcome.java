package io.retrobridge.mapping;

import java.util.List;

/**
 * The result of one reload attempt.
 *
 * @param running  the mapping in force afterwards (the new one when reloaded, the previous one otherwise)
 * @param problems why the files were refused; empty unless {@code result} is {@link Result#REFUSED}
 */
public record ReloadOutcome(Result result, LoadedMappings running, List<MappingProblem> problems) {

    public enum Result {
        /** The files are as they were at the last attempt; nothing was loaded. */
        UNCHANGED,
        /** The files were valid and are now in force. */
        RELOADED,
        /** The files are invalid; the previous mapping keeps running. */
        REFUSED
    }

    public ReloadOutcome {
        problems = List.copyOf(problems);
    }
}
