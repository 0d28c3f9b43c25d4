package io.retrobridge.escalation;

import io.retrobridge.domain.ExternalSystem;
import java.time.Instant;
import java.util.List;

/**
 * The one ticket a board gets per review cycle when grouping is on.
 *
 * @param groupKey  board id + "/" + cycle (e.g. cab/2026-W48)
 * @param itemKeys  the items it listed when last written, in order
 * @param ticketId  null until created
 * @param resolved  true once every item left it and the ticket was resolved
 */
public record GroupTicket(String groupKey, String boardId, String cycle, ExternalSystem ticketSystem, String ticketId,
                          String ticketKey, String marker, List<String> itemKeys, boolean resolved, Instant updatedAt) {

    public GroupTicket {
        itemKeys = List.copyOf(itemKeys);
    }
}
