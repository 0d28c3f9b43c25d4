package io.retrobridge.web.gates;

import io.retrobridge.gate.GateDecision;
import io.retrobridge.sync.GateEvaluations;
import io.retrobridge.web.security.ApiKeyPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The deployment gate for pipelines: ask whether a release may proceed, and read an answer again by its id. Every
 * answer is HTTP 200 with JSON, a denial too, because several callers read the body and treat any other status as an
 * error; {@code ?strict=true} maps DENY to 403 and PENDING to 409 for callers that read only the status code.
 */
@RestController
class GateController {

    private final GateRequestReader reader;
    private final GateEvaluator evaluator;
    private final GateEvaluations evaluations;

    GateController(GateRequestReader reader, GateEvaluator evaluator, GateEvaluations evaluations) {
        this.reader = reader;
        this.evaluator = evaluator;
        this.evaluations = evaluations;
    }

    @Operation(summary = "Ask the deployment gate whether a release may proceed (pipeline): application, version, "
            + "environment, commitSha (or sha) and changeNumber from a JSON body or the query string; always 200 "
            + "with JSON (decision ALLOW, DENY or PENDING, the reason and what blocks, with links), the status URL "
            + "also as Location; ?strict=true answers DENY with 403 and PENDING with 409")
    @RequestMapping(path = "/api/gates/{gate}/evaluate",
            method = {RequestMethod.POST, RequestMethod.PUT, RequestMethod.GET})
    ResponseEntity<String> evaluate(
            @Parameter(description = "the gate, as gates.yaml names it, e.g. prod") @PathVariable String gate,
            HttpServletRequest request) {
        String name = GateInputs.gate(gate);
        GateInputs inputs = reader.read(request);
        boolean strict = GateRequestReader.strict(request);
        GateEvaluator.Served served = evaluator.evaluate(name, inputs, caller(), request.getRemoteAddr(),
                id -> ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/gates/evaluations/{id}")
                        .buildAndExpand(id).toUriString(),
                decision -> status(decision, strict).value());
        return ResponseEntity.status(status(served.decision(), strict)).location(URI.create(served.statusUrl()))
                .contentType(MediaType.APPLICATION_JSON).body(served.json());
    }

    @Operation(summary = "A deployment gate answer again by its evaluation id, the same JSON as when it was "
            + "given, for callers that poll its status URL (Spinnaker, Jenkins)")
    @GetMapping("/api/gates/evaluations/{id}")
    ResponseEntity<String> evaluation(
            @Parameter(description = "the evaluationId of an answer") @PathVariable String id) {
        UUID evaluationId = evaluationId(id);
        return evaluations.find(evaluationId)
                .map(found -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(found.answerJson()))
                .orElseThrow(() -> GateRequestException.notFound("There is no gate evaluation " + evaluationId
                        + "; ask again with POST /api/gates/{gate}/evaluate."));
    }

    private static HttpStatus status(GateDecision decision, boolean strict) {
        if (!strict) {
            return HttpStatus.OK;
        }
        return switch (decision) {
            case ALLOW -> HttpStatus.OK;
            case DENY -> HttpStatus.FORBIDDEN;
            case PENDING -> HttpStatus.CONFLICT;
        };
    }

    private static UUID evaluationId(String id) {
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw GateRequestException.badRequest("'" + (id.length() > 40 ? id.substring(0, 40) + "..." : id)
                .replaceAll("[^\\x20-\\x7E]", "?") + "' is not an evaluation id; use the evaluationId of an answer, "
                + "e.g. 3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f.");
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ApiKeyPrincipal principal
                ? principal.name() : "anonymous";
    }
}
