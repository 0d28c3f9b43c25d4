package io.retrobridge.web.deployments;

import io.retrobridge.domain.DeploymentTelemetry;
import io.retrobridge.insight.DeploymentTelemetryReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/deployments/telemetry}: how an application ships to an environment over a window, from the
 * deployment runs recorded. The window is [from, to); by default the 30 days up to now, in production. Times are
 * ISO 8601 text; durations both in seconds and as ISO 8601 durations.
 */
@RestController
class DeploymentTelemetryController {

    static final String ENVIRONMENT = "production";
    static final Duration WINDOW = Duration.ofDays(30);

    /** As the deployment events name applications and environments. */
    private static final Pattern APPLICATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,254}");
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    /** The telemetry as the API answers it. */
    record TelemetryView(String application, String environment, Instant from, Instant to, int deployments,
                         int failed, int rollbacks, double rollbackFrequency, Double medianDurationSeconds,
                         String medianDuration, Double longestDurationSeconds, String longestDuration) {

        static TelemetryView of(DeploymentTelemetry telemetry) {
            return new TelemetryView(telemetry.application(), telemetry.environment(), telemetry.from(),
                    telemetry.to(), telemetry.deployments(), telemetry.failed(), telemetry.rollbacks(),
                    telemetry.rollbackFrequency(), seconds(telemetry.medianDuration()),
                    text(telemetry.medianDuration()), seconds(telemetry.longestDuration()),
                    text(telemetry.longestDuration()));
        }

        private static Double seconds(Duration duration) {
            return duration == null ? null : duration.toMillis() / 1000.0;
        }

        private static String text(Duration duration) {
            return duration == null ? null : duration.toString();
        }
    }

    private final DeploymentTelemetryReport report;
    private final Clock clock;

    DeploymentTelemetryController(DeploymentTelemetryReport report, ObjectProvider<Clock> clock) {
        this.report = report;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Operation(summary = "Deployment count, failures, rollbacks, rollback frequency and median and longest duration"
            + " of an application's runs to an environment that finished in [from, to)")
    @GetMapping(path = "/api/deployments/telemetry", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> telemetry(
            @Parameter(description = "the application, as the deployment events name it, e.g. payment-gateway")
            @RequestParam(name = "application", required = false) String application,
            @Parameter(description = "the environment; default production")
            @RequestParam(name = "environment", required = false) String environment,
            @Parameter(description = "start of the window, ISO 8601 (e.g. 2026-11-01T00:00:00Z); default 30 days"
                    + " before to")
            @RequestParam(name = "from", required = false) String from,
            @Parameter(description = "end of the window, excluded, ISO 8601; default now")
            @RequestParam(name = "to", required = false) String to) {
        if (application == null || application.isBlank()) {
            return refusal("application", "application is missing: name the application whose deployments to count,"
                    + " e.g. ?application=payment-gateway.");
        }
        if (!APPLICATION.matcher(application).matches()) {
            return refusal("application", "application '" + shortened(application) + "' is not an application name"
                    + " (letters, digits and . _ - /, at most 255 characters).");
        }
        String inEnvironment = environment == null || environment.isBlank() ? ENVIRONMENT : environment.strip();
        if (!ENVIRONMENT_NAME.matcher(inEnvironment).matches()) {
            return refusal("environment", "environment '" + shortened(inEnvironment) + "' is not an environment name"
                    + " (letters, digits and . _ -, e.g. production).");
        }
        Instant end;
        Instant start;
        try {
            end = to == null || to.isBlank() ? clock.instant() : instant(to);
        } catch (DateTimeParseException e) {
            return refusal("to", "to '" + shortened(to) + "' is not an ISO 8601 time such as 2026-12-01T00:00:00Z.");
        }
        try {
            start = from == null || from.isBlank() ? end.minus(WINDOW) : instant(from);
        } catch (DateTimeParseException e) {
            return refusal("from", "from '" + shortened(from) + "' is not an ISO 8601 time such as"
                    + " 2026-11-01T00:00:00Z.");
        }
        if (!start.isBefore(end)) {
            return refusal("from", "from " + start + " is not before to " + end + "; the window is [from, to).");
        }
        return ResponseEntity.ok(TelemetryView.of(report.telemetry(application, inEnvironment.toLowerCase(Locale.ROOT),
                start, end)));
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text.strip()).toInstant();
    }

    private static String shortened(String value) {
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
