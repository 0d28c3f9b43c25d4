package io.retrobridge.web.webhooks;

import static io.retrobridge.sync.InvalidWebhookException.quote;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/{source}} for every registered source, e.g. {@code /webhooks/jira} and
 * {@code /webhooks/servicenow}. Open to anyone (see ApiAccessPolicy): the signature over the raw body is the
 * protection, so the body is taken as bytes, never bound by a converter.
 */
@RestController
class WebhookController {

    private final WebhookIntake intake;
    private final WebhookSources sources;

    WebhookController(WebhookIntake intake, WebhookSources sources) {
        this.intake = intake;
        this.sources = sources;
    }

    @PostMapping(path = "/webhooks/{source}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> receive(@PathVariable("source") String source, HttpServletRequest request) {
        return sources.find(source).map(known -> intake.receive(known, request)).orElseGet(() -> unknown(source));
    }

    private ResponseEntity<Map<String, Object>> unknown(String source) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "No webhook source is named " + quote(source) + "; deliveries go to /webhooks/<source>"
                + " with one of: " + String.join(", ", sources.names()) + ".");
        body.put("sources", sources.names());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
    }
}
