package io.retrobridge.sync;

import io.retrobridge.domain.Alert;
import io.retrobridge.domain.AlertTruncation;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every alert firing Alertmanager told us of, one per group key, fingerprint and start. */
public interface AlertStore {

    /** What recording a notification's alert did. */
    record Recorded(Alert alert, boolean changed) {
    }

    /**
     * Merges an alert into its firing (group key, fingerprint, start): a resolution is kept whatever arrives after it
     * (a firing notification delivered late never reopens it); the same report twice changes nothing.
     */
    Recorded record(Alert alert);

    /** Firings of a service's alerts that were active at some time in [from, to), oldest first. */
    List<Alert> activeBetween(String service, Instant from, Instant to);

    /**
     * The same for many services at once, by service (a service with no firing is left out): a report over the
     * whole portfolio reads its alerts in a few statements instead of one per application.
     */
    default Map<String, List<Alert>> activeBetween(Collection<String> services, Instant from, Instant to) {
        Map<String, List<Alert>> byService = new TreeMap<>();
        for (String service : services) {
            List<Alert> firings = activeBetween(service, from, to);
            if (!firings.isEmpty()) {
                byService.put(service, firings);
            }
        }
        return byService;
    }

    /** Notes that a notification left alerts out. */
    void recordTruncation(AlertTruncation truncation);

    /** Truncated notifications received in [from, to) about the service or naming none, oldest first. */
    List<AlertTruncation> truncationsBetween(String service, Instant from, Instant to);
}
