package io.retrobridge.gate.changes;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.domain.Link;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.gate.GatePolicy;
import io.retrobridge.mapping.gate.GateWrite;
import io.retrobridge.sync.EventHandler;
import io.retrobridge.sync.GateDecisionRecords;
import io.retrobridge.sync.GateDecisionRecords.GateDecisionNote;
import io.retrobridge.sync.GateDecisionRecords.Written;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.SyncResult;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Writes a queued gate answer on its change request as {@code gates.yaml}'s {@code write.servicenow} says now (a
 * setting removed since the answer was queued writes nothing), and journals each write, a skipped one with its
 * reason, and a failed one before the failure goes on to the inbox worker to be retried, deferred or parked. An
 * answer the change already carries is recorded on the inbox event only: a pipeline asking every 30 s would
 * otherwise fill the journal with lines that say nothing happened.
 */
@Component
public class GateDecisionWriter implements EventHandler {

    private static final List<String> RULES = List.of("gates-write");

    private final CurrentMappings mappings;
    private final ObjectProvider<GateDecisionRecords> records;
    private final Journal journal;
    private final ObjectProvider<LinkStore> links;
    private final Clock clock;

    public GateDecisionWriter(CurrentMappings mappings, ObjectProvider<GateDecisionRecords> records, Journal journal,
                              ObjectProvider<LinkStore> links, ObjectProvider<Clock> clock) {
        this.mappings = mappings;
        this.records = records;
        this.journal = journal;
        this.links = links;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public Set<HandledKind> takes() {
        return Set.of(HandledKind.named(GateDecisionEvent.KIND).from(GateDecisionEvent.SOURCE));
    }

    /** A write that reached ServiceNow stays journalled whatever becomes of the event's outcome. */
    @Override
    public Recording recording() {
        return Recording.IN_ITS_OWN_TRANSACTIONS;
    }

    @Override
    public SyncResult handle(InboundEvent event) {
        GateDecisionNote note = GateDecisionEvent.note(event.payload());
        String about = "gate " + note.decision() + " for change " + note.changeNumber();
        Optional<GateWrite.ServiceNow> to = mappings.gates().map(GatePolicy::write)
                .flatMap(GateWrite::toServiceNow);
        if (to.isEmpty()) {
            return SyncResult.skipped(about + " not written: gates.yaml no longer has write.servicenow");
        }
        GateDecisionRecords writer = records.getIfAvailable();
        if (writer == null) {
            return SyncResult.skipped(about + " not written: no ServiceNow connection is configured");
        }
        Written written;
        try {
            written = writer.write(note, to.get());
        } catch (RuntimeException e) {
            append(note, null, JournalAction.ERROR, about + " not written to ServiceNow: " + e.getMessage());
            throw e;
        }
        String detail = written.detail() + " (evaluation " + note.evaluationId() + ")";
        return switch (written.outcome()) {
            case WRITTEN -> {
                append(note, written.sysId(), JournalAction.WROTE, detail);
                yield SyncResult.applied(detail);
            }
            case SKIPPED -> {
                append(note, written.sysId(), JournalAction.SKIPPED, detail);
                yield SyncResult.skipped(detail);
            }
            case UNCHANGED -> SyncResult.skipped(detail);
        };
    }

    /** Journalled about the change: its link when it is linked, else the change in ServiceNow by sys_id or number. */
    private void append(GateDecisionNote note, String sysId, JournalAction action, String summary) {
        ExternalRef change = new ExternalRef(ExternalSystem.SERVICENOW, sysId == null ? note.changeNumber() : sysId);
        LinkStore store = sysId == null ? null : links.getIfAvailable();
        UUID linkId = store == null ? null : store.findByExternal(change).map(Link::id).orElse(null);
        journal.append(JournalEntry.of(clock.instant(), linkId, change, action, summary, RULES,
                "decision " + note.decision() + ", reason: " + note.reason() + "; status " + note.statusUrl()));
    }
}
