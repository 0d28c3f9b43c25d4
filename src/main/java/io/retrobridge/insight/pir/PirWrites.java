package io.retrobridge.insight.pir;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.mapping.pir.PirMetricsMapping;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.PirRecords;
import io.retrobridge.sync.PirStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes a saved summary through every registered {@link PirRecords}, handing each the note it wrote last time so it
 * updates that one, remembering the note it answers, and journalling each write (a failed one too, before its failure
 * goes on to the inbox worker to be retried or parked like any failed write).
 */
final class PirWrites {

    private static final List<String> RULES = List.of("pir-metrics");

    private final PirStore store;
    private final Journal journal;
    private final LinkStore links;
    private final Clock clock;

    /** @param links null when change records are not linked (the journal then names the ServiceNow change) */
    PirWrites(PirStore store, Journal journal, LinkStore links, Clock clock) {
        this.store = store;
        this.journal = journal;
        this.links = links;
        this.clock = clock;
    }

    /** @return the systems written to, in words, e.g. "written to SERVICENOW (updated), JIRA" */
    List<String> write(ChangeRecord change, PirSummary summary, PirMetricsMapping mapping, List<PirRecords> writers,
                       String figures) {
        ExternalRef changeRef = new ExternalRef(ExternalSystem.SERVICENOW, change.sysId());
        Optional<Link> link = links == null ? Optional.empty() : links.findByExternal(changeRef);
        UUID linkId = link.map(Link::id).orElse(null);
        List<String> written = new ArrayList<>();
        for (PirRecords writer : writers) {
            ExternalSystem system = writer.system();
            ExternalRef subject = link.flatMap(found -> found.refOn(system)).orElse(changeRef);
            Optional<String> previous = store.writtenAs(summary.key(), system);
            Optional<String> note;
            try {
                note = writer.write(change, summary, mapping, previous);
            } catch (RuntimeException e) {
                journal.append(JournalEntry.of(clock.instant(), linkId, subject, JournalAction.ERROR, "PIR figures for "
                        + change.number() + " not written to " + system.name() + ": " + e.getMessage(), RULES,
                        figures));
                throw e;
            }
            note.ifPresent(id -> store.rememberWritten(summary.key(), system, id));
            String how = previous.isPresent() ? "updated in place" : "written";
            journal.append(JournalEntry.of(clock.instant(), linkId, subject, JournalAction.WROTE, figures + " ("
                    + how + " on " + system.name() + note.map(id -> " as " + id).orElse("") + ")", RULES,
                    previous.map(id -> "previous note " + id).orElse(null)));
            written.add(system.name() + (previous.isPresent() ? " (updated)" : ""));
        }
        return written;
    }
}
