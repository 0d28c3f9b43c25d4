package io.retrobridge.insight.gauges;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.validation.annotation.Validated;

/**
 * How the report gauges are kept ({@code routes/report-gauges.yaml} reads the interval and the delay;
 * {@link ReportGauges} the windows). {@code retrobridge.sync.enabled=false} stops the refresh with the sync. Checked
 * at start-up.
 *
 * @param deliveryWindow      the rolling window the delivery figures are computed over, ending at each refresh, at
 *                            least 1d
 * @param effectivenessWindow the rolling window of the effectiveness figures: retrospectives opened within it, ending
 *                            at each refresh, at least 1d
 * @param refreshInterval     time between two refreshes of the figures, at least 1s
 * @param firstRefreshDelay   wait after start-up before the first refresh, 0s or more
 */
@Validated
@ConfigurationProperties("retrobridge.report-gauges")
public record ReportGaugesProperties(
        @NotNull(message = "a duration such as 30d")
        @DurationMin(days = 1, message = "a duration of at least 1d, e.g. 30d")
        @DefaultValue(DELIVERY_WINDOW) Duration deliveryWindow,
        @NotNull(message = "a duration such as 90d")
        @DurationMin(days = 1, message = "a duration of at least 1d, e.g. 90d")
        @DefaultValue(EFFECTIVENESS_WINDOW) Duration effectivenessWindow,
        @NotNull(message = "a duration such as 5m")
        @DurationMin(seconds = 1, message = "a duration of at least 1s, e.g. 5m")
        @DefaultValue(REFRESH_INTERVAL) Duration refreshInterval,
        @NotNull(message = "a duration such as 30s")
        @DurationMin(seconds = 0, message = "a duration of 0s or more, e.g. 30s")
        @DefaultValue(FIRST_REFRESH_DELAY) Duration firstRefreshDelay) {

    // Named once, for the binder and for instances built in code.
    private static final String DELIVERY_WINDOW = "30d";
    private static final String EFFECTIVENESS_WINDOW = "90d";
    private static final String REFRESH_INTERVAL = "5m";
    private static final String FIRST_REFRESH_DELAY = "30s";

    /** The defaults, for tests and tools. */
    public static ReportGaugesProperties defaults() {
        return new ReportGaugesProperties(DurationStyle.detectAndParse(DELIVERY_WINDOW),
                DurationStyle.detectAndParse(EFFECTIVENESS_WINDOW), DurationStyle.detectAndParse(REFRESH_INTERVAL),
                DurationStyle.detectAndParse(FIRST_REFRESH_DELAY));
    }
}
