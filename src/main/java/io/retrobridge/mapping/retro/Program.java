package io.retrobridge.mapping.retro;

import java.util.Optional;
import java.util.Set;

/**
 * Applications released together and reviewed together when they keep failing.
 *
 * @param applications the names deployments and change records carry (application, configuration item)
 * @param threshold    when a program-level retrospective opens; empty for never
 */
public record Program(String id, Set<String> applications, Optional<ProgramThreshold> threshold) {

    public Program {
        applications = Set.copyOf(applications);
    }
}
