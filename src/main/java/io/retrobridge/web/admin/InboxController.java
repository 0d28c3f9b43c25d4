package io.retrobridge.web.admin;

import io.retrobridge.sync.EventInbox;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How much intake is waiting to be applied: a growing number means the sync is stuck or too slow. */
@RestController
class InboxController {

    private final EventInbox inbox;

    InboxController(EventInbox inbox) {
        this.inbox = inbox;
    }

    @Operation(summary = "Events waiting in the inbox")
    @GetMapping("/api/admin/inbox")
    Map<String, Object> inbox() {
        return Map.of("pending", inbox.pendingCount());
    }
}
