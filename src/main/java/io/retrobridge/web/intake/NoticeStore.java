package io.retrobridge.web.intake;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.ReceivedEvents;
import io.retrobridge.sync.ReceivedEvents.Result;
import io.retrobridge.sync.WebhookNotice;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The last step of every intake, webhook or posted event: what a trusted, readable body said is stored durably in
 * the inbox before it is answered. Stored (or stored before) answers 2xx; a store that is down answers 503 with
 * Retry-After so the sender tries again and nothing is lost; what is not about anything we sync is acknowledged and
 * dropped.
 */
@Component
public class NoticeStore {

    private static final Logger log = LoggerFactory.getLogger(NoticeStore.class);

    private final EventInbox inbox;
    private final ReceivedEvents metrics;
    private final Clock clock;

    NoticeStore(EventInbox inbox, ReceivedEvents metrics, ObjectProvider<Clock> clock) {
        this.inbox = inbox;
        this.metrics = metrics;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * @param what how the log names the delivery, e.g. "a webhook delivery from github"
     */
    public ResponseEntity<Map<String, Object>> store(ExternalSystem system, String what, WebhookNotice notice,
            byte[] body) {
        if (notice instanceof WebhookNotice.Ignored ignored) {
            metrics.count(system, ignored.kind(), Result.IGNORED, 1);
            return answer(HttpStatus.ACCEPTED, "status", "ignored", "reason", ignored.reason());
        }
        WebhookNotice.Change change = (WebhookNotice.Change) notice;
        InboundEvent event;
        try {
            event = InboundEvent.received(system, change.kind(), change.entityId(), change.dedupKey(),
                    clock.instant(), change.payload() != null ? change.payload()
                            : new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return reject(system, what, change.kind(), HttpStatus.BAD_REQUEST, e.getMessage());
        }
        boolean stored;
        try {
            stored = inbox.accept(event);
        } catch (RuntimeException e) {
            log.error("Could not store {} ({} for {}); answered 503 so the sender retries: {}", what, event.kind(),
                    event.entityId(), e.toString());
            metrics.count(system, event.kind(), Result.REJECTED, 1);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                    .body(Map.of("error", "The event could not be stored just now; nothing was accepted."
                            + " Send it again after the Retry-After seconds (senders retry a 503 on their own)."));
        }
        if (!stored) {
            metrics.count(system, event.kind(), Result.DUPLICATE, 1);
            return answer(HttpStatus.OK, "status", "duplicate");
        }
        metrics.count(system, event.kind(), Result.ACCEPTED, 1);
        log.debug("Stored {} ({} for {}) as event {}", what, event.kind(), event.entityId(), event.id());
        return answer(HttpStatus.ACCEPTED, "status", "accepted", "event", event.id().toString());
    }

    /** Refuses a delivery: logged with its reason and counted, the reason answered. Nothing is stored. */
    public ResponseEntity<Map<String, Object>> reject(ExternalSystem system, String what, String kind,
            HttpStatus status, String message) {
        log.warn("Refused {} with {}: {}", what, status.value(), message);
        metrics.count(system, kind, Result.REJECTED, 1);
        return answer(status, "error", message);
    }

    private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            body.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return ResponseEntity.status(status).body(body);
    }
}
