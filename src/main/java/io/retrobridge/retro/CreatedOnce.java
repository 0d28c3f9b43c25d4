package io.retrobridge.retro;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.WriteIntent;
import io.retrobridge.sync.WriteIntent.Operation;
import io.retrobridge.sync.WriteIntents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes a remote record at most once: its marker is looked up first; a create is announced in the journal before it is
 * sent and settled after, so a lost answer, a retry or a restart finds the record instead of making a second. A miss
 * proves an earlier create did not land only once the look-up was made the system's settle time after the attempt.
 */
final class CreatedOnce {

    private final WriteIntents intents;
    private final Journal journal;
    private final Map<ExternalSystem, Duration> settleTimes;
    private final Clock clock;

    CreatedOnce(WriteIntents intents, Journal journal, Map<ExternalSystem, Duration> settleTimes, Clock clock) {
        this.intents = intents;
        this.journal = journal;
        this.settleTimes = Map.copyOf(settleTimes);
        this.clock = clock;
    }

    /**
     * The record with the marker on {@code target}: found, or created now.
     *
     * @param what   e.g. "the Jira issue of retrospective change:CHG0030001", for the journal
     * @param name   what people call a record, e.g. its key
     * @throws RetrospectiveCreateNotSettledException when an earlier create may have landed but cannot be seen yet
     */
    <T> T findOrCreate(ExternalSystem target, String marker, ExternalRef subject, List<String> rules, String what,
                       Supplier<Optional<T>> lookUp, Supplier<T> create, Function<T, String> name) {
        Instant lookedAt = clock.instant();
        List<WriteIntent> earlier = open(marker, target, Operation.CREATE);
        Optional<T> found = lookUp.get();
        if (found.isPresent()) {
            String summary = "found " + what + ", " + name.apply(found.get()) + ", by marker " + marker;
            if (earlier.isEmpty()) {
                journal.append(JournalEntry.of(clock.instant(), null, subject, JournalAction.SKIPPED,
                        summary + ": made before, not made again", rules, null));
            } else {
                settle(earlier, subject, JournalAction.WROTE, summary + ": the create announced earlier had landed "
                        + "although its answer was lost", rules);
            }
            return found.get();
        }
        for (WriteIntent attempt : earlier) {
            Instant conclusiveFrom = attempt.attemptedAt().plus(settleTimes.getOrDefault(target, Duration.ZERO));
            if (lookedAt.isBefore(conclusiveFrom)) {
                throw new RetrospectiveCreateNotSettledException(target, marker, attempt.journalId(), conclusiveFrom);
            }
        }
        settle(earlier, subject, JournalAction.SKIPPED, "an earlier create of " + what + " did not land: a look-up "
                + "by marker " + marker + " made at " + lookedAt + ", after the settle time, found nothing", rules);
        WriteIntent intent = intents.announce(JournalEntry.of(clock.instant(), null, subject, JournalAction.INTENT,
                "about to create " + what + " (marker " + marker + ")", rules, null), Operation.CREATE, target, null,
                marker);
        T created = create.get();
        settle(List.of(intent), subject, JournalAction.WROTE, "created " + what + ", " + name.apply(created)
                + " (marker " + marker + ")", rules);
        return created;
    }

    /** Announces a write to an existing record; the writes announced before it and never settled come with it. */
    List<WriteIntent> announce(Operation operation, ExternalSystem target, String targetId, String marker,
                               ExternalRef subject, List<String> rules, String summary) {
        List<WriteIntent> earlier = open(marker, target, operation);
        WriteIntent intent = intents.announce(JournalEntry.of(clock.instant(), null, subject, JournalAction.INTENT,
                summary, rules, null), operation, target, targetId, marker);
        return Stream.concat(earlier.stream(), Stream.of(intent)).toList();
    }

    void settle(List<WriteIntent> settled, ExternalRef subject, JournalAction action, String summary,
                List<String> rules) {
        if (settled.isEmpty()) {
            return;
        }
        String ids = settled.stream().map(i -> String.valueOf(i.journalId())).collect(Collectors.joining(", "));
        intents.settle(settled, clock.instant(), JournalEntry.of(clock.instant(), null, subject, action, summary, rules,
                "settles intent " + ids));
    }

    private List<WriteIntent> open(String marker, ExternalSystem target, Operation operation) {
        return intents.openFor(marker).stream()
                .filter(intent -> intent.target().equals(target) && intent.operation() == operation)
                .toList();
    }
}
