package io.retrobridge.mapping;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the admin's mapping files live, and how often {@code routes/mappings-reload.yaml} looks for edits.
 *
 * @param dir            the folder with action-items.yaml and escalations.yaml (env RETROBRIDGE_MAPPINGS_DIR; the
 *                       older name retrobridge.mappings-dir still works)
 * @param reloadInterval how often the files are checked for changes; a changed, valid file is in force from the
 *                       next sync, an invalid one is refused and the running mapping kept (at least 100ms)
 */
@Validated
@ConfigurationProperties(MappingSettings.PREFIX)
public record MappingSettings(
        @DefaultValue("./mappings") Path dir,
        @NotNull(message = "a duration such as 2s")
        @DurationMin(millis = 100, message = "a duration of at least 100ms, e.g. 2s")
        @DefaultValue("2s") Duration reloadInterval) {

    public static final String PREFIX = "retrobridge.mappings";
}
