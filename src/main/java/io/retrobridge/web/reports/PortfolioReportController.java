package io.retrobridge.web.reports;

import io.retrobridge.insight.portfolio.Portfolio;
import io.retrobridge.insight.portfolio.PortfolioReport;
import io.retrobridge.insight.team.TeamScope;
import io.retrobridge.mapping.CurrentMappings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/portfolio}: the delivery and effectiveness figures per calendar month and application, and
 * the month-over-month trend. JSON by default; CSV (a row per month and application) for {@code text/csv}; the
 * printable trend report for {@code text/html} or {@code ?format=html}. Each month has a row per team of teams.yaml
 * beside those per application; {@code team} restricts the report to one team.
 */
@RestController
class PortfolioReportController {

    /** Months reported when the caller names no window: the last three whole months and the current one. */
    static final int DEFAULT_MONTHS = 4;
    static final int MAX_MONTHS = 36;
    private static final Pattern APPLICATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,254}");
    private static final MediaType HTML = MediaType.TEXT_HTML;

    private final PortfolioReport report;
    private final CurrentMappings mappings;
    private final Clock clock;

    PortfolioReportController(PortfolioReport report, CurrentMappings mappings, ObjectProvider<Clock> clock) {
        this.report = report;
        this.mappings = mappings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Operation(summary = "The portfolio: delivery (DORA) and retrospective-effectiveness figures per month and "
            + "application and per team, with the monthly trend (what improved or worsened, what recurred, what is overdue, "
            + "failure modes recurring across teams) as JSON, CSV or a printable HTML report")
    @ApiResponse(responseCode = "200", description = "the report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PortfolioViews.PortfolioView.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "a parameter is not valid; the answer names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
    @ApiResponse(responseCode = "406", description = "none of JSON, CSV and HTML is acceptable",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
    @GetMapping("/api/reports/portfolio")
    ResponseEntity<?> portfolio(
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(description = "only this application, e.g. payment-gateway; every one when absent")
            @RequestParam(name = "application", required = false) String application,
            @Parameter(description = "only this team's applications, as teams.yaml names the team (unassigned: the "
                    + "applications no team lists); every one when absent")
            @RequestParam(name = "team", required = false) String team,
            @Parameter(description = "first day of the window (ISO date, inclusive); three months before the start "
                    + "of the current month when absent")
            @RequestParam(name = "from", required = false) String from,
            @Parameter(description = "the day after the window (ISO date, exclusive); the first of next month when "
                    + "absent")
            @RequestParam(name = "to", required = false) String to,
            @Parameter(description = "the time zone months and days are counted in, e.g. Europe/Berlin; default UTC")
            @RequestParam(name = "zone", required = false) String zone,
            @Parameter(description = "json, csv or html; overrides Accept")
            @RequestParam(name = "format", required = false) String format) {
        Optional<MediaType> chosen;
        if (ReportParameters.given(format)) {
            chosen = switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> Optional.of(MediaType.APPLICATION_JSON);
                case "csv" -> Optional.of(FollowUpReportController.CSV);
                case "html" -> Optional.of(HTML);
                default -> null;
            };
            if (chosen == null) {
                return ReportParameters.refusal(HttpStatus.BAD_REQUEST, "format", "format '" + ReportParameters.shortened(format) + "' is not one of "
                        + "json, csv, html.");
            }
        } else {
            try {
                chosen = chosenFormat(accept);
            } catch (InvalidMediaTypeException e) {
                return ReportParameters.refusal(HttpStatus.BAD_REQUEST, "Accept", "The Accept header is not readable; send "
                        + "application/json, text/csv or text/html.");
            }
            if (chosen.isEmpty()) {
                return ReportParameters.refusal(HttpStatus.NOT_ACCEPTABLE, "Accept", "The portfolio report is available as "
                        + "application/json, text/csv or text/html, not as '" + ReportParameters.shortened(accept) + "'.");
            }
        }
        String wanted = ReportParameters.given(application) ? application.strip() : null;
        if (wanted != null && !APPLICATION.matcher(wanted).matches()) {
            return ReportParameters.refusal(HttpStatus.BAD_REQUEST, "application", "application '" + ReportParameters.shortened(application) + "' is "
                    + "not an application name (letters, digits and . _ - /, at most 255 characters).");
        }
        ZoneId inZone;
        try {
            inZone = ReportParameters.given(zone) ? ZoneId.of(zone.strip()) : ZoneId.of("UTC");
        } catch (DateTimeException e) {
            return ReportParameters.refusal(HttpStatus.BAD_REQUEST, "zone", "zone '" + ReportParameters.shortened(zone) + "' is not a time zone such "
                    + "as Europe/Berlin or UTC.");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), inZone);
        LocalDate end;
        LocalDate start;
        try {
            end = ReportParameters.given(to) ? LocalDate.parse(to.strip()) : today.withDayOfMonth(1).plusMonths(1);
        } catch (DateTimeParseException e) {
            return ReportParameters.refusal(HttpStatus.BAD_REQUEST, "to", "to '" + ReportParameters.shortened(to) + "' is not an ISO date such as "
                    + "2026-12-01.");
        }
        try {
            start = ReportParameters.given(from) ? LocalDate.parse(from.strip())
                    : end.minusDays(1).withDayOfMonth(1).minusMonths(DEFAULT_MONTHS - 1);
        } catch (DateTimeParseException e) {
            return ReportParameters.refusal(HttpStatus.BAD_REQUEST, "from", "from '" + ReportParameters.shortened(from) + "' is not an ISO date such "
                    + "as 2026-09-01.");
        }
        if (!start.isBefore(end)) {
            return ReportParameters.refusal(HttpStatus.BAD_REQUEST, "from", "from " + start + " must be before to " + end
                    + " (to is exclusive).");
        }
        if (start.getYear() < 1970 || end.getYear() > 9998) {
            return ReportParameters.refusal(HttpStatus.BAD_REQUEST, "from", "the window " + start + " to " + end + " is not between "
                    + "1970 and 9998.");
        }
        if (ChronoUnit.MONTHS.between(start.withDayOfMonth(1), end.minusDays(1).withDayOfMonth(1)) >= MAX_MONTHS) {
            return ReportParameters.refusal(HttpStatus.BAD_REQUEST, "from", "the window " + start + " to " + end + " spans more than "
                    + MAX_MONTHS + " months; ask for a shorter one.");
        }
        TeamScope teams;
        try {
            teams = ReportTeams.scope(mappings, team, wanted);
        } catch (ReportTeams.Refused refused) {
            return ReportParameters.refusal(HttpStatus.BAD_REQUEST, refused.parameter, refused.getMessage());
        }
        Portfolio portfolio = report.report(wanted, start, end, inZone, today, teams);
        if (chosen.get().equals(FollowUpReportController.CSV)) {
            return ResponseEntity.ok().contentType(FollowUpReportController.CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("portfolio-" + start + "-" + end + ".csv").build().toString())
                    .body(PortfolioCsv.write(portfolio));
        }
        if (chosen.get().equals(HTML)) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                    .body(PortfolioHtml.write(portfolio));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(PortfolioViews.of(portfolio, PortfolioReport.ENVIRONMENT));
    }

    /** JSON, CSV or HTML in the caller's order of preference; empty when none is acceptable. */
    static Optional<MediaType> chosenFormat(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(MediaType.APPLICATION_JSON);
        }
        List<MediaType> wanted = MediaType.parseMediaTypes(accept).stream()
                .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed()).toList();
        for (MediaType type : wanted) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            for (MediaType offered : List.of(MediaType.APPLICATION_JSON, FollowUpReportController.CSV, HTML)) {
                if (type.includes(offered)) {
                    return Optional.of(offered);
                }
            }
        }
        return Optional.empty();
    }
}
