package io.retrobridge.flow.writes;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.sync.WriteIntent.Operation;
import io.retrobridge.sync.WriteIntent;
import io.retrobridge.sync.WriteIntents;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Announces remote writes in the journal before they are sent, and settles them with what came of them. */
public final class WriteAnnouncements {

    private final WriteIntents intents;
    private final Clock clock;

    public WriteAnnouncements(WriteIntents intents, Clock clock) {
        this.intents = intents;
        this.clock = clock;
    }

    /**
     * Records that {@code operation} is about to be sent to {@code target} (its record {@code targetId}, null for a
     * create); committed at once, so it outlives a crash during or after the write.
     */
    public WriteIntent announce(UUID linkId, ExternalRef subject, Operation operation, ExternalSystem target, String targetId,
            String marker, String summary, List<String> rules, String detail) {
        JournalEntry entry = JournalEntry.of(clock.instant(), linkId, subject, JournalAction.INTENT, summary,
                List.copyOf(rules), detail == null || detail.isBlank() ? null : detail);
        return intents.announce(entry, operation, target, targetId, marker);
    }

    public List<WriteIntent> openFor(String marker) {
        return marker == null ? List.of() : intents.openFor(marker);
    }

    /**
     * Settles the intents with one outcome entry that names them; nothing is appended when there are none, or every
     * one was settled by another run already.
     */
    public void settle(List<WriteIntent> settled, UUID linkId, ExternalRef subject, JournalAction action, String summary,
            List<String> rules, String detail) {
        if (settled.isEmpty()) {
            return;
        }
        String settles = "settles intent " + ids(settled);
        String text = detail == null || detail.isBlank() ? settles : detail + "; " + settles;
        intents.settle(settled, clock.instant(), JournalEntry.of(clock.instant(), linkId, subject, action, summary,
                List.copyOf(rules), text));
    }

    static String ids(List<WriteIntent> intents) {
        return intents.stream().map(i -> String.valueOf(i.journalId())).collect(Collectors.joining(", "));
    }
}
