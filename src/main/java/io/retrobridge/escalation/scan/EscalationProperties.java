package io.retrobridge.escalation.scan;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the escalation scan runs ({@code routes/escalation-scan.yaml} reads the same keys with the same defaults).
 * Checked at start-up: a bad value stops the service with a line naming the setting.
 *
 * @param enabled         false stops the scheduled scan; POST /api/admin/escalations/scan still runs one
 * @param scanInterval    time between scans, at least 1s
 * @param firstScanDelay  wait after start-up before the first scan, 0s or more
 */
@Validated
@ConfigurationProperties("retrobridge.escalation")
public record EscalationProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull(message = "a duration such as 1h or 20s")
        @DurationMin(seconds = 1, message = "a duration of at least 1s, e.g. 1h or 20s")
        @DefaultValue("1h") Duration scanInterval,
        @NotNull(message = "a duration such as 30s")
        @DurationMin(seconds = 0, message = "a duration of 0s or more, e.g. 30s")
        @DefaultValue("30s") Duration firstScanDelay) {
}
