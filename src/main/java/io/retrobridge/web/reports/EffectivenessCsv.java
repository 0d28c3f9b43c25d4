package io.retrobridge.web.reports;

import io.retrobridge.insight.effectiveness.EffectivenessFigures;
import io.retrobridge.insight.effectiveness.EffectivenessFigures.BoardTally;
import io.retrobridge.insight.effectiveness.EffectivenessReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * The effectiveness report as CSV (RFC 4180, CRLF line ends, a header row): per period one row of all applications
 * (named {@value #ALL}) then one per application; after every period's rows, one per period and team (named
 * {@value DeliveryCsv#TEAM_PREFIX} and the team's name, figures pooled over its applications). Lists (the items behind a gap, each board) are summed to counts;
 * the JSON form has them. Empty cells are rates and medians with nothing to compute them from.
 */
final class EffectivenessCsv {

    static final String ALL = "(all)";

    static final List<String> HEADER = List.of("period-from", "period-to", "application", "retrospectives",
            "action-items", "done", "cancelled", "completion-rate", "done-on-time", "on-time-rate", "open-items",
            "open-age-median-days", "open-age-oldest-days", "overdue-items", "overdue-age-median-days",
            "overdue-age-oldest-days", "closed-tags", "recurred-tags", "recurrence-rate", "recovery-before-failures",
            "recovery-before-restored", "recovery-before-median-minutes", "recovery-after-failures",
            "recovery-after-restored", "recovery-after-median-minutes", "escalations", "escalations-closed-item",
            "escalations-open", "escalations-deescalated", "escalations-parked", "follow-ups-never-read",
            "tasks-not-synced", "items-without-due-date", "items-without-failure-mode");

    private EffectivenessCsv() {
    }

    static String write(EffectivenessReport report) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (EffectivenessReport.Period period : report.periods()) {
            line(csv, cells(period, ALL, period.overall()));
            period.byApplication().forEach(app -> line(csv, cells(period, app.application(), app.figures())));
        }
        for (EffectivenessReport.Period period : report.periods()) {
            period.byTeam().forEach(team -> line(csv, cells(period, DeliveryCsv.TEAM_PREFIX + team.team(),
                    team.figures())));
        }
        return csv.toString();
    }

    private static List<String> cells(EffectivenessReport.Period period, String application, EffectivenessFigures f) {
        List<String> cells = new ArrayList<>(List.of(period.from().toString(), period.to().toString(), application));
        add(cells, f.retrospectives(), f.actionItems(), f.done(), f.cancelled(), f.completionRate(), f.doneOnTime(),
                f.onTimeRate(), f.open().items(), f.open().medianDays(), f.open().oldestDays(), f.overdue().items(),
                f.overdue().medianDays(), f.overdue().oldestDays(), f.recurrence().closedTags(),
                f.recurrence().recurred(), f.recurrence().rate(), f.recovery().before().failures(),
                f.recovery().before().restored(), f.recovery().before().medianMinutes(),
                f.recovery().after().failures(), f.recovery().after().restored(),
                f.recovery().after().medianMinutes(), sum(f, BoardTally::total), sum(f, BoardTally::closedItem),
                sum(f, BoardTally::open), sum(f, BoardTally::deescalated), sum(f, BoardTally::parked),
                f.gaps().followUpsNeverRead().size(), f.gaps().tasksNotSynced(), f.gaps().itemsWithoutDueDateCount(),
                f.gaps().itemsWithoutFailureModeCount());
        return cells;
    }

    private static int sum(EffectivenessFigures figures, ToIntFunction<BoardTally> count) {
        return figures.escalations().stream().mapToInt(count).sum();
    }

    private static void add(List<String> cells, Object... values) {
        for (Object value : values) {
            cells.add(value == null ? "" : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString());
        }
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(FollowUpCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }
}
