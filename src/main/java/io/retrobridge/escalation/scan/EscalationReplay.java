package io.retrobridge.escalation.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.EventHandler;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.InboxOutcome;
import io.retrobridge.sync.SyncResult;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A replayed dead letter of an escalation step: the parked step is taken up again and its item scanned, which writes
 * the step (or finds what an earlier try wrote) under the same claim.
 */
@Component
public class EscalationReplay implements EventHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<HandledKind> KINDS = Set.of(HandledKind.named(EscalationScan.DEAD_LETTER_KIND));

    private final ObjectProvider<EscalationScan> escalations;

    public EscalationReplay(ObjectProvider<EscalationScan> escalations) {
        this.escalations = escalations;
    }

    @Override
    public Set<HandledKind> takes() {
        return KINDS;
    }

    @Override
    public SyncResult handle(InboundEvent event) {
        EscalationScan scan = escalations.getObject();
        JsonNode payload;
        try {
            payload = JSON.readTree(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the escalation dead letter's payload is not JSON: " + e.getOriginalMessage());
        }
        String itemKey = payload.path("itemKey").asText(event.entityId());
        String recordId = payload.path("recordId").asText("");
        boolean reclaimed = !recordId.isEmpty() && scan.reclaim(UUID.fromString(recordId));
        ScanSummary summary = scan.scanItem(itemKey);
        if (summary.parked() > 0) {
            // The scan parked it again with a new dead letter; a second one for this event would say the same.
            return new SyncResult(InboxOutcome.PARKED, "the escalation of " + itemKey
                    + " was refused again; see its new dead letter");
        }
        return SyncResult.applied((reclaimed ? "took up parked step " + payload.path("ladderId").asText() + "/"
                + payload.path("stepId").asText() + " again; " : "") + "escalation scan of " + itemKey + ": "
                + summary.raised() + " raised, " + summary.resolved() + " resolved");
    }

    /** The scan claims and records each step in its own store transactions, before and after each remote write. */
    @Override
    public Recording recording() {
        return Recording.IN_ITS_OWN_TRANSACTIONS;
    }
}
