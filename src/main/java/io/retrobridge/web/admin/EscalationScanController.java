package io.retrobridge.web.admin;

import io.retrobridge.escalation.scan.EscalationScan;
import io.retrobridge.escalation.scan.ScanAlreadyRunningException;
import io.retrobridge.escalation.scan.ScanSummary;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs one escalation scan now (admin only, as everything under /api/admin) and answers what it did. */
@RestController
class EscalationScanController {

    private final EscalationScan scan;

    EscalationScanController(EscalationScan scan) {
        this.scan = scan;
    }

    @Operation(summary = "Run the escalation scan now")
    @PostMapping("/api/admin/escalations/scan")
    ResponseEntity<ScanSummary> scan() {
        return ResponseEntity.ok(scan.scan());
    }

    @ExceptionHandler(ScanAlreadyRunningException.class)
    ResponseEntity<Map<String, String>> running(ScanAlreadyRunningException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }
}
