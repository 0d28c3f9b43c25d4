package io.retrobridge.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.insight.FollowUpReport;
import io.retrobridge.insight.FollowUpReport.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class FollowUpCsvTest {

    private static Row row(String groupBy, String name) {
        return new Row(groupBy, name, 3, 1, 1, 2, 1, 1, 1, new BigDecimal("0.67"));
    }

    @Test
    void aHeaderThenRetrospectiveRowsThenTeamRowsEachEndingInCrLf() {
        FollowUpReport report = new FollowUpReport(LocalDate.of(2026, 11, 26),
                List.of(row("retrospective", "PRB0040001 Payment gateway upgrade")), List.of(row("team", "Payments")));

        assertThat(FollowUpCsv.write(report)).isEqualTo(
                "group-by,name,committed,completed-on-time,completed-late,cancelled,open,overdue,escalated,completion-rate\r\n"
                        + "retrospective,PRB0040001 Payment gateway upgrade,3,1,1,2,1,1,1,0.67\r\n"
                        + "team,Payments,3,1,1,2,1,1,1,0.67\r\n");
    }

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuoted() {
        assertThat(FollowUpCsv.cell("DNS outage, 2026")).isEqualTo("\"DNS outage, 2026\"");
        assertThat(FollowUpCsv.cell("the \"big\" one")).isEqualTo("\"the \"\"big\"\" one\"");
        assertThat(FollowUpCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(FollowUpCsv.cell("plain")).isEqualTo("plain");
        assertThat(FollowUpCsv.cell(null)).isEmpty();
    }

    @Test
    void cellsASpreadsheetWouldRunAsAFormulaAreWrittenAsText() {
        assertThat(FollowUpCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(FollowUpCsv.cell("+31 team")).isEqualTo("'+31 team");
        assertThat(FollowUpCsv.cell("-2")).isEqualTo("'-2");
        assertThat(FollowUpCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(FollowUpCsv.cell("\t=cmd")).isEqualTo("'\t=cmd");
        assertThat(FollowUpCsv.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(FollowUpCsv.cell("a=b")).as("only the first character matters").isEqualTo("a=b");
    }

    @Test
    void jsonIsAnsweredUnlessCsvIsPreferred() {
        assertThat(FollowUpReportController.chosenFormat(null)).contains(MediaType.APPLICATION_JSON);
        assertThat(FollowUpReportController.chosenFormat("*/*")).contains(MediaType.APPLICATION_JSON);
        assertThat(FollowUpReportController.chosenFormat("text/csv")).contains(FollowUpReportController.CSV);
        assertThat(FollowUpReportController.chosenFormat("text/*")).contains(FollowUpReportController.CSV);
        assertThat(FollowUpReportController.chosenFormat("application/json;q=0.5, text/csv"))
                .contains(FollowUpReportController.CSV);
        assertThat(FollowUpReportController.chosenFormat("text/csv;q=0.2, */*;q=0.8")).contains(MediaType.APPLICATION_JSON);
        assertThat(FollowUpReportController.chosenFormat("text/csv;q=0, application/json")).contains(MediaType.APPLICATION_JSON);
        assertThat(FollowUpReportController.chosenFormat("application/xml")).isEmpty();
    }
}
