package io.retrobridge.web.admin;

import io.retrobridge.domain.AdminAction;
import io.retrobridge.sync.AdminAuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who did what through the admin API: the audit log, newest first, filtered by action, key and time. */
@RestController
class AuditController {

    @Schema(name = "AuditEntry")
    record EntryView(long id, Instant at, String keyName, String action, String target, int status, String outcome,
                     String remote) {

        static EntryView of(AdminAction action) {
            return new EntryView(action.id(), action.at(), action.keyName(), action.action(), action.target(),
                    action.status(), action.outcome(), action.remote());
        }
    }

    @Schema(name = "AuditPage")
    record Page(long total, int offset, int limit, List<EntryView> items) {
    }

    private final AdminAuditLog audit;

    AuditController(AdminAuditLog audit) {
        this.audit = audit;
    }

    /**
     * @param from inclusive, an instant such as 2026-12-01T00:00:00Z
     * @param to   exclusive
     */
    @Operation(summary = "Who did what through the admin API, newest first")
    @GetMapping("/api/admin/audit")
    Page audit(@RequestParam(required = false) String action, @RequestParam(required = false) String key,
               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
               @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        AdminAuditLog.Filter filter = new AdminAuditLog.Filter(blankToNull(action), blankToNull(key),
                instant("from", from), instant("to", to));
        List<EntryView> items = audit.find(filter, Paging.offset(offset), Paging.limit(limit)).stream()
                .map(EntryView::of).toList();
        return new Page(audit.count(filter), offset, limit, items);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw BadAdminRequestException.badRequest(name + " must be an instant such as 2026-12-01T00:00:00Z.");
        }
    }
}
