package io.retrobridge.web.pir;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns refused PIR requests into {@code {"error": "..."}} answers that say what to send instead. */
@RestControllerAdvice(assignableTypes = PirController.class)
class PirRequestErrors {

    @ExceptionHandler(PirRequestException.class)
    ResponseEntity<Map<String, String>> refused(PirRequestException e) {
        return ResponseEntity.status(e.status()).body(Map.of("error", e.getMessage()));
    }
}
