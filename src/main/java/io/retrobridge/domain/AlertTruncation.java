package io.retrobridge.domain;

import java.time.Instant;

/**
 * An Alertmanager notification that left alerts out ({@code truncatedAlerts > 0}, when a receiver's
 * {@code max_alerts} cut the group): what RetroBridge knows of that group's alerts is incomplete.
 *
 * @param groupKey   the group whose alerts were cut
 * @param receiver   the receiver that sent it
 * @param service    the service the group's common labels name; null when they name none
 * @param receivedAt when the notification arrived
 * @param truncated  how many alerts it left out
 */
public record AlertTruncation(String groupKey, String receiver, String service, Instant receivedAt, long truncated) {

    public AlertTruncation {
        RecordArguments.notBlank(groupKey, "groupKey");
        RecordArguments.required(receivedAt, "receivedAt");
        if (truncated <= 0) {
            throw new IllegalArgumentException("a truncation leaves out at least one alert, not " + truncated);
        }
    }
}
