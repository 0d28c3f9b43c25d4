package io.retrobridge.web.events;

import static io.retrobridge.sync.InvalidWebhookException.quote;

import io.swagger.v3.oas.annotations.Operation;
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
 * {@code POST /api/events/{name}} for every registered API event source, e.g. {@code /api/events/deployments}.
 * The body is taken as bytes and read by the source's own reader, so the event stored is exactly what was sent.
 */
@RestController
class ApiEventController {

    private final ApiEventIntake intake;
    private final ApiEventSources sources;

    ApiEventController(ApiEventIntake intake, ApiEventSources sources) {
        this.intake = intake;
        this.sources = sources;
    }

    @Operation(summary = "Post an event of a registered kind; stored before it is acknowledged",
            description = "202 accepted (stored), 200 duplicate (stored before), 400 naming the field that cannot be"
                    + " read (nothing stored), 404 for a name no source has, 503 with Retry-After when the store is"
                    + " down. Each registered kind is described under its own path with its body's schema.")
    @PostMapping(path = "/api/events/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> receive(@PathVariable("name") String name, HttpServletRequest request) {
        return sources.find(name).map(known -> intake.receive(known, request)).orElseGet(() -> unknown(name));
    }

    private ResponseEntity<Map<String, Object>> unknown(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "No API event source is named " + quote(name) + "; events go to /api/events/<name>"
                + " with one of: " + String.join(", ", sources.names()) + ".");
        body.put("sources", sources.names());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
    }
}
