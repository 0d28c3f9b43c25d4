package io.retrobridge.sync;

import io.retrobridge.domain.InboundEvent;
import java.util.Set;

/**
 * Does what one kind of inbox event stands for. The inbox worker claims each event, hands it to the one handler that
 * takes it and records the answer as the event's outcome; what the handler throws is judged there (run again, wait
 * or park), so a handler neither retries nor parks on its own. A source registers its handlers as beans beside its
 * intake, and nothing else has to change for the worker to dispatch to them.
 */
public interface EventHandler {

    /** The events this handler takes; two handlers that would take the same event stop start-up, naming both. */
    Set<HandledKind> takes();

    /** Handles one event; what became of it, in words fit for the inbox record. */
    SyncResult handle(InboundEvent event);

    /** Whether what the handler records commits with the event's outcome or in transactions of its own. */
    Recording recording();

    /** Where a handler's records (journal entries, links, claims) are committed. */
    enum Recording {
        /**
         * In one transaction with the event's outcome: if the outcome cannot be recorded, nothing the handler
         * recorded stays, and running the event again starts from the same state.
         */
        WITH_THE_OUTCOME,
        /**
         * Step by step, in the handler's own transactions, each committed as soon as it is done (a step claimed
         * before a remote write must stay claimed whatever becomes of the event); the outcome is recorded after.
         */
        IN_ITS_OWN_TRANSACTIONS
    }
}
