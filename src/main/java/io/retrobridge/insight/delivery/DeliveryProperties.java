package io.retrobridge.insight.delivery;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.validation.annotation.Validated;

/**
 * The choices DORA leaves open in the delivery metrics. Checked at start-up.
 *
 * @param failureWindow how long after a production deployment a rollback or an alert linked to it marks the
 *                      deployment failed (the change fail rate); also how far past the report's window restoration is
 *                      looked for
 * @param reworkWindow  how long after a failed deployment finished a deployment of the same application, started in
 *                      that time, counts as rework (the deployment rework rate)
 */
@Validated
@ConfigurationProperties("retrobridge.delivery")
public record DeliveryProperties(
        @NotNull(message = "a duration such as 24h")
        @DurationMin(seconds = 1, message = "a duration of at least 1s, e.g. 24h")
        @DefaultValue(FAILURE_WINDOW) Duration failureWindow,
        @NotNull(message = "a duration such as 24h")
        @DurationMin(seconds = 1, message = "a duration of at least 1s, e.g. 24h")
        @DefaultValue(REWORK_WINDOW) Duration reworkWindow) {

    // Named once, for the binder and for instances built in code.
    private static final String FAILURE_WINDOW = "24h";
    private static final String REWORK_WINDOW = "24h";

    /** The defaults, for tests and tools. */
    public static DeliveryProperties defaults() {
        return new DeliveryProperties(DurationStyle.detectAndParse(FAILURE_WINDOW),
                DurationStyle.detectAndParse(REWORK_WINDOW));
    }

    public DeliveryRules rules() {
        return new DeliveryRules(failureWindow, reworkWindow);
    }
}
