package io.retrobridge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.PirSummary.MetricRow;
import org.junit.jupiter.api.Test;

/** How PIR figures read wherever they are written. */
class PirSummaryTextTest {

    private static MetricRow row(String title, String unit, Double before, Double after, Verdict verdict,
                                 String problem) {
        return new MetricRow("m", title, unit, before, after, verdict, "q", null, problem);
    }

    @Test
    void aMetricLineShowsBothValuesTheChangeAndTheVerdict() {
        assertThat(PirSummaryText.metricLine(row("Error rate", "ratio", 0.0099, 0.0740, Verdict.DEGRADED, null)))
                .isEqualTo("0.0099 -> 0.0740 (+647.5%), degraded");
        assertThat(PirSummaryText.metricLine(row("Throughput", null, 1250.0, 1100.0, Verdict.OK, null)))
                .isEqualTo("1250.0 -> 1100.0 (-12.0%), ok");
    }

    @Test
    void withoutABeforeValueThereIsNoChangeAndTheProblemIsSaid() {
        MetricRow fromZero = row("Errors", "count", 0.0, 3.0, Verdict.DEGRADED, null);
        MetricRow missing = row("Latency", "seconds", null, 0.2, Verdict.NO_DATA, "no samples\nbefore");

        assertThat(PirSummaryText.metricLine(fromZero)).isEqualTo("0.0000 -> 3.00, degraded");
        assertThat(PirSummaryText.row(fromZero)).containsExactly("Errors (count)", "0.0000", "3.00", "n/a",
                "degraded");
        assertThat(PirSummaryText.metricLine(missing)).isEqualTo("n/a -> 0.2000, no data: no samples before");
    }

    @Test
    void aValueNeverSpansLines() {
        assertThat(PirSummaryText.oneLine(" a\r\nb\tc\u2028d ")).isEqualTo("a b c d");
        assertThat(PirSummaryText.marker("change:CHG1")).isEqualTo("[rb-pir change:CHG1]");
    }
}
