package io.retrobridge.mapping.pir;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.mapping.MappingLoader;
import io.retrobridge.mapping.MappingProblem;
import io.retrobridge.mapping.MappingValidationException;
import io.retrobridge.mapping.pir.PirMetric.Better;
import io.retrobridge.mapping.pir.PirMetric.Degraded;
import io.retrobridge.mapping.pir.PirMetricsMapping.Collect;
import io.retrobridge.mapping.pir.PirMetricsMapping.Destinations;
import io.retrobridge.mapping.pir.PirMetricsMapping.JiraDestination;
import io.retrobridge.mapping.pir.PirMetricsMapping.ServiceNowDestination;
import io.retrobridge.mapping.pir.PirMetricsMapping.Windows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What pir-metrics.yaml says reaches the mapping the PIR collection works from, exactly; and each mistake an admin
 * can make gets a message naming file, line, column and a fix, while the whole set of files is refused.
 */
class PirMetricsParserTest {

    /** The throughput query's line, the one query line no other line starts like. */
    private static final String THROUGHPUT_QUERY = "    query: 'sum(rate(http_requests_total{service=\"${service}\","
            + "environment=\"${environment}\"}[${window}]))'\n";

    @TempDir
    Path dir;

    private List<MappingProblem> problemsOf(String content) {
        return MappingFiles.problemsOf(PirFiles.write(dir, content));
    }

    /** The one problem of {@code content}, checked to sit where {@code within} starts inside {@code marker}. */
    private MappingProblem onlyProblemAt(String content, String marker, String within) {
        List<MappingProblem> problems = problemsOf(content);
        assertThat(problems).as(problems.toString()).hasSize(1);
        MappingProblem problem = problems.get(0);
        int index = content.indexOf(marker);
        assertThat(index).as("marker " + marker).isNotNegative();
        index += marker.indexOf(within);
        String upTo = content.substring(0, index);
        assertThat(problem.file()).isEqualTo(PirMetricsMapping.FILE_NAME);
        assertThat(problem.line()).as("line of " + within).isEqualTo(upTo.chars().filter(c -> c == '\n').count() + 1);
        assertThat(problem.column()).as("column of " + within).isEqualTo(index - upTo.lastIndexOf('\n'));
        assertThat(problem.fix()).isNotBlank();
        assertThat(problem.format()).startsWith(PirMetricsMapping.FILE_NAME + ":" + problem.line() + ":"
                + problem.column() + ": ");
        return problem;
    }

    private MappingProblem onlyProblemAt(String content, String marker) {
        return onlyProblemAt(content, marker, marker);
    }

    @Test
    void theShippedFileWatchesThePaymentGatewaysErrorRateLatencyAndThroughput() {
        LoadedMappings loaded = MappingFiles.load(PirFiles.write(dir, PirFiles.shipped()));
        PirMetricsMapping pir = loaded.pirMetrics().orElseThrow();

        assertThat(loaded.files()).containsExactly("action-items.yaml", PirMetricsMapping.FILE_NAME);
        assertThat(loaded.summary()).isEqualTo("2 files, 5 rules, 3 PIR metrics");
        assertThat(pir.collect()).isEqualTo(new Collect(true, Set.of("production")));
        assertThat(pir.windows()).isEqualTo(new Windows(Duration.ofHours(1), Duration.ofHours(1),
                Duration.ofMinutes(1), Duration.ofMinutes(5)));
        assertThat(pir.services().environment()).isEqualTo("production");
        assertThat(pir.services().serviceFor("Payment Gateway")).isEqualTo("payment-gateway");
        assertThat(pir.services().serviceFor("payment-gateway")).isEqualTo("payment-gateway");
        assertThat(pir.metrics()).extracting(PirMetric::id).containsExactly("error-rate", "latency-p95", "throughput");

        PirMetric errorRate = pir.metrics().get(0);
        assertThat(errorRate.title()).isEqualTo("Error rate");
        assertThat(errorRate.query()).isEqualTo("sum(rate(http_requests_total{service=\"${service}\","
                + "environment=\"${environment}\",code=~\"5..\"}[${window}])) / sum(rate(http_requests_total{"
                + "service=\"${service}\",environment=\"${environment}\"}[${window}]))");
        assertThat(errorRate.unit()).isEqualTo("ratio");
        assertThat(errorRate.better()).isEqualTo(Better.LOWER);
        assertThat(errorRate.degraded()).isEqualTo(new Degraded(0.05, null, 50.0));
        assertThat(errorRate.covers()).containsExactly("error-spike", "bad-release");
        assertThat(errorRate.serviceNowField()).isEqualTo("u_pir_error_rate");
        assertThat(errorRate.jiraField()).isNull();
        assertThat(errorRate.queryFor("payment-gateway", "production", pir.windows().rate())).isEqualTo(
                "sum(rate(http_requests_total{service=\"payment-gateway\",environment=\"production\",code=~\"5..\"}"
                        + "[5m])) / sum(rate(http_requests_total{service=\"payment-gateway\","
                        + "environment=\"production\"}[5m]))");

        PirMetric throughput = pir.metrics().get(2);
        assertThat(throughput.better()).isEqualTo(Better.HIGHER);
        assertThat(throughput.degraded()).isEqualTo(new Degraded(null, null, 30.0));
        assertThat(throughput.unit()).isEqualTo("requests/s");

        assertThat(pir.alertRules()).isEqualTo(Map.of("HighErrorRate", List.of("error-spike"),
                "PaymentLatencyHigh", List.of("latency-regression")));
        assertThat(pir.destinations()).isEqualTo(new Destinations(new ServiceNowDestination(true, true,
                "u_pir_summary"), new JiraDestination(true, null)));
    }

    @Test
    void theShippedFileLeavesConfigDriftUncoveredSoTheDemoShowsADataGap() {
        PirMetricsMapping pir = PirFiles.load(dir, PirFiles.shipped());

        assertThat(pir.coveredFailureModes()).containsExactly("bad-release", "error-spike", "latency-regression",
                "traffic-drop");
        assertThat(pir.coveredFailureModes()).doesNotContain("config-drift", "missing-config");
    }

    @Test
    void aFileWithOnlyMetricsTakesTheDefaults() {
        PirMetricsMapping pir = PirFiles.load(dir, String.join("\n",
                "version: 1",
                "metrics:",
                "  - {id: up, title: Up, query: 'up{service=\"${service}\"}', better: higher}",
                ""));

        assertThat(pir.collect()).isEqualTo(new Collect(true, Set.of("production")));
        assertThat(pir.windows()).isEqualTo(PirMetricsParser.DEFAULT_WINDOWS);
        assertThat(pir.services().environment()).isEqualTo("production");
        assertThat(pir.services().names()).isEmpty();
        assertThat(pir.alertRules()).isEmpty();
        assertThat(pir.destinations()).isEqualTo(new Destinations(new ServiceNowDestination(true, true, null),
                new JiraDestination(true, null)));
        PirMetric up = pir.metrics().get(0);
        assertThat(up.degraded()).isEqualTo(Degraded.NEVER);
        assertThat(up.judged()).isFalse();
        assertThat(up.unit()).isEmpty();
        assertThat(up.covers()).isEmpty();
    }

    @Test
    void editedSettingsAreTakenAsWritten() {
        PirMetricsMapping pir = PirFiles.load(dir, PirFiles.shippedWith("windows: {before: 1h, after: 1h, step: 1m,"
                        + " rate: 5m}", "windows: {before: 90m, after: 2h, step: 30s, rate: 2m}")
                .replace("  on-change-review: true", "  on-change-review: false")
                .replace("  deployment-environments: [production]", "  deployment-environments: [production, eu-prod]")
                .replace("    # jira-field: customfield_10091", "    jira-field: customfield_10091")
                .replace("  jira: {comment: true, summary-field: null}", "  jira: {comment: false,"
                        + " summary-field: customfield_10090}")
                .replace("    degraded-when: {worse-by-percent: 30}\n", ""));

        assertThat(pir.collect()).isEqualTo(new Collect(false, Set.of("production", "eu-prod")));
        assertThat(pir.windows()).isEqualTo(new Windows(Duration.ofMinutes(90), Duration.ofHours(2),
                Duration.ofSeconds(30), Duration.ofMinutes(2)));
        assertThat(pir.metrics().get(0).jiraField()).isEqualTo("customfield_10091");
        assertThat(pir.destinations().jira()).isEqualTo(new JiraDestination(false, "customfield_10090"));
        assertThat(pir.metrics().get(2).judged()).as("a metric without degraded-when is shown, never judged").isFalse();
    }

    @Test
    void withoutTheFileNoPirFiguresAreCollected() {
        LoadedMappings without = MappingFiles.load(MappingFiles.writeEscalations(dir,
                MappingFiles.shippedEscalations()));

        assertThat(without.pirMetrics()).isEmpty();
        assertThat(without.files()).doesNotContain(PirMetricsMapping.FILE_NAME);
        assertThat(without.summary()).doesNotContain("PIR");
    }

    @Test
    void anEditedFileCanBeCheckedBeforeItIsSavedLikeEveryMappingFile() throws MappingValidationException {
        PirFiles.write(dir, PirFiles.shipped());
        LoadedMappings checked = MappingLoader.forValidation().loadText(dir, PirMetricsMapping.FILE_NAME,
                PirFiles.shippedWith("step: 1m", "step: 2m").getBytes(StandardCharsets.UTF_8));

        assertThat(checked.pirMetrics().orElseThrow().windows().step()).isEqualTo(Duration.ofMinutes(2));
    }

    // ---- each mistake, at its place ------------------------------------------------------------------------

    @Test
    void aMisspeltKeySuggestsTheNearestOne() {
        String content = PirFiles.shippedWith("    degraded-when: {above: 0.05", "    degraded-whn: {above: 0.05");

        assertThat(onlyProblemAt(content, "degraded-whn").message())
                .isEqualTo("unknown key `degraded-whn`; did you mean `degraded-when`?");

        String top = PirFiles.shippedWith("windows: {before", "windws: {before");
        MappingProblem problem = onlyProblemAt(top, "windws");
        assertThat(problem.message()).isEqualTo("unknown key `windws`; did you mean `windows`?");
        assertThat(problem.fix()).isEqualTo("rename it to `windows`");
    }

    @Test
    void aSecondMetricWithTheSameIdIsRefusedNamingTheFirst() {
        String content = PirFiles.shippedWith("  - id: latency-p95", "  - id: error-rate");
        int second = content.indexOf("error-rate", content.indexOf("error-rate") + 1);

        MappingProblem problem = onlyProblemAt(content, content.substring(second, second + 30), "error-rate");

        assertThat(problem.message()).isEqualTo("metric id `error-rate` is used twice (first at line "
                + MappingFiles.lineOf(content, "id: error-rate") + ")");
        assertThat(problem.path()).isEqualTo("metrics[1].id");
    }

    @Test
    void anIdMustBeLowerCaseWordsWithHyphens() {
        String content = PirFiles.shippedWith("  - id: throughput", "  - id: Through_put");

        assertThat(onlyProblemAt(content, "Through_put").message())
                .isEqualTo("metric id `Through_put` must be lower-case words joined by hyphens");
    }

    @Test
    void anEmptyQueryIsRefused() {
        String content = PirFiles.shippedWith(THROUGHPUT_QUERY, "    query: \"\"\n");

        MappingProblem problem = onlyProblemAt(content, "query: \"\"", "\"\"");
        assertThat(problem.message()).isEqualTo("is empty");
        assertThat(problem.path()).isEqualTo("metrics[2].query");
    }

    @Test
    void anUnknownPlaceholderIsRefusedWithTheNearestKnownOne() {
        String content = PirFiles.shippedWith("code=~\"5..\"}[${window}]", "code=~\"5..\"}[${windw}]");

        MappingProblem problem = onlyProblemAt(content, "'sum(rate(http_requests_total{service=\"${service}\","
                + "environment=\"${environment}\",code");
        assertThat(problem.message()).isEqualTo("unknown placeholder `${windw}` at character 93; did you mean"
                + " `${window}`?");
        assertThat(problem.fix()).isEqualTo("write ${window}");
    }

    @Test
    void aDollarInsideAStringIsARegexAnchorNotAPlaceholder() {
        PirMetricsMapping pir = PirFiles.load(dir, PirFiles.shippedWith("code=~\"5..\"", "code=~\"5..$\""));

        assertThat(pir.metrics().get(0).query()).contains("code=~\"5..$\"");
    }

    @Test
    void aGrafanaVariableIsNotTakenForAPlaceholder() {
        String content = PirFiles.shippedWith(THROUGHPUT_QUERY, THROUGHPUT_QUERY.replace("[${window}]",
                "[$__rate_interval]"));

        assertThat(onlyProblemAt(content, "'sum(rate(http_requests_total{service=\"${service}\",environment="
                + "\"${environment}\"}[$__rate").message()).isEqualTo("`$` at character 81 is not a placeholder;"
                + " PromQL has no variables");
    }

    @Test
    void aServiceOutsideADoubleQuotedStringIsRefusedBecauseItsNameWouldBecomeQuery() {
        String bare = PirFiles.shippedWith(THROUGHPUT_QUERY, THROUGHPUT_QUERY.replace("service=\"${service}\"",
                "service=${service}"));
        MappingProblem problem = onlyProblemAt(bare, "'sum(rate(http_requests_total{service=${service}");
        assertThat(problem.message()).isEqualTo("`${service}` at character 38 is outside a double-quoted string, so"
                + " its value would become part of the query itself");
        assertThat(problem.fix())
                .isEqualTo("put it inside double quotes as a label value, e.g. service=\"${service}\"");

        String singleQuoted = PirFiles.shippedWith(THROUGHPUT_QUERY, THROUGHPUT_QUERY.replace("'sum(", "\"sum(")
                .replace("]))'", "]))\"").replace("environment=\"${environment}\"", "environment='${environment}'")
                .replace("service=\"${service}\"", "service=\\\"${service}\\\""));
        assertThat(problemsOf(singleQuoted)).extracting(MappingProblem::message).containsExactly(
                "`${environment}` at character 64 is outside a double-quoted string, so its value would become part"
                        + " of the query itself");
    }

    @Test
    void unbalancedBracketsAndQuotesAreRefused() {
        String unclosed = PirFiles.shippedWith(THROUGHPUT_QUERY, THROUGHPUT_QUERY.replace("]))'", "])'"));
        MappingProblem problem = onlyProblemAt(unclosed, "'sum(rate(http_requests_total{service=\"${service}\","
                + "environment=\"${environment}\"}[${window}])'");
        assertThat(problem.message()).isEqualTo("`(` at character 4 is never closed");
        assertThat(problem.fix()).isEqualTo("add the matching `)`");

        String crossed = PirFiles.shippedWith(THROUGHPUT_QUERY, THROUGHPUT_QUERY.replace("\"}[${window}]",
                "\")[${window}]"));
        assertThat(problemsOf(crossed)).extracting(MappingProblem::message).containsExactly(
                "`)` at character 79 does not close `{` from character 29");

        String openQuote = PirFiles.shippedWith(THROUGHPUT_QUERY, THROUGHPUT_QUERY.replace("\"${environment}\"",
                "\"${environment}"));
        assertThat(problemsOf(openQuote)).extracting(MappingProblem::message).contains(
                "the string opened at character 63 is never closed");
    }

    @Test
    void aDurationMustBeAPositiveNumberWithAUnit() {
        String content = PirFiles.shippedWith("{before: 1h,", "{before: 1hour,");
        MappingProblem problem = onlyProblemAt(content, "1hour");
        assertThat(problem.message()).isEqualTo("`1hour` is not a positive duration");
        assertThat(problem.path()).isEqualTo("windows.before");

        assertThat(onlyProblemAt(PirFiles.shippedWith("rate: 5m}", "rate: 0m}"), "0m}", "0m").message())
                .isEqualTo("`0m` is not a positive duration");
    }

    @Test
    void theStepMustBeSmallerThanTheWindows() {
        String content = PirFiles.shippedWith("step: 1m", "step: 2h");

        MappingProblem problem = onlyProblemAt(content, "2h,", "2h");
        assertThat(problem.message()).isEqualTo("step 2h is not smaller than the 1h window, so the window would hold"
                + " at most one point");

        String tooFine = PirFiles.shippedWith("{before: 1h, after: 1h, step: 1m", "{before: 1d, after: 1h, step: 1s");
        assertThat(onlyProblemAt(tooFine, "1s,", "1s").message()).isEqualTo("step 1s gives more than 11000 points"
                + " per window, more than Prometheus answers for one query");
    }

    @Test
    void thresholdsMustBeNumbersAndWorseByPercentAboveZero() {
        String quoted = PirFiles.shippedWith("{above: 0.05,", "{above: \"5%\",");
        MappingProblem problem = onlyProblemAt(quoted, "\"5%\"");
        assertThat(problem.message()).isEqualTo("`5%` is not a number");
        assertThat(problem.path()).isEqualTo("metrics[0].degraded-when.above");

        String zero = PirFiles.shippedWith("{worse-by-percent: 30}", "{worse-by-percent: 0}");
        assertThat(onlyProblemAt(zero, "worse-by-percent: 0}", "0}").message())
                .isEqualTo("worse-by-percent must be above 0, or every release would be degraded");

        String crossed = PirFiles.shippedWith("{worse-by-percent: 30}", "{above: 100, below: 200}");
        assertThat(onlyProblemAt(crossed, "below: 200", "200").message())
                .isEqualTo("below 200.0 is not under above 100.0, so every value would be degraded");

        String empty = PirFiles.shippedWith("{worse-by-percent: 30}", "{}");
        assertThat(onlyProblemAt(empty, "{}").message()).isEqualTo("says no threshold");
    }

    @Test
    void betterIsLowerOrHigher() {
        String content = PirFiles.shippedWith("    better: higher", "    better: hihger");

        assertThat(onlyProblemAt(content, "hihger").message()).isEqualTo("`hihger` is not allowed here; expected one"
                + " of lower, higher (did you mean `higher`?)");
    }

    @Test
    void failureModesAreSingleWordsLikeActionItemTags() {
        String covers = PirFiles.shippedWith("covers: [traffic-drop]", "covers: [traffic drop]");
        MappingProblem problem = onlyProblemAt(covers, "traffic drop");
        assertThat(problem.message()).isEqualTo("failure mode `traffic drop` is not one word; action items tag"
                + " failure modes as single words");
        assertThat(problem.fix()).isEqualTo("join the words with hyphens, e.g. `traffic-drop`");

        String alert = PirFiles.shippedWith("  HighErrorRate: [error-spike]", "  HighErrorRate: [error spike]");
        assertThat(onlyProblemAt(alert, "error spike").path()).isEqualTo("alert-rules.HighErrorRate[0]");

        String none = PirFiles.shippedWith("  HighErrorRate: [error-spike]", "  HighErrorRate: []");
        assertThat(onlyProblemAt(none, "[]").message()).isEqualTo("alert `HighErrorRate` watches no failure mode");
    }

    @Test
    void fieldsMustBeServiceNowOrJiraFieldIds() {
        String serviceNow = PirFiles.shippedWith("servicenow-field: u_pir_error_rate", "servicenow-field: PIR rate");
        assertThat(onlyProblemAt(serviceNow, "PIR rate").message()).isEqualTo("`PIR rate` is not a field id");

        String jira = PirFiles.shippedWith("    # jira-field: customfield_10091", "    jira-field: Error Rate");
        MappingProblem problem = onlyProblemAt(jira, "Error Rate");
        assertThat(problem.path()).isEqualTo("metrics[0].jira-field");
        assertThat(problem.fix()).isEqualTo("write a Jira field id, `customfield_10091` or a system field such as"
                + " `environment`");

        String summary = PirFiles.shippedWith("summary-field: u_pir_summary", "summary-field: sys-pir");
        assertThat(onlyProblemAt(summary, "sys-pir").path()).isEqualTo("write.servicenow.summary-field");
    }

    @Test
    void environmentsAreLowerCase() {
        String content = PirFiles.shippedWith("deployment-environments: [production]",
                "deployment-environments: [Production]");

        MappingProblem problem = onlyProblemAt(content, "Production");
        assertThat(problem.message()).startsWith("environment `Production` is not a lower-case name");
        assertThat(problem.fix()).isEqualTo("write `production`");

        String services = PirFiles.shippedWith("  environment: production", "  environment: PROD");
        assertThat(onlyProblemAt(services, "PROD").path()).isEqualTo("services.environment");
    }

    @Test
    void aFileThatCollectsNothingIsRefused() {
        String content = PirFiles.shippedWith("  on-change-review: true\n  deployment-environments: [production]",
                "  on-change-review: false\n  deployment-environments: []");

        assertThat(onlyProblemAt(content, "on-change-review: false").message())
                .isEqualTo("collects nothing: neither on a change's review nor after any deployment");
    }

    @Test
    void aFileWithoutMetricsIsRefusedOnce() {
        String empty = "version: 1\nmetrics: []\n";
        assertThat(onlyProblemAt(empty, "[]").message()).isEqualTo("no metric listed");

        String notAList = "version: 1\nmetrics: {id: up}\n";
        assertThat(onlyProblemAt(notAList, "{id").message()).isEqualTo("expected a list but found a map");
    }

    @Test
    void anUnsupportedVersionIsRefused() {
        assertThat(onlyProblemAt(PirFiles.shippedWith("version: 1", "version: 2"), "2\n", "2").message())
                .isEqualTo("version `2` is not supported; this RetroBridge reads version 1");
    }

    @Test
    void aBrokenPirFileRefusesTheWholeSetEvenWhenTheOtherFilesAreGood() {
        List<MappingProblem> problems = problemsOf(PirFiles.shippedWith(
                "    better: lower\n    degraded-when: {above: 1.5",
                "    better: lower\n    degraded-when: {above: fast"));

        assertThat(problems).extracting(MappingProblem::file).containsOnly(PirMetricsMapping.FILE_NAME);
        assertThat(problems).extracting(MappingProblem::message).containsExactly("`fast` is not a number");
    }
}
