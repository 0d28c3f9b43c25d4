package io.retrobridge.web.gates;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns refused gate requests into {@code {"error": "..."}} JSON answers: callers such as Argo need JSON always. */
@RestControllerAdvice(assignableTypes = {GateController.class, GateReportController.class})
class GateRequestErrors {

    @ExceptionHandler(GateRequestException.class)
    ResponseEntity<Map<String, String>> refused(GateRequestException e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", e.getMessage()));
    }
}
