package io.retrobridge.web.reports;

import io.retrobridge.insight.portfolio.Portfolio;
import io.retrobridge.insight.portfolio.PortfolioReport;
import io.retrobridge.insight.team.TeamScope;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.web.reports.ReportParameters.Days;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
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
    private static final MediaType HTML = MediaType.TEXT_HTML;
    private static final List<MediaType> FORMATS = List.of(MediaType.APPLICATION_JSON, FollowUpReportController.CSV,
            HTML);

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
        MediaType chosen;
        Asked asked;
        try {
            chosen = chosen(format, accept);
            asked = asked(application, team, from, to, zone);
        } catch (ReportParameters.Refused refused) {
            return refused.answer();
        }
        LocalDate start = asked.days().from();
        LocalDate end = asked.days().to();
        Portfolio portfolio = report.report(asked.application(), start, end, asked.zone(), asked.today(),
                asked.teams());
        if (chosen.equals(FollowUpReportController.CSV)) {
            return ReportAnswers.csv("portfolio-" + start + "-" + end + ".csv", PortfolioCsv.write(portfolio));
        }
        if (chosen.equals(HTML)) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                    .body(PortfolioHtml.write(portfolio));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(PortfolioViews.of(portfolio, PortfolioReport.ENVIRONMENT));
    }

    /** The format named by {@code ?format=}, else the one Accept prefers. */
    private static MediaType chosen(String format, String accept) throws ReportParameters.Refused {
        if (!ReportParameters.given(format)) {
            return ReportParameters.format(accept, FORMATS, problem -> "The Accept header is not readable; send "
                    + "application/json, text/csv or text/html.", "The portfolio report is available as "
                    + "application/json, text/csv or text/html, not as '" + ReportParameters.shortened(accept) + "'.");
        }
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> MediaType.APPLICATION_JSON;
            case "csv" -> FollowUpReportController.CSV;
            case "html" -> HTML;
            default -> throw new ReportParameters.Refused("format", "format '" + ReportParameters.shortened(format)
                    + "' is not one of json, csv, html.");
        };
    }

    /** The parameters read; today is the zone's, which the window's defaults count from. */
    private record Asked(String application, ZoneId zone, LocalDate today, Days days, TeamScope teams) {
    }

    private Asked asked(String application, String team, String from, String to, String zone)
            throws ReportParameters.Refused {
        String wanted = ReportParameters.application(application);
        ZoneId inZone = ReportParameters.zone(zone);
        LocalDate today = LocalDate.ofInstant(clock.instant(), inZone);
        Days days = ReportParameters.days(from, to, () -> today.withDayOfMonth(1).plusMonths(1),
                end -> end.minusDays(1).withDayOfMonth(1).minusMonths(DEFAULT_MONTHS - 1), ReportParameters::shortened);
        LocalDate start = days.from();
        LocalDate end = days.to();
        if (start.getYear() < 1970 || end.getYear() > 9998) {
            throw new ReportParameters.Refused("from", "the window " + start + " to " + end + " is not between "
                    + "1970 and 9998.");
        }
        if (ChronoUnit.MONTHS.between(start.withDayOfMonth(1), end.minusDays(1).withDayOfMonth(1)) >= MAX_MONTHS) {
            throw new ReportParameters.Refused("from", "the window " + start + " to " + end + " spans more than "
                    + MAX_MONTHS + " months; ask for a shorter one.");
        }
        return new Asked(wanted, inZone, today, days, ReportTeams.scope(mappings, team, wanted));
    }

}
