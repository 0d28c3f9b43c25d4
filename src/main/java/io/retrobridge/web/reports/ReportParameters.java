package io.retrobridge.web.reports;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the report endpoints share in reading their parameters and refusing a bad one. */
final class ReportParameters {

    private ReportParameters() {
    }

    /** Whether a parameter was given with a value. */
    static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    /** A value quoted back in a refusal: control characters replaced, cut at 60 characters. */
    static String shortened(String value) {
        String printable = String.valueOf(value).replaceAll("[\\p{Cc}\\p{Cf}]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
    }

    /** {@code {"error": message, "parameter": name}} as JSON, whatever format was asked for. */
    static ResponseEntity<Map<String, String>> refusal(HttpStatus status, String parameter, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("parameter", parameter);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
