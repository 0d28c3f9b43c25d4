package io.retrobridge.web.reports;

import io.retrobridge.insight.FollowUpReport;
import io.retrobridge.insight.FollowUpReport.Row;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The follow-up report as CSV (RFC 4180: comma separated, CRLF line ends, a header row): the retrospective rows,
 * then the team rows. Names come from Jira and ServiceNow, so anyone who can name a team or retrospective decides
 * what a cell starts with; a cell a spreadsheet would run as a formula is written as text instead.
 */
final class FollowUpCsv {

    static final List<String> HEADER = List.of("group-by", "name", "committed", "completed-on-time", "completed-late",
            "cancelled", "open", "overdue", "escalated", "completion-rate");

    private static final String LINE_END = "\r\n";

    private FollowUpCsv() {
    }

    static String write(FollowUpReport report) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        Stream.concat(report.byRetrospective().stream(), report.byTeam().stream())
                .forEach(row -> line(csv, cells(row)));
        return csv.toString();
    }

    private static List<String> cells(Row row) {
        return List.of(row.groupBy(), row.name(), String.valueOf(row.committed()), String.valueOf(row.completedOnTime()),
                String.valueOf(row.completedLate()), String.valueOf(row.cancelled()), String.valueOf(row.open()),
                String.valueOf(row.overdue()), String.valueOf(row.escalated()), row.completionRate().toPlainString());
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(FollowUpCsv::cell).collect(Collectors.joining(","))).append(LINE_END);
    }

    /** One cell: defused if a spreadsheet would read it as a formula, then quoted if it holds , " or a line break. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (startsAFormula(text)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    // = + - @ start formulas; a leading tab or carriage return is dropped by some spreadsheets, exposing what follows.
    private static boolean startsAFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }
}
