package io.retrobridge.mapping;

import java.time.Instant;
import java.util.Optional;

/**
 * What is running and whether the last edit was refused, for health and the admin API.
 *
 * @param loadedAt when {@code running} was put in force
 */
public record MappingStatus(LoadedMappings running, Instant loadedAt, Optional<MappingRefusal> lastRefusal) {
}
