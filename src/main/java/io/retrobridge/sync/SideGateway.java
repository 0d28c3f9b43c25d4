package io.retrobridge.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.ActionItemMapping;
import java.util.Optional;

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
     * The body that creates a record from the mapping's fields, with our correlation marker (and whatever else
     * the side needs to accept it) added. Sends nothing, so a preview can show exactly what a create would send.
     */
    ObjectNode newRecordBody(ObjectNode fields, String correlationId, ActionItemMapping mapping);

    /** Creates the record from a body made by {@link #newRecordBody}. */
    SideRecord create(ObjectNode body, ActionItemMapping mapping);

    void update(String id, ObjectNode fields, ActionItemMapping mapping);

    /** Adds a note people on this side read with the record: a Jira comment, a ServiceNow work note. Plain text. */
    void addNote(String id, String text, ActionItemMapping mapping);

    /** Whether the mapping's scope covers the record (a webhook may tell us about anything). */
    boolean inScope(SideRecord record, ActionItemMapping mapping);
}
