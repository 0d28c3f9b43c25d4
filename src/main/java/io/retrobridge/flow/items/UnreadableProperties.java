package io.retrobridge.flow.items;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When linked records that answer 404 add up to a likely permission change. A record that cannot be read is never
 * taken for deleted (nothing is changed on the other side); when more than {@code burstThreshold} linked records of
 * one system turn unreadable within {@code window}, the {@code links} health component says so and one WARN line
 * is logged. Checked at start-up.
 *
 * @param burstThreshold how many unreadable linked records of one system within the window are still quiet; one
 *                       more is reported (1 or more, default 5)
 * @param window         how far back unreadable records are counted (at least 1s, default 15m)
 * @param recheckInterval how often unreadable linked records are read again, so that once access is back the
 *                        changes skipped meanwhile are synced without waiting for the next edit (at least 1s,
 *                        default 5m; routes/unreadable-recheck.yaml reads the same key)
 */
@Validated
@ConfigurationProperties("retrobridge.sync.unreadable")
public record UnreadableProperties(
        @Min(value = 1, message = "a whole number of 1 or more, e.g. 5")
        @Max(value = 100_000, message = "a whole number of at most 100000, e.g. 5")
        @DefaultValue("5") int burstThreshold,
        @NotNull(message = "a duration such as 15m")
        @DurationMin(seconds = 1, message = "a duration of at least 1s, e.g. 15m")
        @DefaultValue("15m") Duration window,
        @NotNull(message = "a duration such as 5m")
        @DurationMin(seconds = 1, message = "a duration of at least 1s, e.g. 5m")
        @DefaultValue("5m") Duration recheckInterval) {
}
