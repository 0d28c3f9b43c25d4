package io.retrobridge.flow.changes;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When change requests are polled for their Jira mirror ({@code routes/change-records.yaml} reads these keys).
 * Nothing is polled while the mappings folder has no change-records.yaml; {@code retrobridge.sync.enabled=false}
 * stops these routes with the action-item ones. Checked at start-up.
 *
 * @param pollInterval        time between two polls of ServiceNow's change_request table, at least 1s
 * @param firstPollDelay      wait after start-up before the first poll, 0s or more
 * @param intentSweepInterval time between two looks for mirror creates whose answer was lost, at least 1s
 */
@Validated
@ConfigurationProperties("retrobridge.change-records")
public record ChangeRecordsProperties(
        @NotNull(message = "a duration such as 1m or 30s")
        @DurationMin(seconds = 1, message = "a duration of at least 1s, e.g. 1m or 30s")
        @DefaultValue("1m") Duration pollInterval,
        @NotNull(message = "a duration such as 30s")
        @DurationMin(seconds = 0, message = "a duration of 0s or more, e.g. 30s")
        @DefaultValue("10s") Duration firstPollDelay,
        @NotNull(message = "a duration such as 1m")
        @DurationMin(seconds = 1, message = "a duration of at least 1s, e.g. 1m")
        @DefaultValue("1m") Duration intentSweepInterval) {
}
