package io.retrobridge.web.gates;

import static io.retrobridge.sync.InvalidWebhookException.quote;

import io.retrobridge.sync.GateHookSource;
import io.retrobridge.web.webhooks.WebhookIntake;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gate's native hooks, {@code POST /api/gates/hooks/{caller}?gate=<gate>}: each caller's delivery is proven,
 * bounded and kept in the inbox like any webhook, then acknowledged at once with a 200 (Azure DevOps waits 3 s,
 * GitHub 10 s);
 * the caller's own handler asks the gate and calls back with the decision. Open without an API key: the caller's
 * signature or token is the protection.
 */
@RestController
class GateHookController {

    private final Map<String, GateHookSource> byCaller = new TreeMap<>();
    private final WebhookIntake intake;
    private final GateProperties settings;

    GateHookController(List<GateHookSource> hooks, WebhookIntake intake, GateProperties settings) {
        for (GateHookSource hook : hooks) {
            GateHookSource earlier = byCaller.putIfAbsent(hook.caller(), hook);
            if (earlier != null) {
                throw new IllegalStateException("Two gate hooks are named '" + hook.caller() + "' ("
                        + earlier.getClass().getName() + " and " + hook.getClass().getName() + ")");
            }
        }
        this.intake = intake;
        this.settings = settings;
    }

    @Operation(summary = "A CI/CD system's native gate hook (no API key; proven by the caller's signature or token):"
            + " github (deployment protection rule), gitlab (external status check), azure-devops (check with a"
            + " callback). Acknowledged once kept; the decision is sent back to the caller")
    @PostMapping(path = "/api/gates/hooks/{caller}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> receive(
            @Parameter(description = "github, gitlab or azure-devops") @PathVariable String caller,
            HttpServletRequest request) {
        GateHookSource hook = byCaller.get(caller);
        if (hook == null) {
            return unknown(caller);
        }
        // Read from the query string alone: a form-encoded body must stay unread until its signature is checked.
        String asked = GateRequestReader.query(request.getQueryString()).get("gate");
        String gate;
        try {
            gate = asked == null || asked.isBlank() ? settings.hookGate() : GateInputs.gate(asked);
        } catch (GateRequestException e) {
            return ResponseEntity.status(e.status()).body(Map.of("error", e.getMessage()));
        }
        ResponseEntity<Map<String, Object>> answer = intake.receive(hook, request,
                "a gate hook delivery from " + caller, (body, headers) -> hook.read(body, headers, gate));
        // Azure DevOps' documentation asks for a 200 to take a check as delivered; the others take any 2xx.
        return answer.getStatusCode() == HttpStatus.ACCEPTED
                ? ResponseEntity.ok().headers(answer.getHeaders()).body(answer.getBody()) : answer;
    }

    private ResponseEntity<Map<String, Object>> unknown(String caller) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "No gate hook is named " + quote(caller) + "; hooks are served at /api/gates/hooks/<caller>"
                + " with one of: " + (byCaller.isEmpty() ? "(none enabled)" : String.join(", ", byCaller.keySet()))
                + ".");
        body.put("callers", List.copyOf(byCaller.keySet()));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
    }
}
