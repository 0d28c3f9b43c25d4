package io.retrobridge.escalation.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.EscalationSubject;
import io.retrobridge.flow.writes.CreateNotSettledException;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.Journal;
import io.retrobridge.transport.CircuitOpenException;
import io.retrobridge.transport.FailureTriage;
import io.retrobridge.transport.RemoteCallException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the escalation scan does when a write fails, and how it journals what happened to an item: a passing failure
 * waits for the next scan, any other is parked as a dead letter.
 */
final class EscalationFailures {

    /** Logged under the scan's name, where operators already look for its warnings. */
    private static final Logger log = LoggerFactory.getLogger(EscalationScan.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EscalationStore store;
    private final Journal journal;
    private final DeadLetterStore deadLetters;
    private final Clock clock;

    EscalationFailures(EscalationStore store, Journal journal, DeadLetterStore deadLetters, Clock clock) {
        this.store = store;
        this.journal = journal;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /**
     * A passing failure (5xx, timeout, rate limit, open circuit, a lost create not settled yet) leaves the claim for the next scan; any other is
     * parked with a dead letter whose replay re-runs this item.
     */
    void failed(ScannedItem item, EscalationRecord record, RuntimeException e, List<String> rules, ScanTally tally) {
        String error = describe(e);
        if (isPassing(e)) {
            tally.retrying++;
            note(item, itemRef(item), JournalAction.ERROR, "Escalating " + item.displayKey() + " ("
                    + record.ladderId() + "/" + record.stepId() + ") failed; the next scan tries again: " + error, rules);
            return;
        }
        Instant now = clock.instant();
        store.markParked(record.id(), now, error);
        ObjectNode payload = JSON.createObjectNode().put("itemKey", record.itemKey()).put("ladderId", record.ladderId())
                .put("stepId", record.stepId()).put("recordId", record.id().toString());
        InboundEvent event = InboundEvent.received(refusedBy(e, record), EscalationScan.DEAD_LETTER_KIND,
                record.itemKey(), EscalationScan.DEAD_LETTER_KIND + ":" + record.id() + ":" + now.toEpochMilli(), now,
                payload.toString());
        deadLetters.park(DeadLetter.park(event, FailureTriage.kindOf(e), error, 1, now));
        tally.parked++;
        note(item, itemRef(item), JournalAction.ERROR, "Parked " + record.ladderId() + "/" + record.stepId() + " of "
                + item.displayKey() + " as a dead letter (replay it after the fix): " + error, rules);
        log.warn("Escalation of {} ({}/{}) parked: {}", item.displayKey(), record.ladderId(), record.stepId(), error);
    }

    /** A failed write the next scan simply repeats (nothing claimed is at stake): counted and journalled. */
    void retrying(ScannedItem item, String summary, List<String> rules, ScanTally tally) {
        tally.retrying++;
        note(item, itemRef(item), JournalAction.ERROR, summary, rules);
    }

    void note(ScannedItem item, ExternalRef subject, JournalAction action, String summary, List<String> rules) {
        journal.append(JournalEntry.of(clock.instant(), item.link().id(), subject, action, summary, rules, null));
    }

    static ExternalRef itemRef(ScannedItem item) {
        EscalationSubject subject = item.subject();
        String sysId = subject.ids().get(ExternalSystem.SERVICENOW);
        return sysId != null ? new ExternalRef(ExternalSystem.SERVICENOW, sysId)
                : new ExternalRef(ExternalSystem.JIRA, subject.ids().get(ExternalSystem.JIRA));
    }

    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) + "..." : message;
    }

    private static boolean isPassing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CircuitOpenException || t instanceof CreateNotSettledException) {
                return true;
            }
            if (t instanceof RemoteCallException remote) {
                return remote.isTransient() || remote.circuitOpen();
            }
        }
        return false;
    }

    /** The system that answered with the refusal; the board's queue when nothing says otherwise. */
    private static ExternalSystem refusedBy(Throwable e, EscalationRecord record) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RemoteCallException remote) {
                return remote.system().equalsIgnoreCase("jira") ? ExternalSystem.JIRA : ExternalSystem.SERVICENOW;
            }
        }
        return record.ticketSystem() != null ? record.ticketSystem() : ExternalSystem.SERVICENOW;
    }
}
