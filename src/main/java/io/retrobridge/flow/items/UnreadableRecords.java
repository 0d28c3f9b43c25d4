package io.retrobridge.flow.items;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.sync.UnreadableLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Linked records that answered 404 lately, per system. One such record is unremarkable (it may have been deleted);
 * many at once are what a permission change looks like (a project or table taken from the integration account), so
 * more than the threshold within the window is reported once in the log and shown in health until it ages out.
 * The records to read again are kept in the database ({@link UnreadableLinks}), so a restart does not lose them.
 */
@Component
public class UnreadableRecords {

    private static final Logger log = LoggerFactory.getLogger(UnreadableRecords.class);
    /** A permission change on a large project could name every item; counting needs no more than this. */
    private static final int MAX_REMEMBERED = 10_000;
    /** A record unreadable this long is most likely deleted without a notice; it is no longer looked at again. */
    static final Duration WAIT_AT_MOST = Duration.ofDays(7);

    /** Many linked records of one system unreadable at once. */
    public record Burst(ExternalSystem system, int count, Instant since, String where) {

        /** In words, for health and the log. */
        public String describe() {
            return count + " linked records on " + name(system) + " unreadable since " + since
                    + ", likely a permission change for the integration account on " + where
                    + "; nothing was changed on the other side";
        }
    }

    private record Sighting(Instant at, String where) {
    }

    private final UnreadableProperties settings;
    private final Clock clock;
    private final Map<ExternalRef, Sighting> seen = new LinkedHashMap<>();
    /**
     * Unreadable records whose counterparts may hold changes that were skipped, with when they were first seen so;
     * kept past the window (until read again, or given up on after {@link #WAIT_AT_MOST}).
     */
    private final UnreadableLinks waiting;
    private final Set<ExternalSystem> reported = new TreeSet<>();

    public UnreadableRecords(UnreadableProperties settings, UnreadableLinks waiting, Optional<Clock> clock) {
        this.settings = settings;
        this.waiting = waiting;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Notes that the linked record {@code ref} answered 404.
     *
     * @param where what the account may have lost sight of, e.g. "Jira project PAY"
     */
    public void saw(ExternalRef ref, String where) {
        Instant now = clock.instant();
        // The database call stays outside the lock: every worker passes through here and readAgain.
        waiting.remember(ref, where, now);
        synchronized (this) {
            forgetBefore(now.minus(settings.window()));
            Sighting earlier = seen.remove(ref);
            seen.put(ref, earlier != null ? earlier : new Sighting(now, where));
            dropOldest(seen.keySet());
            burstOn(ref.system()).filter(burst -> reported.add(burst.system()))
                    .ifPresent(burst -> log.warn("{}; check the integration account's access, nothing is cancelled",
                            burst.describe()));
        }
    }

    /**
     * Notes that {@code ref} was read; true when it had answered 404 before, so changes made on its counterpart
     * meanwhile were skipped and want syncing now.
     */
    public boolean readAgain(ExternalRef ref) {
        forgetSighting(ref);
        return waiting.forget(ref);
    }

    /** Forgets a record proven deleted: its 404s say nothing about access any more. */
    public void forget(ExternalRef ref) {
        forgetSighting(ref);
        waiting.forget(ref);
    }

    private synchronized void forgetSighting(ExternalRef ref) {
        seen.remove(ref);
    }

    /**
     * Up to {@code max} unreadable records to look at again, the longest unlooked-at first; they move to the back,
     * so every one gets its turn however many there are.
     */
    public List<ExternalRef> nextToLookAt(int max) {
        Instant now = clock.instant();
        return waiting.due(max, now, now.minus(WAIT_AT_MOST));
    }

    /** Every system with more unreadable linked records within the window than the threshold allows. */
    public synchronized List<Burst> bursts() {
        forgetBefore(clock.instant().minus(settings.window()));
        List<Burst> bursts = new ArrayList<>();
        for (ExternalSystem system : ExternalSystem.values()) {
            burstOn(system).ifPresent(bursts::add);
        }
        return bursts;
    }

    /** How many linked records of each system answered 404 within the window. */
    public synchronized Map<ExternalSystem, Integer> counts() {
        forgetBefore(clock.instant().minus(settings.window()));
        Map<ExternalSystem, Integer> counts = new TreeMap<>();
        for (ExternalSystem system : ExternalSystem.values()) {
            counts.put(system, (int) seen.keySet().stream().filter(ref -> ref.system() == system).count());
        }
        return counts;
    }

    private Optional<Burst> burstOn(ExternalSystem system) {
        List<Sighting> sightings = seen.entrySet().stream().filter(e -> e.getKey().system() == system)
                .map(Map.Entry::getValue).toList();
        if (sightings.size() <= settings.burstThreshold()) {
            return Optional.empty();
        }
        Instant since = sightings.stream().map(Sighting::at).min(Instant::compareTo).orElseThrow();
        return Optional.of(new Burst(system, sightings.size(), since, sightings.get(sightings.size() - 1).where()));
    }

    private static void dropOldest(Set<ExternalRef> refs) {
        if (refs.size() > MAX_REMEMBERED) {
            Iterator<ExternalRef> oldest = refs.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** Forgets sightings older than the window; a system that has quietened down may be reported again. */
    private void forgetBefore(Instant cutoff) {
        seen.values().removeIf(sighting -> sighting.at().isBefore(cutoff));
        for (ExternalSystem system : ExternalSystem.values()) {
            if (burstOn(system).isEmpty()) {
                reported.remove(system);
            }
        }
    }

    /** What the integration account may have lost sight of when a record of {@code system} answers 404. */
    static String where(ExternalSystem system, ActionItemMapping mapping) {
        return system == ExternalSystem.JIRA ? "Jira project " + String.join(", ", mapping.jiraScope().projects())
                : "ServiceNow table " + mapping.serviceNowScope().table();
    }

    private static String name(ExternalSystem system) {
        return system == ExternalSystem.JIRA ? "Jira" : "ServiceNow";
    }
}
