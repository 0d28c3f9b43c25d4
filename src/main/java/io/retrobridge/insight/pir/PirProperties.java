package io.retrobridge.insight.pir;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.validation.annotation.Validated;

/**
 * Whether PIR figures are collected and how long a collection keeps trying while the monitoring cannot answer. What
 * is collected, when, over which windows and where it is written is in {@code mappings/pir-metrics.yaml}. Checked at
 * start-up.
 *
 * @param enabled     false collects no PIR figures, whatever pir-metrics.yaml says (nothing is queued or asked)
 * @param retryEvery  how long to wait before asking the monitoring again when it was down, slow or overloaded
 * @param giveUpAfter how long after the first attempt a collection stops asking again; its summary then stays
 *                    marked incomplete with the monitoring's last answer
 */
@Validated
@ConfigurationProperties("retrobridge.pir")
public record PirProperties(
        @DefaultValue(ENABLED) boolean enabled,
        @NotNull(message = "a duration such as 15m")
        @DurationMin(seconds = 1, message = "a duration of at least 1s, e.g. 15m")
        @DefaultValue(RETRY_EVERY) Duration retryEvery,
        @NotNull(message = "a duration such as 24h")
        @DurationMin(seconds = 0, message = "a duration of 0s or more, e.g. 24h")
        @DefaultValue(GIVE_UP_AFTER) Duration giveUpAfter) {

    // Named once, for the binder and for instances built in code.
    private static final String ENABLED = "true";
    private static final String RETRY_EVERY = "15m";
    private static final String GIVE_UP_AFTER = "24h";

    /** The defaults, for tests and tools. */
    public static PirProperties defaults() {
        return new PirProperties(Boolean.parseBoolean(ENABLED), DurationStyle.detectAndParse(RETRY_EVERY),
                DurationStyle.detectAndParse(GIVE_UP_AFTER));
    }
}
