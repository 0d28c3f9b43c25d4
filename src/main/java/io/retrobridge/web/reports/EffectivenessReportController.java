package io.retrobridge.web.reports;

import io.retrobridge.insight.effectiveness.EffectivenessReader;
import io.retrobridge.insight.effectiveness.EffectivenessReport;
import io.retrobridge.insight.effectiveness.Granularity;
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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * {@code GET /api/reports/effectiveness}: whether retrospectives' actions got done and on time, whether the failure
 * modes they addressed recurred, recovery before and after their changes landed, escalations and data gaps. Days are
 * those of escalations.yaml's calendar zone (UTC without that file), as in the follow-up report. Figures are rolled
 * up per team of teams.yaml too; {@code team} restricts the report to one.
 */
@RestController
class EffectivenessReportController {

    /** The window when the caller names none: the 90 days up to and including today. */
    static final int DEFAULT_DAYS = 90;
    /** The longest window asked for at once, so one request cannot read the whole history day by day. */
    static final int MAX_DAYS = 3 * 366;
    /** The most action items listed per period with items=true. */
    static final int MAX_ITEMS = 1000;
    private static final Pattern APPLICATION = Pattern.compile("[A-Za-z0-9._/-]{1,255}");

    private final EffectivenessReader reader;
    private final CurrentMappings mappings;
    private final Clock clock;

    EffectivenessReportController(EffectivenessReader reader, CurrentMappings mappings, ObjectProvider<Clock> clock) {
        this.reader = reader;
        this.mappings = mappings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Operation(summary = "Retrospective effectiveness over a window, per application and overall: action completion "
            + "and on-time rates, age of open and overdue items, failure-mode recurrence, recovery time before vs "
            + "after retrospective-driven changes landed, escalations per board and how they ended, data gaps "
            + "(JSON or CSV); per team too")
    @ApiResponse(responseCode = "200", description = "the report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = EffectivenessWithItems.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "a parameter is not valid; the answer names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
    @ApiResponse(responseCode = "406", description = "neither JSON nor CSV is acceptable",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
    @GetMapping("/api/reports/effectiveness")
    ResponseEntity<?> effectiveness(
            @Parameter(description = "only this application's retrospectives, e.g. payment-gateway; all when absent")
            @RequestParam(name = "application", required = false) String application,
            @Parameter(description = "only this team's applications, as teams.yaml names the team (unassigned: the "
                    + "applications no team lists); all when absent")
            @RequestParam(name = "team", required = false) String team,
            @Parameter(description = "first day of the window (ISO date, inclusive); 90 days before `to` when absent")
            @RequestParam(name = "from", required = false) String from,
            @Parameter(description = "the day after the window (ISO date, exclusive); tomorrow when absent")
            @RequestParam(name = "to", required = false) String to,
            @Parameter(description = "window (the default: one period), month or week")
            @RequestParam(name = "granularity", required = false) String granularity,
            @Parameter(description = "true to list, per period and application, the action items behind the figures"
                    + " (at most " + MAX_ITEMS + " per period; the rest are counted in leftOut), JSON only; default"
                    + " false")
            @RequestParam(name = "items", required = false) String items,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        MediaType format;
        Asked asked;
        try {
            format = ReportParameters.format(accept, ReportParameters.JSON_OR_CSV, problem -> "The Accept header '"
                    + accept + "' is not readable; send application/json or text/csv.", "The effectiveness report is"
                    + " available as application/json or text/csv, not as '" + accept + "'; send one of those in"
                    + " Accept.");
            asked = asked(application, team, from, to, granularity, items);
        } catch (ReportParameters.Refused refused) {
            return refused.answer();
        }
        String wanted = asked.application();
        LocalDate start = asked.days().from();
        LocalDate end = asked.days().to();
        boolean withItems = asked.items() && !format.equals(FollowUpReportController.CSV);
        if (withItems) {
            EffectivenessReader.WithItems read = reader.reportWithItems(wanted, start, end, asked.periods(),
                    asked.zone(), asked.today(), MAX_ITEMS, asked.teams());
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(new EffectivenessWithItems(read.report(), read.items()));
        }
        EffectivenessReport report = reader.report(wanted, start, end, asked.periods(), asked.zone(), asked.today(),
                asked.teams());
        if (format.equals(FollowUpReportController.CSV)) {
            return ReportAnswers.csv("effectiveness-" + start + "-" + end + ".csv", EffectivenessCsv.write(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    /** The parameters read; today is the escalation calendar's, which the window's defaults count from. */
    private record Asked(String application, Days days, Granularity periods, ZoneId zone, LocalDate today,
                         boolean items, TeamScope teams) {
    }

    private Asked asked(String application, String team, String from, String to, String granularity, String items)
            throws ReportParameters.Refused {
        String wanted = ReportParameters.matching("application", application, APPLICATION, () -> "application '"
                + shown(application) + "' is not an application name (letters, digits and . _ - /, at most 255"
                + " characters, e.g. payment-gateway).");
        ZoneId zone = mappings.escalations().map(policy -> policy.calendar().zone()).orElse(ZoneOffset.UTC);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Days days = ReportParameters.days(from, to, () -> today.plusDays(1), end -> end.minusDays(DEFAULT_DAYS),
                EffectivenessReportController::shown);
        if (ChronoUnit.DAYS.between(days.from(), days.to()) > MAX_DAYS) {
            throw new ReportParameters.Refused("from", "the window " + days.from() + " to " + days.to() + " is longer"
                    + " than " + MAX_DAYS + " days; ask for a shorter one.");
        }
        Granularity periods = ReportParameters.named("granularity", granularity, Granularity.WINDOW,
                Granularity::named, () -> "granularity '" + shown(granularity) + "' is not known: use window, month"
                        + " or week.");
        if (ReportParameters.given(items) && !items.strip().equals("true") && !items.strip().equals("false")) {
            throw new ReportParameters.Refused("items", "items '" + shown(items) + "' is neither true nor false.");
        }
        TeamScope teams = ReportTeams.scope(mappings, team, wanted);
        return new Asked(wanted, days, periods, zone, today, ReportParameters.given(items)
                && items.strip().equals("true"), teams);
    }

    /** A value quoted back in a refusal of this report: cut at 64 characters. */
    private static String shown(String value) {
        String text = value == null ? "" : value;
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
