package io.retrobridge.web.admin;

import io.retrobridge.flow.EscalationScan;
import io.retrobridge.flow.ScanAlreadyRunningException;
import io.retrobridge.flow.ScanSummary;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs one escalation scan now (admin only, as everything under /api/admin) and answers what it did. */
@RestController
class EscalationScanController {

    private final ObjectProvider<EscalationScan> scans;

    EscalationScanController(ObjectProvider<EscalationScan> scans) {
        this.scans = scans;
    }

    @PostMapping("/api/admin/escalations/scan")
    ResponseEntity<?> scan() {
        EscalationScan scan = scans.getIfAvailable();
        if (scan == null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error",
                    "The escalation scan is not available in this build (no escalation policy, planner or store); "
                            + "the start-up log names what is missing."));
        }
        ScanSummary summary = scan.scan();
        return ResponseEntity.ok(summary);
    }

    @ExceptionHandler(ScanAlreadyRunningException.class)
    ResponseEntity<Map<String, String>> running(ScanAlreadyRunningException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }
}
