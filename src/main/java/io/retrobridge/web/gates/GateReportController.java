package io.retrobridge.web.gates;

import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.gate.GatePolicy;
import io.retrobridge.mapping.gate.Waiver;
import io.retrobridge.sync.GateEvaluations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the gate answered and which waivers it holds, for release managers and auditors: every answer is kept, so a
 * listing shows who asked what, when, and why it was answered so; the waivers show who signed off what until when.
 */
@RestController
class GateReportController {

    static final int MAX_LIMIT = 500;

    private final GateEvaluations evaluations;
    private final CurrentMappings mappings;
    private final Clock clock;

    GateReportController(GateEvaluations evaluations, CurrentMappings mappings, ObjectProvider<Clock> clock) {
        this.evaluations = evaluations;
        this.mappings = mappings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** One answer in a listing: the question, the decision and why; the whole answer is at its statusUrl. */
    record Answer(String evaluationId, String gate, String application, String version, String environment,
                  String commitSha, String changeNumber, String requester, String decision, String reason,
                  String decidedAt, String statusUrl) {
    }

    record Answers(long total, Map<String, Long> byDecision, int offset, int limit, List<Answer> items) {
    }

    record WaiverView(String id, String application, String rule, String who, String why, String until,
                      String state) {
    }

    record Waivers(boolean policy, long active, long expired, List<WaiverView> waivers) {
    }

    @Operation(summary = "The gate's answers, newest first, narrowed by application, gate, decision (ALLOW, DENY, "
            + "PENDING) and a time range (from inclusive, to exclusive, ISO-8601 instants), with the count per "
            + "decision: who asked about what, when, and why it was answered so")
    @GetMapping("/api/gates/evaluations")
    Answers answers(@RequestParam(required = false) String application,
            @RequestParam(required = false) String gate,
            @Parameter(description = "ALLOW, DENY or PENDING") @RequestParam(required = false) String decision,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw GateRequestException.badRequest("offset must be 0 or more and limit between 1 and " + MAX_LIMIT
                    + "; they were " + offset + " and " + limit + ".");
        }
        GateEvaluations.Search search = new GateEvaluations.Search(
                application == null || application.isBlank() ? null : GateInputs.application(application),
                gate == null || gate.isBlank() ? null : GateInputs.gate(gate), decision(decision), instant("from", from),
                instant("to", to));
        Map<String, Long> byDecision = evaluations.countByDecision(search);
        List<Answer> items = evaluations.search(search, offset, limit).stream().map(GateReportController::answer)
                .toList();
        return new Answers(byDecision.values().stream().mapToLong(Long::longValue).sum(), byDecision, offset, limit,
                items);
    }

    @Operation(summary = "The waivers in gates.yaml: who signed off which rule for which application, why and "
            + "until when, and whether each is still active; expired ones stay listed for the record")
    @GetMapping("/api/gates/waivers")
    Waivers waivers() {
        Instant now = clock.instant();
        List<Waiver> waivers = mappings.gates().map(GatePolicy::waivers).orElse(List.of());
        List<WaiverView> views = waivers.stream().sorted(Comparator.comparing(Waiver::until).reversed())
                .map(w -> new WaiverView(w.id(), w.application(), w.ruleId(), w.who(), w.why(), w.until().toString(),
                        w.activeAt(now) ? "active" : "expired"))
                .toList();
        long active = views.stream().filter(v -> v.state().equals("active")).count();
        return new Waivers(mappings.gates().isPresent(), active, views.size() - active, views);
    }

    private static Answer answer(GateEvaluations.Evaluation e) {
        return new Answer(e.id().toString(), e.gate(), e.application(), e.version(), e.environment(), e.commitSha(),
                e.changeNumber(), e.requester(), e.decision(), e.reason(), e.decidedAt().toString(),
                "/api/gates/evaluations/" + e.id());
    }

    private static String decision(String decision) {
        if (decision == null || decision.isBlank()) {
            return null;
        }
        String upper = decision.strip().toUpperCase(Locale.ROOT);
        if (!List.of("ALLOW", "DENY", "PENDING").contains(upper)) {
            throw GateRequestException.badRequest("decision must be ALLOW, DENY or PENDING; it was '"
                    + printable(decision) + "'.");
        }
        return upper;
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw GateRequestException.badRequest(name + " must be an instant like 2026-12-01T00:00:00Z; it was '"
                    + printable(value) + "'.");
        }
    }

    private static String printable(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7E]", "?").replace("'", "?");
    }
}
