package io.retrobridge.retro;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.validation.annotation.Validated;

/**
 * How the follow-ups of retrospectives are kept locally ({@code routes/retrospective-follow-ups.yaml} reads the
 * interval and the delay; {@link FollowUpRefresh} the window). {@code retrobridge.sync.enabled=false} stops the
 * refresh with the sync. Checked at start-up.
 *
 * @param followUpWindow               which retrospectives' follow-ups are refreshed: those opened within this long
 *                                     before each refresh, at least 1s (older ones keep their last projection)
 * @param followUpRefreshInterval      time between two refreshes from ServiceNow, at least 1s
 * @param followUpFirstRefreshDelay    wait after start-up before the first refresh, 0s or more
 */
@Validated
@ConfigurationProperties("retrobridge.retrospectives")
public record RetrospectivesProperties(
        @NotNull(message = "a duration such as 180d")
        @DurationMin(seconds = 1, message = "a duration of at least 1s, e.g. 180d")
        @DefaultValue(FOLLOW_UP_WINDOW) Duration followUpWindow,
        @NotNull(message = "a duration such as 5m")
        @DurationMin(seconds = 1, message = "a duration of at least 1s, e.g. 5m")
        @DefaultValue(FOLLOW_UP_REFRESH_INTERVAL) Duration followUpRefreshInterval,
        @NotNull(message = "a duration such as 30s")
        @DurationMin(seconds = 0, message = "a duration of 0s or more, e.g. 30s")
        @DefaultValue(FOLLOW_UP_FIRST_REFRESH_DELAY) Duration followUpFirstRefreshDelay) {

    // Named once, for the binder and for instances built in code.
    private static final String FOLLOW_UP_WINDOW = "180d";
    private static final String FOLLOW_UP_REFRESH_INTERVAL = "5m";
    private static final String FOLLOW_UP_FIRST_REFRESH_DELAY = "30s";

    /** The defaults, for tests and tools. */
    public static RetrospectivesProperties defaults() {
        return new RetrospectivesProperties(DurationStyle.detectAndParse(FOLLOW_UP_WINDOW),
                DurationStyle.detectAndParse(FOLLOW_UP_REFRESH_INTERVAL),
                DurationStyle.detectAndParse(FOLLOW_UP_FIRST_REFRESH_DELAY));
    }
}
