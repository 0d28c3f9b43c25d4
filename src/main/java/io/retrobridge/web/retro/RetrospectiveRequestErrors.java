package io.retrobridge.web.retro;

import io.retrobridge.transport.CircuitOpenException;
import io.retrobridge.transport.RemoteCallException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns refused retrospective requests into {@code {"error": "..."}} answers that say what to send instead. */
@RestControllerAdvice(assignableTypes = RetrospectiveController.class)
class RetrospectiveRequestErrors {

    @ExceptionHandler(RetrospectiveRequestException.class)
    ResponseEntity<Map<String, String>> refused(RetrospectiveRequestException e) {
        return ResponseEntity.status(e.status()).body(Map.of("error", e.getMessage()));
    }

    /** The action items are read from ServiceNow (and their issues from Jira), which did not answer. */
    @ExceptionHandler({RemoteCallException.class, CircuitOpenException.class})
    ResponseEntity<Map<String, String>> unreachable(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error",
                "The retrospective's action items could not be read from its systems: " + e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> wrongType(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() != null && e.getRequiredType().equals(java.util.UUID.class)
                ? "an id like 3f2b8c1e-5d4a-4b7e-9c2d-1a2b3c4d5e6f" : "a whole number";
        String value = String.valueOf(e.getValue());
        return ResponseEntity.badRequest().body(Map.of("error", e.getName() + " '"
                + (value.length() > 60 ? value.substring(0, 60) + "..." : value) + "' is not " + expected + "."));
    }
}
