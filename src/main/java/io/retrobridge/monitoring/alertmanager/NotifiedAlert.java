package io.retrobridge.monitoring.alertmanager;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One alert of a notification, as Alertmanager reported it.
 *
 * @param resolved     whether its status is {@code resolved}
 * @param labels       its labels, sorted by name
 * @param summary      the {@code summary} annotation, else {@code description}; null when neither is given
 * @param startsAt     when it started firing
 * @param endsAt       the end Alertmanager reported; null when it sent none or its zero time
 *                     ({@code 0001-01-01T00:00:00Z}, what it sends while an alert fires)
 * @param generatorUrl where the expression that fired is graphed; null when absent
 * @param fingerprint  Alertmanager's fingerprint, or the one derived from the labels when the sender gave none
 */
record NotifiedAlert(boolean resolved, Map<String, String> labels, String summary, Instant startsAt, Instant endsAt,
                     String generatorUrl, String fingerprint) {

    NotifiedAlert {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    String name() {
        return labels.get("alertname");
    }
}
