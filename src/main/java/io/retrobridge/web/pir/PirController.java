package io.retrobridge.web.pir;

import io.retrobridge.insight.pir.PirCollectNow;
import io.retrobridge.insight.pir.PirRequest;
import io.retrobridge.sync.PirStore;
import io.retrobridge.web.security.ApiKeyPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A change's PIR summary, and asking for its figures to be collected now. */
@RestController
class PirController {

    /** A ServiceNow task number: a prefix of letters and digits after it, e.g. CHG0030001. */
    private static final Pattern CHANGE_NUMBER = Pattern.compile("[A-Za-z]{2,10}[0-9]{1,30}");
    /** Application, environment and version as deployment events give them. */
    private static final Pattern RELEASE_PART = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final PirStore store;
    private final PirCollectNow collectNow;

    PirController(PirStore store, PirCollectNow collectNow) {
        this.store = store;
        this.collectNow = collectNow;
    }

    @Operation(summary = "A change's PIR summary: each metric before and after its deployment with a verdict, the "
            + "deployments and alerts around it, data gaps, deployment telemetry, and whether it is complete")
    @GetMapping("/api/changes/{number}/pir")
    PirViews.Summary summary(@Parameter(description = "the change number, e.g. CHG0030001") @PathVariable String number) {
        String change = changeNumber(number);
        return store.find(PirRequest.keyOf(change)).map(PirViews::of).orElseThrow(() -> PirRequestException.notFound(
                "There is no PIR summary for " + change + " yet: figures are collected once its production deployment "
                        + "finished or it reached Review and the after-window has passed (see pir-metrics.yaml); "
                        + "POST /api/changes/" + change + "/pir/collect asks for them now."));
    }

    @Operation(summary = "The PIR summary of a release that carried no change, by application, environment and "
            + "version (a release with a change has its summary under /api/changes/{number}/pir)")
    @GetMapping("/api/deployments/pir")
    PirViews.Summary releaseSummary(
            @Parameter(description = "the deployed application, e.g. payment-gateway") @RequestParam String application,
            @Parameter(description = "the environment, e.g. production") @RequestParam String environment,
            @Parameter(description = "the deployed version, e.g. 4.1.3") @RequestParam String version) {
        String key = releasePart("application", application) + "@"
                + releasePart("environment", environment).toLowerCase(Locale.ROOT) + "@" + releasePart("version", version);
        return store.find(key).map(PirViews::of).orElseThrow(() -> PirRequestException.notFound(
                "There is no PIR summary for " + key + ": figures are collected once a deployment to an environment "
                        + "pir-metrics.yaml lists finished and the after-window has passed; a release that carried "
                        + "a change has its summary under /api/changes/{number}/pir."));
    }

    @Operation(summary = "Queue a collection of a change's PIR figures now (admin); an earlier summary is replaced "
            + "and its notes updated in place")
    @PostMapping("/api/changes/{number}/pir/collect")
    ResponseEntity<PirViews.Queued> collect(
            @Parameter(description = "the change number, e.g. CHG0030001") @PathVariable String number) {
        String change = changeNumber(number);
        PirCollectNow.Asked asked = collectNow.collect(change, caller());
        return switch (asked.answer()) {
            case QUEUED -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new PirViews.Queued("queued", asked.key(), asked.words()));
            case UNKNOWN_CHANGE -> throw PirRequestException.notFound(asked.words() + ".");
            case NOT_COLLECTED -> throw PirRequestException.conflict(asked.words() + ".");
        };
    }

    private static String changeNumber(String number) {
        if (number == null || !CHANGE_NUMBER.matcher(number).matches()) {
            String shown = number == null ? "" : number.length() > 60 ? number.substring(0, 60) + "..." : number;
            throw PirRequestException.badRequest("'" + shown + "' is not a change number; send one like CHG0030001.");
        }
        return number.toUpperCase(Locale.ROOT);
    }

    private static String releasePart(String name, String value) {
        if (value == null || !RELEASE_PART.matcher(value).matches()) {
            throw PirRequestException.badRequest(name + " must be 1 to 64 letters, digits, '.', '_' or '-', e.g. "
                    + "payment-gateway, production or 4.1.3.");
        }
        return value;
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ApiKeyPrincipal principal
                ? "API key " + principal.name() : "an API caller";
    }
}
