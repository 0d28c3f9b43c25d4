package io.retrobridge.web.admin;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.DeadLetterStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Events the sync gave up on: list, inspect (with the payload) and replay. */
@RestController
class DeadLetterController {

    record EventView(UUID id, String source, String kind, String entityId, String dedupKey, Instant receivedAt) {

        static EventView of(InboundEvent event) {
            return new EventView(event.id(), event.source().name().toLowerCase(Locale.ROOT), event.kind(),
                    event.entityId(), event.dedupKey(), event.receivedAt());
        }
    }

    record LetterView(UUID id, Instant parkedAt, int attempts, String error, String kind, Instant replayedAt,
                      EventView event) {

        static LetterView of(DeadLetter letter) {
            return new LetterView(letter.id(), letter.parkedAt(), letter.attempts(), letter.error(), letter.errorKind(),
                    letter.replayedAt(), EventView.of(letter.event()));
        }
    }

    record LetterDetail(UUID id, Instant parkedAt, int attempts, String error, String kind, Instant replayedAt,
                        EventView event, String payload) {

        static LetterDetail of(DeadLetter letter) {
            return new LetterDetail(letter.id(), letter.parkedAt(), letter.attempts(), letter.error(),
                    letter.errorKind(), letter.replayedAt(), EventView.of(letter.event()), letter.event().payload());
        }
    }

    @Schema(name = "DeadLetterPage")
    record Page(long total, int offset, int limit, List<LetterView> items) {
    }

    private final DeadLetterStore deadLetters;
    private final DeadLetterReplay replay;
    private final ItemNames names;

    DeadLetterController(DeadLetterStore deadLetters, DeadLetterReplay replay, ItemNames names) {
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.names = names;
    }

    /**
     * All dead letters, or with {@code system} and {@code id} (a Jira key or id, a ServiceNow number or sys_id)
     * those of one item, both sides of its link included.
     */
    @Operation(summary = "Parked events (dead letters), newest first, or those of one item")
    @GetMapping("/api/admin/dead-letters")
    Page list(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit,
              @RequestParam(required = false) String system, @RequestParam(required = false) String id) {
        if (system != null || id != null) {
            return forItem(system, id, offset, limit);
        }
        List<LetterView> items = deadLetters.list(Paging.offset(offset), Paging.limit(limit)).stream()
                .map(LetterView::of).toList();
        return new Page(deadLetters.count(), offset, limit, items);
    }

    private Page forItem(String system, String id, int offset, int limit) {
        if (system == null || id == null) {
            throw BadAdminRequestException.badRequest("system and id go together, e.g. ?system=jira&id=PAY-4.");
        }
        int first = Paging.offset(offset);
        int most = Paging.limit(limit);
        Collection<ExternalRef> subjects = names.known(system, id).subjects();
        List<LetterView> items = deadLetters.forEntities(subjects, first + most).stream().skip(first)
                .map(LetterView::of).toList();
        return new Page(deadLetters.countForEntities(subjects), offset, limit, items);
    }

    /** One dead letter with the payload as it arrived. */
    @Operation(summary = "One dead letter with its payload")
    @GetMapping("/api/admin/dead-letters/{id}")
    LetterDetail one(@PathVariable UUID id) {
        return deadLetters.find(id).map(LetterDetail::of).orElseThrow(() -> BadAdminRequestException.notFound(
                "There is no dead letter " + id + "; GET /api/admin/dead-letters lists those that exist."));
    }

    @Operation(summary = "Put one dead letter back into the inbox (once)")
    @PostMapping("/api/admin/dead-letters/{id}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> replay(@PathVariable UUID id) {
        DeadLetterReplay.Requeued requeued = replay.replay(id);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "requeued");
        answer.put("deadLetter", requeued.deadLetterId());
        answer.put("event", requeued.eventId());
        answer.put("dedupKey", requeued.dedupKey());
        if (requeued.queuedBefore()) {
            answer.put("note", "An earlier interrupted replay had queued this event already; it was not queued twice.");
        }
        return answer;
    }
}
