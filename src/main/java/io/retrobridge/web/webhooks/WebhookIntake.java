package io.retrobridge.web.webhooks;

import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.sync.WebhookNotice;
import io.retrobridge.sync.WebhookSource;
import io.retrobridge.transport.SharedSecretProof;
import io.retrobridge.web.intake.BoundedBody;
import io.retrobridge.web.intake.NoticeStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one path every webhook delivery takes: bounded read of the raw body, signature check over exactly those
 * bytes, then reading by the source's own reader, then durable storage in the inbox; only a stored (or already
 * stored) event is acknowledged with a 2xx. Anything that may succeed later (no secret yet, store down) answers 503 so the
 * sender retries and nothing is lost. The gate's native hooks take the same path with a reader of their own.
 */
@Component
public class WebhookIntake {

    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final NoticeStore store;

    WebhookIntake(NoticeStore store) {
        this.store = store;
    }

    /** Reads what a verified body says; throws with a message naming the offending field. */
    @FunctionalInterface
    public interface NoticeReader {
        WebhookNotice read(byte[] body, Map<String, String> headers) throws InvalidWebhookException;
    }

    ResponseEntity<Map<String, Object>> receive(WebhookSource source, HttpServletRequest request) {
        return receive(source, request, "a webhook delivery from " + source.name(), source::read);
    }

    /**
     * @param what   how the log names the delivery, e.g. "a gate hook delivery from github"
     * @param reader reads the verified body in place of the source's own {@code read}
     */
    public ResponseEntity<Map<String, Object>> receive(WebhookSource source, HttpServletRequest request, String what,
            NoticeReader reader) {
        byte[] body;
        try {
            body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(), MAX_BODY_BYTES);
        } catch (BoundedBody.TooLargeException e) {
            return store.reject(source.system(), what, null, HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than "
                    + MAX_BODY_BYTES + " bytes (1 MiB); a " + source.name() + " change notice is far smaller,"
                    + " so check what is being sent here.");
        } catch (IOException e) {
            return store.reject(source.system(), what, null, HttpStatus.BAD_REQUEST, "The body could not be read"
                    + " completely (" + e.getClass().getSimpleName() + "); send the delivery again.");
        }

        Optional<String> secret = source.secret();
        if (secret.isEmpty()) {
            return store.reject(source.system(), what, null, HttpStatus.SERVICE_UNAVAILABLE, "Webhooks from "
                    + source.name() + " are not enabled: set " + source.secretSetting() + " to the secret the sender"
                    + " signs with. Unsigned deliveries are never accepted.");
        }
        String proof = request.getHeader(source.signatureHeader());
        if (proof == null || proof.isBlank()) {
            return store.reject(source.system(), what, null, HttpStatus.UNAUTHORIZED, source.signatureHeader()
                    + " is missing: " + ProofWords.howToSend(source));
        }
        if (!SharedSecretProof.holds(source.proof(), secret.get(), body, proof)) {
            return store.reject(source.system(), what, null, HttpStatus.UNAUTHORIZED, ProofWords.mismatch(source));
        }

        try {
            return store.store(source.system(), what, reader.read(body, headers(request)), body);
        } catch (InvalidWebhookException e) {
            return store.reject(source.system(), what, e.kind(), HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name, request.getHeader(name));
        }
        return Collections.unmodifiableMap(headers);
    }
}
