package io.retrobridge.web.events;

import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.ApiEventSource;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.sync.ReceivedEvents;
import io.retrobridge.sync.ReceivedEvents.Result;
import io.retrobridge.sync.WebhookNotice;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
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
 * The one path every posted API event takes: bounded read of the body, reading by the source's own reader, then
 * durable storage in the inbox; only a stored (or already stored) event is acknowledged with a 2xx. A body that
 * cannot be read is refused with 400 naming the field and stores nothing; a store that is down answers 503 with
 * Retry-After so the caller sends it again. The caller's API key was checked before this runs.
 */
@Component
class ApiEventIntake {

    static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ApiEventIntake.class);

    private final EventInbox inbox;
    private final ReceivedEvents metrics;
    private final Clock clock;

    ApiEventIntake(EventInbox inbox, ReceivedEvents metrics, ObjectProvider<Clock> clock) {
        this.inbox = inbox;
        this.metrics = metrics;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    ResponseEntity<Map<String, Object>> receive(ApiEventSource source, HttpServletRequest request) {
        byte[] body;
        try {
            body = readBounded(request);
        } catch (TooLarge e) {
            return reject(source, null, HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than " + MAX_BODY_BYTES
                    + " bytes; one " + source.name() + " event is far smaller, so check what is being sent here.");
        } catch (IOException e) {
            return reject(source, null, HttpStatus.BAD_REQUEST, "The body could not be read completely ("
                    + e.getClass().getSimpleName() + "); send the event again.");
        }

        WebhookNotice notice;
        try {
            notice = source.read(body);
        } catch (InvalidWebhookException e) {
            return reject(source, e.kind(), HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (notice instanceof WebhookNotice.Ignored ignored) {
            metrics.count(source.system(), ignored.kind(), Result.IGNORED, 1);
            return answer(HttpStatus.ACCEPTED, "status", "ignored", "reason", ignored.reason());
        }
        WebhookNotice.Change change = (WebhookNotice.Change) notice;
        InboundEvent event;
        try {
            event = InboundEvent.received(source.system(), change.kind(), change.entityId(), change.dedupKey(),
                    clock.instant(), new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return reject(source, change.kind(), HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return store(source, event);
    }

    private ResponseEntity<Map<String, Object>> store(ApiEventSource source, InboundEvent event) {
        boolean stored;
        try {
            stored = inbox.accept(event);
        } catch (RuntimeException e) {
            log.error("Could not store a posted {} event for {}; answered 503 so the caller retries: {}",
                    source.name(), event.entityId(), e.toString());
            metrics.count(source.system(), event.kind(), Result.REJECTED, 1);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                    .body(Map.of("error", "The event could not be stored just now; nothing was accepted."
                            + " Send it again after the Retry-After seconds."));
        }
        if (!stored) {
            metrics.count(source.system(), event.kind(), Result.DUPLICATE, 1);
            return answer(HttpStatus.OK, "status", "duplicate");
        }
        metrics.count(source.system(), event.kind(), Result.ACCEPTED, 1);
        log.debug("Stored posted {} event for {} as event {}", source.name(), event.entityId(), event.id());
        return answer(HttpStatus.ACCEPTED, "status", "accepted", "event", event.id().toString());
    }

    private static byte[] readBounded(HttpServletRequest request) throws IOException, TooLarge {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new TooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            // One byte more than allowed tells an oversized chunked body from one exactly at the limit.
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new TooLarge();
            }
            return body;
        }
    }

    private ResponseEntity<Map<String, Object>> reject(ApiEventSource source, String kind, HttpStatus status,
                                                       String message) {
        log.warn("Refused a posted {} event with {}: {}", source.name(), status.value(), message);
        metrics.count(source.system(), kind, Result.REJECTED, 1);
        return answer(status, "error", message);
    }

    private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            body.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return ResponseEntity.status(status).body(body);
    }

    private static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }
}
