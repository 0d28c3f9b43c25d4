package io.retrobridge.web.admin;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.DeadLetterFilter;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replays dead letters in bulk once their cause is fixed, chosen by the system they came from, the kind of failure
 * that parked them and when they were parked. At least one filter (or {@code all=true}) is required, so a bare POST
 * never requeues everything by accident.
 */
@RestController
class DeadLetterBulkReplayController {

    private static final String KINDS = "e.g. rate_limited, server_error, deferred_too_long, circuit_open, database, "
            + "timeout, unreachable, client_error, not_found, forbidden, unauthorized, other";

    private final DeadLetterReplay replay;

    DeadLetterBulkReplayController(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @Operation(summary = "Put every parked event that matches the filters back into the inbox")
    @PostMapping("/api/admin/dead-letters/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> replayMatching(@RequestParam(required = false) String system,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean all) {
        DeadLetterFilter filter = filter(system, kind, from, to);
        if (!all && filter.equals(new DeadLetterFilter(null, null, null, null))) {
            throw BadAdminRequestException.badRequest("Name which dead letters to replay: system (jira, servicenow), "
                    + "kind (" + KINDS + "), from and/or to (ISO-8601 instants, e.g. 2026-12-06T10:00:00Z), "
                    + "or all=true to replay every dead letter not replayed yet.");
        }
        List<DeadLetterReplay.Requeued> requeued = replay.replayMatching(filter);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "requeued");
        answer.put("replayed", requeued.size());
        Map<String, Object> matched = new LinkedHashMap<>();
        matched.put("system", filter.system() == null ? null : filter.system().name().toLowerCase(Locale.ROOT));
        matched.put("kind", filter.errorKind());
        matched.put("from", filter.parkedFrom());
        matched.put("to", filter.parkedBefore());
        answer.put("filter", matched);
        answer.put("deadLetters", requeued.stream().map(DeadLetterReplay.Requeued::deadLetterId).map(UUID::toString).toList());
        return answer;
    }

    private static DeadLetterFilter filter(String system, String kind, String from, String to) {
        ExternalSystem source = system == null || system.isBlank() ? null : system(system);
        String errorKind = kind == null || kind.isBlank() ? null : kind.strip().toLowerCase(Locale.ROOT);
        if (errorKind != null && !errorKind.matches("[a-z][a-z0-9_]{0,31}")) {
            throw BadAdminRequestException.badRequest("kind '" + kind + "' is not a kind of failure; " + KINDS);
        }
        Instant parkedFrom = instant("from", from);
        Instant parkedBefore = instant("to", to);
        if (parkedFrom != null && parkedBefore != null && !parkedFrom.isBefore(parkedBefore)) {
            throw BadAdminRequestException.badRequest("from (" + parkedFrom + ") must be before to (" + parkedBefore
                    + "); nothing was replayed");
        }
        return new DeadLetterFilter(source, errorKind, parkedFrom, parkedBefore);
    }

    private static ExternalSystem system(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "jira" -> ExternalSystem.JIRA;
            case "servicenow" -> ExternalSystem.SERVICENOW;
            default -> throw BadAdminRequestException.badRequest("system '" + name
                    + "' is not one RetroBridge syncs with; use jira, servicenow");
        };
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw BadAdminRequestException.badRequest(name + " '" + value
                    + "' is not an ISO-8601 instant such as 2026-12-06T10:00:00Z; nothing was replayed");
        }
    }
}
