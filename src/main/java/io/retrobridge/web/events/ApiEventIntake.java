package io.retrobridge.web.events;

import io.retrobridge.sync.ApiEventSource;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.web.intake.BoundedBody;
import io.retrobridge.web.intake.NoticeStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
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

    private final NoticeStore store;

    ApiEventIntake(NoticeStore store) {
        this.store = store;
    }

    ResponseEntity<Map<String, Object>> receive(ApiEventSource source, HttpServletRequest request) {
        String what = "a posted " + source.name() + " event";
        byte[] body;
        try {
            body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(), MAX_BODY_BYTES);
        } catch (BoundedBody.TooLargeException e) {
            return store.reject(source.system(), what, null, HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than "
                    + MAX_BODY_BYTES + " bytes; one " + source.name() + " event is far smaller, so check what is"
                    + " being sent here.");
        } catch (IOException e) {
            return store.reject(source.system(), what, null, HttpStatus.BAD_REQUEST, "The body could not be read"
                    + " completely (" + e.getClass().getSimpleName() + "); send the event again.");
        }
        try {
            return store.store(source.system(), what, source.read(body), body);
        } catch (InvalidWebhookException e) {
            return store.reject(source.system(), what, e.kind(), HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
