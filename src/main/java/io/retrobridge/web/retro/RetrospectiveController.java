package io.retrobridge.web.retro;

import io.retrobridge.sync.RetrospectiveStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The retrospectives opened for failed or risky releases: a page of them, or one with its action items. */
@RestController
class RetrospectiveController {

    static final int MAX_LIMIT = 500;

    @Schema(name = "RetrospectivePage")
    record Page(long total, int offset, int limit, List<RetrospectiveViews.Summary> items) {
    }

    private final RetrospectiveStore store;
    private final RetrospectiveViews views;

    RetrospectiveController(RetrospectiveStore store, RetrospectiveViews views) {
        this.store = store;
        this.views = views;
    }

    @Operation(summary = "Retrospectives opened, newest first; of one application, or since a time")
    @GetMapping("/api/retrospectives")
    Page list(@RequestParam(required = false) String application,
              @Parameter(description = "ISO-8601 instant, e.g. 2026-11-01T00:00:00Z")
              @RequestParam(required = false) String since,
              @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        if (offset < 0) {
            throw RetrospectiveRequestException.badRequest("offset must be 0 or more but was " + offset + ".");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RetrospectiveRequestException.badRequest("limit must be between 1 and " + MAX_LIMIT + " but was "
                    + limit + ".");
        }
        String app = application == null || application.isBlank() ? null : application.strip();
        Instant from = since(since);
        List<RetrospectiveViews.Summary> items = store.list(app, from, offset, limit).stream()
                .map(views::summary).toList();
        return new Page(store.count(app, from), offset, limit, items);
    }

    @Operation(summary = "One retrospective with its trigger, both records and its action items")
    @GetMapping("/api/retrospectives/{id}")
    RetrospectiveViews.Detail one(@PathVariable UUID id) {
        return store.find(id).map(views::detail).orElseThrow(() -> RetrospectiveRequestException.notFound(
                "There is no retrospective " + id + "; GET /api/retrospectives lists those that exist."));
    }

    private static Instant since(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw RetrospectiveRequestException.badRequest("since '" + (since.length() > 60 ? since.substring(0, 60)
                    + "..." : since) + "' is not an ISO-8601 instant; send e.g. 2026-11-01T00:00:00Z.");
        }
    }
}
