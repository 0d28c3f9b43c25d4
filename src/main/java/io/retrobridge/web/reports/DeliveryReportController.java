package io.retrobridge.web.reports;

import io.retrobridge.insight.delivery.Delivery;
import io.retrobridge.insight.delivery.DeliveryQuery;
import io.retrobridge.insight.delivery.DeliveryReport;
import io.retrobridge.insight.delivery.Granularity;
import io.retrobridge.insight.team.TeamScope;
import io.retrobridge.mapping.CurrentMappings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/delivery}: DORA's five delivery metrics per application (and over all of them) in one
 * environment over [from, to), cut into day, week or month buckets in a time zone. JSON by default; CSV (one row
 * per application and bucket, then per team and bucket) when the caller prefers {@code text/csv}. Teams are those of
 * teams.yaml; {@code team} restricts the report to one. The definitions are in the README.
 */
@RestController
class DeliveryReportController {

    static final Duration WINDOW = Duration.ofDays(30);
    static final long MAX_BUCKETS = 1000;
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    private final DeliveryReport report;
    private final CurrentMappings mappings;
    private final Clock clock;

    DeliveryReportController(DeliveryReport report, CurrentMappings mappings, ObjectProvider<Clock> clock) {
        this.report = report;
        this.mappings = mappings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Operation(summary = "DORA's five delivery metrics (deployment frequency, change lead time, change fail rate,"
            + " failed deployment recovery time, deployment rework rate) with their bands, per application and bucket"
            + " over [from, to), rolled up per team (JSON or CSV)")
    @ApiResponse(responseCode = "200", description = "the report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DeliveryViews.DeliveryReportView.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "a parameter is not valid; the answer names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
    @ApiResponse(responseCode = "406", description = "neither JSON nor CSV is acceptable",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
    @GetMapping("/api/reports/delivery")
    ResponseEntity<?> delivery(
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(description = "only this application, as the deployment events name it; default every one")
            @RequestParam(name = "application", required = false) String application,
            @Parameter(description = "only this team's applications, as teams.yaml names the team (unassigned: the"
                    + " applications no team lists); default every one")
            @RequestParam(name = "team", required = false) String team,
            @Parameter(description = "the environment; default production")
            @RequestParam(name = "environment", required = false) String environment,
            @Parameter(description = "start of the window, ISO 8601 time (2026-11-01T00:00:00Z) or date (2026-11-01,"
                    + " the start of that day in zone); default 30 days before to")
            @RequestParam(name = "from", required = false) String from,
            @Parameter(description = "end of the window, excluded, ISO 8601 time or date; default now")
            @RequestParam(name = "to", required = false) String to,
            @Parameter(description = "the buckets: day, week (from Monday) or month; default week")
            @RequestParam(name = "granularity", required = false) String granularity,
            @Parameter(description = "the time zone buckets and dates are counted in, e.g. Europe/Berlin; default UTC")
            @RequestParam(name = "zone", required = false) String zone,
            @Parameter(description = "true to list the events (runs) behind each figure; default false")
            @RequestParam(name = "events", required = false) String events) {
        MediaType format;
        DeliveryQuery query;
        TeamScope teams;
        try {
            format = ReportParameters.format(accept, ReportParameters.JSON_OR_CSV, problem -> "The Accept header is"
                    + " not readable (" + problem + "); send application/json or text/csv.", "The delivery report is"
                    + " available as application/json or text/csv, not as '" + ReportParameters.shortened(accept)
                    + "'; send one of those in Accept.");
            query = query(application, environment, from, to, granularity, zone, events);
            teams = ReportTeams.scope(mappings, team, query.application());
        } catch (ReportParameters.Refused refused) {
            return refused.answer();
        }
        Delivery delivery = report.report(query, teams);
        if (format.equals(FollowUpReportController.CSV)) {
            return ReportAnswers.csv("delivery-" + LocalDate.ofInstant(query.from(), query.zone()) + ".csv",
                    DeliveryCsv.write(delivery));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(DeliveryViews.of(delivery));
    }

    private DeliveryQuery query(String application, String environment, String from, String to,
                                String granularity, String zone, String events) throws ReportParameters.Refused {
        String onlyApplication = ReportParameters.application(application);
        String inEnvironment = ReportParameters.given(environment) ? environment.strip() : "production";
        if (!ENVIRONMENT.matcher(inEnvironment).matches()) {
            throw new ReportParameters.Refused("environment", "environment '" + ReportParameters.shortened(inEnvironment)
                    + "' is not an environment name (letters, digits and . _ -, e.g. production).");
        }
        ZoneId inZone = ReportParameters.zone(zone);
        Granularity buckets = ReportParameters.named("granularity", granularity, Granularity.WEEK, Granularity::named,
                () -> "granularity '" + ReportParameters.shortened(granularity) + "' is not one of day, week, month.");
        Instant end = ReportParameters.given(to) ? ReportParameters.instant(to, inZone, "to") : clock.instant();
        Instant start = ReportParameters.given(from) ? ReportParameters.instant(from, inZone, "from") : end.minus(WINDOW);
        if (!start.isBefore(end)) {
            throw new ReportParameters.Refused("from", "from " + start + " is not before to " + end + "; the window is"
                    + " [from, to).");
        }
        if (DeliveryReport.bucketCount(start, end, buckets, inZone, MAX_BUCKETS) > MAX_BUCKETS) {
            throw new ReportParameters.Refused("granularity", "the window from " + start + " to " + end + " makes more"
                    + " than " + MAX_BUCKETS + " " + buckets.label() + " buckets; choose a coarser granularity or a"
                    + " shorter window.");
        }
        boolean withEvents;
        if (!ReportParameters.given(events)) {
            withEvents = false;
        } else if (events.strip().equalsIgnoreCase("true") || events.strip().equalsIgnoreCase("false")) {
            withEvents = Boolean.parseBoolean(events.strip().toLowerCase(Locale.ROOT));
        } else {
            throw new ReportParameters.Refused("events", "events '" + ReportParameters.shortened(events) + "' is neither"
                    + " true nor false.");
        }
        return new DeliveryQuery(onlyApplication, inEnvironment.toLowerCase(Locale.ROOT), start, end, buckets, inZone,
                withEvents);
    }
}
