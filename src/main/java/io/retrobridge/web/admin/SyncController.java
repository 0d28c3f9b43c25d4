package io.retrobridge.web.admin;

import io.retrobridge.flow.inbox.Backfill;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.web.security.ApiKeyPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Asks for a backfill and tells where sync stands; every instance answers the same (the runs are read from the database). */
@RestController
@RequestMapping("/api/admin/sync")
class SyncController {

    private final Backfill backfill;
    private final EventInbox inbox;
    private final LinkStore links;

    SyncController(Backfill backfill, EventInbox inbox, LinkStore links) {
        this.backfill = backfill;
        this.inbox = inbox;
        this.links = links;
    }

    @Operation(summary = "Start linking and syncing everything in scope that exists already")
    @ApiResponse(responseCode = "202", description = "Requested, or one already requested or running (on any"
            + " instance): its progress")
    @PostMapping("/backfill")
    ResponseEntity<Backfill.Progress> backfill() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(backfill.start(caller()));
    }

    @Operation(summary = "Links, events waiting and backfill progress")
    @GetMapping("/status")
    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("links", links.count());
        status.put("pendingEvents", inbox.pendingCount());
        status.put("backfill", backfill.status().orElse(null));
        return status;
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ApiKeyPrincipal principal
                ? principal.name() : "an API caller";
    }
}
