package io.retrobridge.web.admin;

import io.retrobridge.escalation.scan.EscalationScan;
import io.retrobridge.escalation.scan.ScanAlreadyRunningException;
import io.retrobridge.escalation.scan.ScanSummary;
import io.retrobridge.sync.LeaderTerm;
import io.retrobridge.sync.LeaderTerms;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs one escalation scan now (admin only, as everything under /api/admin) and answers what it did. With several
 * instances only the elected one scans, so that no two scans write at once; another instance answers 409 naming it.
 */
@RestController
class EscalationScanController {

    private final EscalationScan scan;
    private final LeaderTerm leadership;
    private final LeaderTerms terms;

    EscalationScanController(EscalationScan scan, ObjectProvider<LeaderTerm> leadership, LeaderTerms terms) {
        this.scan = scan;
        this.leadership = leadership.getIfAvailable(() -> LeaderTerm.NOT_FENCED);
        this.terms = terms;
    }

    @Operation(summary = "Run the escalation scan now")
    @PostMapping("/api/admin/escalations/scan")
    ResponseEntity<?> scan() {
        if (leadership.fenced() && leadership.current().isEmpty()) {
            return notTheLeader();
        }
        return ResponseEntity.ok(scan.scan());
    }

    private ResponseEntity<Map<String, String>> notTheLeader() {
        Optional<String> leader = Optional.ofNullable(leadership.namespace()).flatMap(terms::latest)
                .map(LeaderTerms.Holder::holder);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", leader.map(name -> "This instance does not lead, so it does not scan: the escalation scan"
                        + " runs on the elected instance " + name + ". Send the request to " + name + ".")
                .orElse("This instance does not lead, so it does not scan, and no instance has been elected yet;"
                        + " try again in a few seconds."));
        leader.ifPresent(name -> body.put("leader", name));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler(ScanAlreadyRunningException.class)
    ResponseEntity<Map<String, String>> running(ScanAlreadyRunningException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }
}
