package io.retrobridge.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One firing of one Alertmanager alert: from when it started until it was resolved. Alertmanager names an alert by its
 * fingerprint (a hash of its labels) within its notification group; the same alert firing again later starts a new
 * firing, told apart by its start.
 *
 * @param groupKey       the notification group Alertmanager sent it in
 * @param fingerprint    Alertmanager's fingerprint of its labels
 * @param name           the {@code alertname} label
 * @param service        the service it is about, read from the labels the settings name; null when none says
 * @param environment    the environment it is about, lower case; null when no label says
 * @param severity       the {@code severity} label; null when absent
 * @param summary        the {@code summary} (else {@code description}) annotation; null when absent
 * @param startsAt       when it started firing (detection)
 * @param endsAt         when it was resolved (recovery); null while firing
 * @param generatorUrl   where the expression that fired is graphed; null when absent
 * @param labels         every label, sorted
 * @param deploymentRun  the last production deployment of the same service before it fired ({@code SOURCE:runId}),
 *                       null when none is known
 */
public record Alert(String groupKey, String fingerprint, String name, String service, String environment,
                    String severity, String summary, Instant startsAt, Instant endsAt, String generatorUrl,
                    Map<String, String> labels, String deploymentRun) {

    public Alert {
        RecordArguments.notBlank(groupKey, "groupKey");
        RecordArguments.identifier(fingerprint, "fingerprint");
        RecordArguments.notBlank(name, "name");
        RecordArguments.required(startsAt, "startsAt");
        if (endsAt != null && endsAt.isBefore(startsAt)) {
            throw new IllegalArgumentException("alert " + name + " ends at " + endsAt + ", before it starts at " + startsAt);
        }
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    public boolean resolved() {
        return endsAt != null;
    }

    /** How long it fired, once resolved: the time to restore it measures. */
    public Optional<Duration> firedFor() {
        return Optional.ofNullable(endsAt).map(end -> Duration.between(startsAt, end));
    }

    public Alert linkedTo(String run) {
        return new Alert(groupKey, fingerprint, name, service, environment, severity, summary, startsAt, endsAt,
                generatorUrl, labels, run);
    }
}
