package io.retrobridge.web.webhooks;

import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.sync.ReceivedEvents.Result;
import io.retrobridge.sync.ReceivedEvents;
import io.retrobridge.sync.WebhookNotice;
import io.retrobridge.sync.WebhookSource;
import io.retrobridge.transport.SharedSecretProof;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one path every webhook delivery takes: bounded read of the raw body, signature check over exactly those
 * bytes, then reading by the source's own reader, then durable storage in the inbox; only a stored (or already
 * stored) event is acknowledged with a 2xx. Anything that may succeed later (no secret yet, store down) answers 503 so the
 * sender retries and nothing is lost.
 */
@Component
class WebhookIntake {

    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    private final EventInbox inbox;
    private final ReceivedEvents metrics;
    private final Clock clock;

    WebhookIntake(EventInbox inbox, ReceivedEvents metrics, ObjectProvider<Clock> clock) {
        this.inbox = inbox;
        this.metrics = metrics;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    ResponseEntity<Map<String, Object>> receive(WebhookSource source, HttpServletRequest request) {
        byte[] body;
        try {
            body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(), MAX_BODY_BYTES);
        } catch (BoundedBody.TooLargeException e) {
            return reject(source, null, HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than "
                    + MAX_BODY_BYTES + " bytes (1 MiB); a " + source.name() + " change notice is far smaller,"
                    + " so check what is being sent here.");
        } catch (IOException e) {
            return reject(source, null, HttpStatus.BAD_REQUEST, "The body could not be read completely ("
                    + e.getClass().getSimpleName() + "); send the delivery again.");
        }

        Optional<String> secret = source.secret();
        if (secret.isEmpty()) {
            return reject(source, null, HttpStatus.SERVICE_UNAVAILABLE, "Webhooks from " + source.name()
                    + " are not enabled: set " + source.secretSetting() + " to the secret the sender signs with."
                    + " Unsigned deliveries are never accepted.");
        }
        String proof = request.getHeader(source.signatureHeader());
        if (proof == null || proof.isBlank()) {
            return reject(source, null, HttpStatus.UNAUTHORIZED, source.signatureHeader() + " is missing: "
                    + ProofWords.howToSend(source));
        }
        if (!SharedSecretProof.holds(source.proof(), secret.get(), body, proof)) {
            return reject(source, null, HttpStatus.UNAUTHORIZED, ProofWords.mismatch(source));
        }

        WebhookNotice notice;
        try {
            notice = source.read(body, headers(request));
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

    private ResponseEntity<Map<String, Object>> store(WebhookSource source, InboundEvent event) {
        boolean stored;
        try {
            stored = inbox.accept(event);
        } catch (RuntimeException e) {
            log.error("Could not store a {} {} delivery for {}; answered 503 so the sender retries: {}",
                    source.name(), event.kind(), event.entityId(), e.toString());
            metrics.count(source.system(), event.kind(), Result.REJECTED, 1);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                    .body(Map.of("error", "The event could not be stored just now; nothing was accepted."
                            + " Send the delivery again (senders retry a 503 on their own)."));
        }
        if (!stored) {
            metrics.count(source.system(), event.kind(), Result.DUPLICATE, 1);
            return answer(HttpStatus.OK, "status", "duplicate");
        }
        metrics.count(source.system(), event.kind(), Result.ACCEPTED, 1);
        log.debug("Stored {} {} for {} as event {}", source.name(), event.kind(), event.entityId(), event.id());
        return answer(HttpStatus.ACCEPTED, "status", "accepted", "event", event.id().toString());
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name, request.getHeader(name));
        }
        return Collections.unmodifiableMap(headers);
    }

    private ResponseEntity<Map<String, Object>> reject(WebhookSource source, String kind, HttpStatus status,
                                                       String message) {
        log.warn("Refused a {} webhook delivery with {}: {}", source.name(), status.value(), message);
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
}
