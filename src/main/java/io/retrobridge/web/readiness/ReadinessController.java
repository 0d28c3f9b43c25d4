package io.retrobridge.web.readiness;

import io.retrobridge.insight.readiness.ReadinessReport;
import io.retrobridge.web.gates.GateLinks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /api/readiness}: what a pre-release readiness review of an application (and a version) needs, from the
 * local store. JSON by default; Markdown for {@code Accept: text/markdown} or {@code ?format=markdown}. An application
 * nothing is known of is not an error (a first release is a fair question): 200 with empty sections and a note.
 * A refused request is always JSON, {@code {"error", "parameter"}}, whatever was asked for.
 */
@RestController
class ReadinessController {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

    /** As the deployment events name applications. */
    private static final Pattern APPLICATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,254}");
    /** As the gate accepts versions. */
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._+-]{1,128}");

    private final ReadinessReport report;
    private final GateLinks links;

    ReadinessController(ReadinessReport report, GateLinks links) {
        this.report = report;
        this.links = links;
    }

    @Operation(summary = "A release's readiness review: the gate's current answer, open and overdue follow-ups, "
            + "failed deployments and rollbacks, the last PIR, and the failure modes of the application's "
            + "retrospectives, from the local store; JSON, or Markdown for a review ticket (Accept: text/markdown "
            + "or ?format=markdown); an application nothing is known of gets empty sections and a note")
    @ApiResponse(responseCode = "200", description = "the review", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ReadinessViews.Review.class)),
            @Content(mediaType = "text/markdown", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "a parameter is missing or not valid; the answer names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
    @GetMapping("/api/readiness")
    ResponseEntity<?> readiness(
            @Parameter(description = "the application, as the deployment events name it, e.g. payment-gateway")
            @RequestParam(name = "application", required = false) String application,
            @Parameter(description = "the version to be released, e.g. 4.3.0; optional")
            @RequestParam(name = "version", required = false) String version,
            @Parameter(description = "json (the default) or markdown; overrides the Accept header")
            @RequestParam(name = "format", required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (application == null || application.isBlank()) {
            return refusal("application", "application is missing: name the application to review, e.g. "
                    + "?application=payment-gateway&version=4.3.0.");
        }
        if (!APPLICATION.matcher(application).matches()) {
            return refusal("application", "application '" + shown(application) + "' is not an application name "
                    + "(letters, digits and . _ - /, at most 255 characters, e.g. payment-gateway).");
        }
        String wanted = version == null || version.isBlank() ? null : version;
        if (wanted != null && !VERSION.matcher(wanted).matches()) {
            return refusal("version", "version '" + shown(version) + "' is not a version (1 to 128 letters, digits, "
                    + "'.', '_', '+' or '-', e.g. 4.3.0).");
        }
        boolean markdown;
        if (format == null || format.isBlank()) {
            markdown = prefersMarkdown(accept);
        } else if (format.strip().equalsIgnoreCase("markdown") || format.strip().equalsIgnoreCase("md")) {
            markdown = true;
        } else if (format.strip().equalsIgnoreCase("json")) {
            markdown = false;
        } else {
            return refusal("format", "format '" + shown(format) + "' is not known: use json or markdown.");
        }
        ReadinessViews.Review review = ReadinessViews.of(report.review(application, wanted), links,
                ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        if (markdown) {
            return ResponseEntity.ok().contentType(MARKDOWN).body(ReadinessMarkdown.of(review));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(review);
    }

    /** Markdown when the caller lists text/markdown before anything JSON would satisfy. */
    static boolean prefersMarkdown(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        List<MediaType> byQuality = types.stream().sorted((a, b) -> Double.compare(b.getQualityValue(),
                a.getQualityValue())).toList();
        for (MediaType type : byQuality) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.getType().equalsIgnoreCase("text") && type.getSubtype().toLowerCase(Locale.ROOT)
                    .equals("markdown")) {
                return true;
            }
            if (type.includes(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }

    private static String shown(String value) {
        String printable = value.replaceAll("[\\p{Cc}\\p{Cf}]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
    }

    private static ResponseEntity<Map<String, String>> refusal(String parameter, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("parameter", parameter);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
