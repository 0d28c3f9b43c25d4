package io.retrobridge.sync;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.RecordFields;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the flow needs of one system, whichever it is. */
public interface SideGateway {

    ExternalSystem system();

    /** The record as it is now; empty when it no longer exists. */
    Optional<SideRecord> read(String id, ActionItemMapping mapping);

    /** The record people call {@code displayKey} (a Jira key such as PAY-4, a ServiceNow number such as PTASK0010002). */
    Optional<SideRecord> findByDisplayKey(String displayKey, ActionItemMapping mapping);

    /** A record we created earlier for this correlation id, found by the marker we stamp on creation. */
    Optional<SideRecord> findByCorrelation(String correlationId, ActionItemMapping mapping);

    /**
     * The records we created earlier for these correlation ids, as correlation id to record id (the oldest when
     * there are several). A side that can ask for many markers at once does so in one query per page of ids.
     */
    default Map<String, String> idsByCorrelation(Collection<String> correlationIds, ActionItemMapping mapping) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String correlationId : correlationIds) {
            findByCorrelation(correlationId, mapping).ifPresent(record -> found.put(correlationId, record.id()));
        }
        return found;
    }

    /**
     * The record a poll page of this side read and carried in an event of {@code kind}, when the payload holds every
     * field {@code mapping} reads and was read under its scope; empty for any other event (a webhook's body may be
     * stale or partial, so those are read again).
     */
    default Optional<PolledRecord> polled(String kind, String payload, ActionItemMapping mapping) {
        return Optional.empty();
    }

    /**
     * The body that creates a record from the mapping's fields, with our correlation marker (and whatever else
     * the side needs to accept it) added. Sends nothing, so a preview can show exactly what a create would send.
     */
    RecordFields newRecordBody(RecordFields fields, String correlationId, ActionItemMapping mapping);

    /** Creates the record from a body made by {@link #newRecordBody}. */
    SideRecord create(RecordFields body, ActionItemMapping mapping);

    void update(String id, RecordFields fields, ActionItemMapping mapping);

    /** Adds a note people on this side read with the record: a Jira comment, a ServiceNow work note. Plain text. */
    void addNote(String id, String text, ActionItemMapping mapping);

    /**
     * The kinds of the events this side's intake (webhook reader, poller) produces about its records: they go to the
     * action-item sync.
     */
    Set<HandledKind> itemEventKinds();

    /** Whether the mapping's scope covers the record (a webhook may tell us about anything). */
    boolean inScope(SideRecord record, ActionItemMapping mapping);

    /**
     * How long after a create a look-up by our marker may still miss the record (a search index that lags); a miss
     * proves that a create whose answer was lost did not happen only after this long.
     */
    Duration lookupSettleTime();

    // ---- what scheduled jobs need besides ----------------------------------------------------------

    /**
     * Every record in the mapping's scope, read in pages, with {@code alsoRead} (external field names, dot-walked
     * where the side allows it) besides the fields the mapping reads.
     */
    List<SideRecord> readAllInScope(ActionItemMapping mapping, Collection<String> alsoRead);

    /** Where people open the record in their browser. */
    String browseUrl(SideRecord record, ActionItemMapping mapping);

    /**
     * Adds a notice people on this side read with the record (a reminder, the reason for a re-assignment): plain
     * text shown as typed, never read as markup. Where the side can notify a person by a mention, the person with
     * {@code mentionEmail} (null: nobody) is mentioned above it, as {@code mentionName} (null: the e-mail).
     *
     * @return the id of the comment or journal entry written, when the side's answer names it
     */
    Optional<String> addNotice(String id, String text, String mentionEmail, String mentionName,
            ActionItemMapping mapping);

    /** The notice with this text just added to the record, for a side whose answer to the write did not name it. */
    Optional<String> findNotice(String id, String text, ActionItemMapping mapping);

    /**
     * Assigns the record to the person with this e-mail.
     *
     * @return false, with nothing written, when nobody on this side has that address
     */
    boolean assign(String id, String email, ActionItemMapping mapping);

    /** Adds and removes labels, leaving the record's others alone; for a side whose records carry labels. */
    default void changeLabels(String id, Collection<String> add, Collection<String> remove, ActionItemMapping mapping) {
        throw new UnsupportedOperationException(system() + " records carry no labels");
    }

    /**
     * As {@link #inScope} for a record a poll page read through the mapping's scope query: only what that query
     * cannot tell (whether the record is a copy of ours) is checked, and nothing is asked of the system.
     */
    default boolean inScopeAsPolled(SideRecord record, ActionItemMapping mapping) {
        return inScope(record, mapping);
    }
}
