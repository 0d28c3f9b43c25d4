package io.retrobridge.sync;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.escalation.BoardQueue;
import java.util.Optional;

/**
 * What a scheduled job needs of the queues review boards work from on one system (a ServiceNow table and assignment
 * group, a Jira project and issue type). Every ticket carries a marker, so a create whose answer was lost is found
 * rather than made twice. Texts are plain: shown as typed, never read as markup.
 */
public interface BoardQueueGateway {

    ExternalSystem system();

    /** Opens a ticket in the queue with our marker on it; the record's display key is what people call it. */
    SideRecord open(BoardQueue queue, String title, String body, String marker);

    /**
     * The ticket we opened earlier with this marker. Markers are derived from item keys, so anyone could put one on
     * a ticket: only one the integration account created counts.
     */
    Optional<SideRecord> findOurs(BoardQueue queue, String marker);

    /** Rewrites a ticket's title and text. */
    void rewrite(BoardQueue queue, String id, String title, String body);

    /** Says why in the ticket, then closes it as done. */
    void resolve(BoardQueue queue, String id, String note);
}
