package io.retrobridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import io.retrobridge.testsupport.ConnectorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark: {@code ./mvnw -B -o -Pbench test} (settings with {@code -Dbench.<name>=...}, see
 * {@link BenchSettings}; {@code -Dbench.phases=backfill,steady,baseline,growth} picks phases). Nothing is
 * asserted but that each phase finished: it measures and reports, as a table on stdout and as JSON under
 * {@code target/bench/}. The connector and the baseline run as their own processes; the simulators run here.
 */
class BenchmarkRun {

    @TempDir
    Path work;

    @Test
    void run() throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Set<String> phases = Set.of(System.getProperty("bench.phases", "backfill,steady,baseline,growth").split(","));
        BenchReport report = new BenchReport(settings);
        Progress.say("settings %s, phases %s", settings.asMap(), phases);
        BackfillPhase.Result backfill = null;
        BaselinePhase.Result baseline = null;
        try (BenchSystems systems = new BenchSystems(settings.latencyMillis(), settings.serviceNowRateLimit())) {
            Path database = Files.createDirectories(work.resolve("connector-db"));
            Progress.say("starting the connector (its own JVM) against the simulators");
            // Polls once at start, then hourly: the backfill and the webhooks carry the work being measured.
            ConnectorProcess connector = Connector.start(settings, systems, database, true, "connector",
                    Map.of("retrobridge.sync.poll-interval", "1h"));
            try (connector) {
            backfill = BackfillPhase.run(settings, systems, connector);
            report.add("backfill", backfill.asMap());
            report.row("backfill: items mirrored and linked", String.format("%,d in %.1f s", backfill.items(), backfill.seconds()));
            report.row("backfill: requests per item (measured)", String.format("ServiceNow %.2f, Jira %.2f; 429s %d",
                    backfill.serviceNowRequestsPerItem(), backfill.jiraRequestsPerItem(), backfill.refused429()));
            report.row("backfill: ceiling (" + backfill.binding() + ")", String.format(
                    "%.1f items/s (rate limit %.1f, workers x latency %.1f)", backfill.ceiling(), backfill.rateCeiling(),
                    backfill.concurrencyCeiling()));
            report.row("backfill: achieved", String.format("%.1f items/s", backfill.itemsPerSecond()));
            report.row("backfill: achieved / ceiling", String.format("%.2f", backfill.ratio()), ">= 0.90",
                    backfill.ratio() >= 0.9);
            if (phases.contains("steady")) {
                SteadyStatePhase.Result steady = SteadyStatePhase.run(settings, systems, connector);
                report.add("steadyState", steady.asMap());
                report.row("steady: edits (webhooks, Jira and ServiceNow by turns)", String.format("%d at %d/s over %.0f s",
                        steady.edits(), settings.editsPerSecond(), steady.seconds()));
                report.row("steady: propagation p50 / p95 / p99 (max)", String.format("%.0f / %.0f / %.0f ms (%.0f ms)",
                        steady.p50Millis(), steady.p95Millis(), steady.p99Millis(), steady.maxMillis()));
                report.row("steady: p99 propagation", String.format("%.0f ms", steady.p99Millis()), "< 2000 ms",
                        steady.p99Millis() < 2000);
                report.row("steady: edits not propagated", String.valueOf(steady.notPropagated()), "0",
                        steady.notPropagated() == 0);
                report.row("steady: writes per edit", String.format("%.2f (%d writes)", steady.writesPerEdit(),
                        steady.connectorWrites()), "= 1.00", Math.abs(steady.writesPerEdit() - 1.0) < 0.005);
            }
            }
            if (phases.contains("baseline")) {
                baseline = BaselinePhase.run(settings, systems);
                report.add("baseline", baseline.asMap());
            }
        }
        report.row("cost: connector CPU per item (backfill)", String.format("%.1f ms", backfill.cpuMillisPerItem()));
        report.row("cost: connector peak RSS", String.format("%d MB", backfill.peakRssKb() / 1024));
        if (baseline != null) {
            double ratio = backfill.cpuMillisPerItem() / baseline.cpuMillisPerItem();
            report.row("cost: baseline CPU per item (" + baseline.items() + " items, "
                    + String.format("%.2f", baseline.requestsPerItem()) + " requests each)",
                    String.format("%.1f ms", baseline.cpuMillisPerItem()));
            report.row("cost: baseline peak RSS", String.format("%d MB", baseline.peakRssKb() / 1024));
            report.row("cost: CPU per item connector / baseline", String.format("%.2f", ratio), "<= 3", ratio <= 3);
            report.row("cost: peak RSS connector / baseline",
                    String.format("%.2f", (double) backfill.peakRssKb() / baseline.peakRssKb()));
            report.add("costRatio", java.util.Map.of("cpuPerItem", BackfillPhase.round(ratio), "peakRss",
                    BackfillPhase.round((double) backfill.peakRssKb() / baseline.peakRssKb())));
        }
        if (phases.contains("growth")) {
            GrowthPhase.Result growth = GrowthPhase.run(settings, work);
            report.add("growth", growth.asMap());
            report.row(String.format("growth: poll+decide CPU for %d changes, %,d / %,d links", growth.changes(),
                    growth.small().links(), growth.large().links()), String.format("%.0f / %.0f ms",
                    growth.small().costMillis(), growth.large().costMillis()));
            report.row("growth: sync time per event, small / large", String.format("%.2f / %.2f ms",
                    growth.small().syncMillisPerEvent(), growth.large().syncMillisPerEvent()));
            report.row("growth: CPU large / small", String.format("%.2f", growth.ratio()), "< 1.5", growth.ratio() < 1.5);
        }
        Path file = report.write(settings);
        Progress.say("figures written to %s and target/bench/latest.json", file);
    }
}
