package io.retrobridge.web.admin;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationState;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.FollowUpFact;
import io.retrobridge.escalation.FollowUpStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the escalation scan did: every step items reached, newest first, or the history of one item. Readable by
 * viewers (see ApiAccessPolicy); running a scan needs an admin.
 */
@RestController
class EscalationController {

    static final int DEFAULT_LIMIT = 50;

    record EscalationView(UUID id, String itemKey, String itemDisplayKey, String ladderId, String stepId,
                          String boardId, String kind, String state, String ticketSystem, String ticketId,
                          String ticketKey, String groupKey, String marker, long daysOverdue, Instant claimedAt,
                          Instant raisedAt, Instant resolvedAt, String note) {

        static EscalationView of(EscalationRecord record, String displayKey) {
            return new EscalationView(record.id(), record.itemKey(), displayKey, record.ladderId(), record.stepId(),
                    record.boardId(), record.kind(), lowerCase(record.state()), lowerCase(record.ticketSystem()),
                    record.ticketId(), record.ticketKey(), record.groupKey(), record.marker(), record.daysOverdue(),
                    record.claimedAt(), record.raisedAt(), record.resolvedAt(), record.note());
        }
    }

    @Schema(name = "EscalationPage")
    record Page(String state, int offset, int limit, List<EscalationView> items) {
    }

    record ItemHistory(String itemKey, String itemDisplayKey, List<EscalationView> escalations) {
    }

    private final EscalationStore escalations;
    private final FollowUpStore facts;

    EscalationController(EscalationStore escalations, FollowUpStore facts) {
        this.escalations = escalations;
        this.facts = facts;
    }

    /** A page of all records, newest first, optionally of one state. */
    @Operation(summary = "What the escalation scan did, newest first, or the history of one item")
    @GetMapping(value = "/api/admin/escalations", params = "!item")
    Page list(@RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int offset,
              @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        Optional<EscalationState> wanted = state(state);
        List<EscalationRecord> records = escalations.list(wanted, Paging.offset(offset), Paging.limit(limit));
        Map<String, String> displayKeys = displayKeys(records);
        return new Page(wanted.map(EscalationController::lowerCase).orElse(null), offset, limit,
                records.stream().map(r -> EscalationView.of(r, displayKeys.get(r.itemKey()))).toList());
    }

    /** Every step one item reached, oldest first; the item named by its key (rb-...) or its display key. */
    @Operation(summary = "What the escalation scan did, newest first, or the history of one item")
    @GetMapping(value = "/api/admin/escalations", params = "item")
    // params = "item" already demands it; required = false lets the description, one operation for both handlers
    // of this path, show it as optional.
    ItemHistory history(@Parameter(description = "An item key (rb-...) or display key; leave it out to page through "
                                + "all escalations") @RequestParam(required = false) String item,
                        @RequestParam(required = false) String state,
                        @RequestParam(required = false) String offset, @RequestParam(required = false) String limit) {
        if (state != null || offset != null || limit != null) {
            throw BadAdminRequestException.badRequest("item lists every escalation of one item; send it without"
                    + " state, offset and limit, or leave item out to page through all escalations.");
        }
        String key = item.strip();
        if (key.isEmpty()) {
            throw BadAdminRequestException.badRequest("item is empty; send an item key (rb-...) or the key people "
                    + "call it by (PAY-12, PTASK0010001).");
        }
        List<EscalationRecord> records = escalations.forItem(key);
        Optional<FollowUpFact> fact = records.isEmpty()
                ? facts.byDisplayKey(key).or(() -> factOf(key))
                : factOf(key);
        if (records.isEmpty() && fact.isPresent()) {
            records = escalations.forItem(fact.get().itemKey());
        }
        if (records.isEmpty() && fact.isEmpty()) {
            throw BadAdminRequestException.notFound("Nothing is known of item '" + shorten(key) + "': no escalation"
                    + " and no follow-up fact has that item key or display key. Use the item key (rb-...) or the key"
                    + " GET /api/reports/follow-up and GET /api/admin/escalations show.");
        }
        String itemKey = fact.map(FollowUpFact::itemKey).orElse(key);
        String displayKey = fact.map(FollowUpFact::displayKey).orElse(null);
        return new ItemHistory(itemKey, displayKey, records.stream().map(r -> EscalationView.of(r, displayKey)).toList());
    }

    private Optional<FollowUpFact> factOf(String itemKey) {
        return facts.forItems(List.of(itemKey)).stream().findFirst();
    }

    private Map<String, String> displayKeys(List<EscalationRecord> records) {
        List<String> itemKeys = records.stream().map(EscalationRecord::itemKey).distinct().toList();
        return facts.forItems(itemKeys).stream().filter(fact -> fact.displayKey() != null)
                .collect(Collectors.toMap(FollowUpFact::itemKey, FollowUpFact::displayKey, (a, b) -> a));
    }

    private static Optional<EscalationState> state(String state) {
        if (state == null) {
            return Optional.empty();
        }
        return Arrays.stream(EscalationState.values())
                .filter(known -> known.name().equalsIgnoreCase(state.strip()))
                .findFirst()
                .map(Optional::of)
                .orElseThrow(() -> BadAdminRequestException.badRequest("state '" + shorten(state) + "' is not known;"
                        + " use one of: " + Arrays.stream(EscalationState.values())
                        .map(EscalationController::lowerCase).collect(Collectors.joining(", "))
                        + ", or leave state out for all."));
    }

    private static String lowerCase(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    private static String lowerCase(ExternalSystem system) {
        return system == null ? null : system.name().toLowerCase(Locale.ROOT);
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
