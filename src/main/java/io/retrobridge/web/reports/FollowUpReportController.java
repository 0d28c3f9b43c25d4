package io.retrobridge.web.reports;

import io.retrobridge.escalation.FollowUpStore;
import io.retrobridge.insight.FollowUpReport.Row;
import io.retrobridge.insight.FollowUpReport;
import io.retrobridge.mapping.CurrentMappings;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/follow-up}: per retrospective and per team, what was committed and what became of it.
 * JSON by default; CSV when the caller prefers {@code text/csv}. "Today", which overdue is judged against, is the
 * clock's date in the zone of escalations.yaml's calendar (UTC without that file).
 */
@RestController
class FollowUpReportController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    record RowView(String name, int committed, int completedOnTime, int completedLate, int cancelled, int open,
                   int overdue, int escalated, BigDecimal completionRate) {

        static RowView of(Row row) {
            return new RowView(row.name(), row.committed(), row.completedOnTime(), row.completedLate(), row.cancelled(),
                    row.open(), row.overdue(), row.escalated(), row.completionRate());
        }

        static List<RowView> of(List<Row> rows) {
            return rows.stream().map(RowView::of).toList();
        }
    }

    record ReportView(Instant generatedAt, LocalDate today, List<RowView> byRetrospective, List<RowView> byTeam) {
    }

    private final FollowUpStore facts;
    private final CurrentMappings mappings;
    private final Clock clock;

    FollowUpReportController(FollowUpStore facts, CurrentMappings mappings, ObjectProvider<Clock> clock) {
        this.facts = facts;
        this.mappings = mappings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Operation(summary = "How retrospective action items were followed up, per retrospective and team (JSON or CSV)")
    @GetMapping("/api/reports/follow-up")
    ResponseEntity<?> followUp(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        MediaType format;
        try {
            format = ReportParameters.format(accept, ReportParameters.JSON_OR_CSV, problem -> "The Accept header '"
                    + accept + "' is not readable (" + problem + "); send application/json or text/csv.", "The"
                    + " follow-up report is available as application/json or text/csv, not as '" + accept + "'; send"
                    + " one of those in Accept.");
        } catch (ReportParameters.Refused refused) {
            // This report's refusals name no parameter: it takes none.
            return ResponseEntity.status(refused.status).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", refused.getMessage()));
        }
        Instant now = clock.instant();
        // Overdue is judged on the same day as the scan judges it: in the escalation calendar's zone.
        ZoneId zone = mappings.escalations().map(policy -> policy.calendar().zone()).orElse(ZoneOffset.UTC);
        LocalDate today = LocalDate.ofInstant(now, zone);
        FollowUpReport report = FollowUpReport.of(facts.all(), today);
        if (format.equals(CSV)) {
            return ReportAnswers.csv("follow-up-" + today + ".csv", FollowUpCsv.write(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new ReportView(now, today,
                RowView.of(report.byRetrospective()), RowView.of(report.byTeam())));
    }

    /** JSON unless CSV is asked for with a higher preference; empty when the caller accepts neither. */
    static Optional<MediaType> chosenFormat(String accept) {
        return ReportParameters.preferred(accept, ReportParameters.JSON_OR_CSV);
    }
}
