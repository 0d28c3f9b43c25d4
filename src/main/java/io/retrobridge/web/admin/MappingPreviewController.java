package io.retrobridge.web.admin;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.flow.items.ItemLookup;
import io.retrobridge.flow.items.SyncPlan;
import io.retrobridge.flow.items.SyncPlanner;
import io.retrobridge.transport.CircuitOpenException;
import io.retrobridge.transport.RemoteCallException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "What would the sync do with this record, and why?": the canonical item read from one Jira issue or
 * ServiceNow record, the rule that classified it, and exactly what would be written to the other side.
 * It plans with the sync's own planner and never carries the plan out, so it writes nothing anywhere.
 */
@RestController
class MappingPreviewController {

    private final SyncPlanner planner;
    private final ItemLookup lookup;

    MappingPreviewController(SyncPlanner planner, ItemLookup lookup) {
        this.planner = planner;
        this.lookup = lookup;
    }

    /** @param id a Jira issue key or id, or a ServiceNow number or sys_id */
    @Operation(summary = "What the mappings would do with one item, writing nothing")
    @GetMapping("/api/admin/mappings/preview")
    MappingPreview preview(@RequestParam String system, @RequestParam String id) {
        ExternalSystem side = ItemNames.system(system);
        ExternalRef ref;
        SyncPlan plan;
        try {
            ref = lookup.readableRef(side, id).orElseThrow(() -> BadAdminRequestException.notFound("unknown item: "
                    + ItemNames.name(side) + " has no record numbered '" + ItemNames.shorten(id.strip()) + "' (give its number, e.g. "
                    + "PTASK0010002, or its sys_id)."));
            plan = planner.plan(ref);
        } catch (IllegalArgumentException e) {
            throw BadAdminRequestException.badRequest(e.getMessage());
        }
        if (plan.record().isEmpty()) {
            throw BadAdminRequestException.notFound("unknown item: " + ItemNames.name(side) + " has no record '" + ref.id() + "'"
                    + (side == ExternalSystem.JIRA ? " (give an issue key like PAY-12 or its numeric id)"
                    : " in table " + plan.mapping().serviceNowScope().table() + " (give its number, e.g. PTASK0010002, "
                    + "or its sys_id)") + ".");
        }
        return MappingPreview.of(plan);
    }

    @ExceptionHandler(BadAdminRequestException.class)
    ResponseEntity<Map<String, String>> refused(BadAdminRequestException e) {
        return ResponseEntity.status(e.status()).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, String>> missing(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "The query parameter " + e.getParameterName()
                + " is required, e.g. ?system=jira&id=PAY-12."));
    }

    /** The messages name system, method, path and status, never credentials or bodies. */
    @ExceptionHandler({RemoteCallException.class, CircuitOpenException.class})
    ResponseEntity<Map<String, String>> unreachable(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error",
                "The record could not be read, so nothing can be previewed: " + e.getMessage()));
    }
}
