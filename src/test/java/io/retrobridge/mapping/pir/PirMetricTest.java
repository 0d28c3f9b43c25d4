package io.retrobridge.mapping.pir;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.Verdict;
import io.retrobridge.mapping.pir.PirMetric.Better;
import io.retrobridge.mapping.pir.PirMetric.Degraded;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A metric's query, filled in so no name can change it, and its verdict on a release's before and after values. */
class PirMetricTest {

    private static final String TEMPLATE = "up{service=\"${service}\",environment=\"${environment}\"}[${window}]";

    private static PirMetric metric(Better better, Degraded degraded) {
        return new PirMetric("m", "M", TEMPLATE, "ratio", better, degraded, List.of(), null, null);
    }

    // ---- queryFor ----------------------------------------------------------------------------------------------

    @Test
    void placeholdersAreFilledIn() {
        assertThat(metric(Better.LOWER, Degraded.NEVER).queryFor("payment-gateway", "production",
                Duration.ofMinutes(5))).isEqualTo("up{service=\"payment-gateway\",environment=\"production\"}[5m]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\"}or vector(1)#", "a\\", "\\\"}", "back\\slash\\\"quote", "two\nlines\r\n", "tab\there",
            "bell\u0007 and del\u007f", "${environment}", "${window}", "\"${service}\"", "ümlaut ✓ 😀", "", "'`"})
    void aHostileNameStaysInsideItsStringExactly(String hostile) {
        String query = metric(Better.LOWER, Degraded.NEVER).queryFor(hostile, hostile, Duration.ofMinutes(5));

        String prefix = "up{service=\"";
        assertThat(query).startsWith(prefix);
        PromqlStringLiteral service = PromqlStringLiteral.read(query, prefix.length());
        assertThat(service.value()).isEqualTo(hostile);
        String between = "\",environment=\"";
        assertThat(query.substring(service.end())).startsWith(between);
        PromqlStringLiteral environment = PromqlStringLiteral.read(query, service.end() + between.length());
        assertThat(environment.value()).isEqualTo(hostile);
        assertThat(query.substring(environment.end())).isEqualTo("\"}[5m]");
    }

    @Test
    void aLoneSurrogateBecomesTheReplacementCharacterSinceItIsNotUtf8() {
        String query = metric(Better.LOWER, Degraded.NEVER).queryFor("a\ud800b", "production", Duration.ofMinutes(5));

        assertThat(PromqlStringLiteral.read(query, "up{service=\"".length()).value()).isEqualTo("a\ufffdb");
    }

    @Test
    void windowsAreWrittenInTheLargestWholeUnit() {
        PirMetric metric = metric(Better.LOWER, Degraded.NEVER);
        assertThat(metric.queryFor("s", "e", Duration.ofSeconds(90))).endsWith("[90s]");
        assertThat(metric.queryFor("s", "e", Duration.ofHours(2))).endsWith("[2h]");
        assertThat(metric.queryFor("s", "e", Duration.ofMinutes(5))).endsWith("[5m]");
    }

    // ---- verdict -----------------------------------------------------------------------------------------------

    @Test
    void lowerIsBetterAboveAndWorseByPercent() {
        PirMetric errorRate = metric(Better.LOWER, new Degraded(0.05, null, 50.0));

        assertThat(errorRate.verdict(0.04, 0.06)).as("above 0.05").isEqualTo(Verdict.DEGRADED);
        assertThat(errorRate.verdict(0.04, 0.05)).as("at the threshold, not above it").isEqualTo(Verdict.OK);
        assertThat(errorRate.verdict(0.01, 0.02)).as("100 % worse").isEqualTo(Verdict.DEGRADED);
        assertThat(errorRate.verdict(0.02, 0.029)).as("45 % worse").isEqualTo(Verdict.OK);
        assertThat(errorRate.verdict(0.02, 0.005)).as("75 % better").isEqualTo(Verdict.IMPROVED);
        assertThat(errorRate.verdict(0.02, 0.015)).as("25 % better").isEqualTo(Verdict.OK);
    }

    @Test
    void higherIsBetterBelowAndWorseByPercent() {
        PirMetric throughput = metric(Better.HIGHER, new Degraded(null, 10.0, 30.0));

        assertThat(throughput.verdict(12.0, 9.0)).as("below 10").isEqualTo(Verdict.DEGRADED);
        assertThat(throughput.verdict(100.0, 60.0)).as("40 % fewer").isEqualTo(Verdict.DEGRADED);
        assertThat(throughput.verdict(100.0, 80.0)).as("20 % fewer").isEqualTo(Verdict.OK);
        assertThat(throughput.verdict(100.0, 140.0)).as("40 % more").isEqualTo(Verdict.IMPROVED);
    }

    @Test
    void aBeforeOfZeroJudgesAnyMoveAsAFullChange() {
        PirMetric errorRate = metric(Better.LOWER, new Degraded(null, null, 50.0));
        PirMetric throughput = metric(Better.HIGHER, new Degraded(null, null, 50.0));

        assertThat(errorRate.verdict(0.0, 0.0)).isEqualTo(Verdict.OK);
        assertThat(errorRate.verdict(0.0, 0.001)).as("errors where there were none").isEqualTo(Verdict.DEGRADED);
        assertThat(throughput.verdict(0.0, 5.0)).as("traffic where there was none").isEqualTo(Verdict.IMPROVED);
    }

    @Test
    void missingValuesGiveNoDataUnlessTheAfterValueAloneCrossesAThreshold() {
        PirMetric errorRate = metric(Better.LOWER, new Degraded(0.05, null, 50.0));

        assertThat(errorRate.verdict(0.01, null)).isEqualTo(Verdict.NO_DATA);
        assertThat(errorRate.verdict(null, null)).isEqualTo(Verdict.NO_DATA);
        assertThat(errorRate.verdict(0.01, Double.NaN)).as("0/0 with no traffic").isEqualTo(Verdict.NO_DATA);
        assertThat(errorRate.verdict(null, 0.01)).as("nothing to compare with").isEqualTo(Verdict.NO_DATA);
        assertThat(errorRate.verdict(Double.NaN, 0.01)).isEqualTo(Verdict.NO_DATA);
        assertThat(errorRate.verdict(null, 0.2)).as("a first release already above 0.05").isEqualTo(Verdict.DEGRADED);
    }

    @Test
    void aMetricWithoutThresholdsIsShownButNeverJudged() {
        PirMetric shown = metric(Better.LOWER, Degraded.NEVER);

        assertThat(shown.judged()).isFalse();
        assertThat(shown.verdict(0.01, 0.9)).isEqualTo(Verdict.OK);
        assertThat(shown.verdict(0.9, 0.01)).isEqualTo(Verdict.OK);
        assertThat(metric(Better.LOWER, new Degraded(1.0, null, null)).judged()).isTrue();
    }
}
