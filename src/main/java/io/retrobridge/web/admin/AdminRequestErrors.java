package io.retrobridge.web.admin;

import io.retrobridge.transport.CircuitOpenException;
import io.retrobridge.transport.RemoteCallException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns refused admin requests into {@code {"error": "..."}} answers that say what to send instead. */
@RestControllerAdvice(assignableTypes = {JournalController.class, DeadLetterController.class, InboxController.class,
        EscalationController.class, AuditController.class, DeadLetterBulkReplayController.class})
class AdminRequestErrors {

    @ExceptionHandler(BadAdminRequestException.class)
    ResponseEntity<Map<String, String>> refused(BadAdminRequestException e) {
        return ResponseEntity.status(e.status()).body(Map.of("error", e.getMessage()));
    }

    /** An item named by key or number had to be looked up in its system, which did not answer. */
    @ExceptionHandler({RemoteCallException.class, CircuitOpenException.class})
    ResponseEntity<Map<String, String>> unreachable(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error",
                "The item could not be looked up in its system: " + e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> wrongType(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a different value" : switch (e.getRequiredType().getSimpleName()) {
            case "UUID" -> "an id like 3f2b8c1e-5d4a-4b7e-9c2d-1a2b3c4d5e6f";
            case "int", "Integer", "long", "Long" -> "a whole number";
            default -> "a " + e.getRequiredType().getSimpleName();
        };
        return ResponseEntity.badRequest().body(Map.of("error",
                e.getName() + " '" + shorten(String.valueOf(e.getValue())) + "' is not " + expected + "."));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, String>> missing(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest().body(Map.of("error",
                "The query parameter " + e.getParameterName() + " is required."));
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
