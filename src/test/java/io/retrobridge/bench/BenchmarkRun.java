package io.retrobridge.bench;

import io.retrobridge.testsupport.ConnectorProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark: {@code ./mvnw -B -o -Pbench test} (settings with {@code -Dbench.<name>=...}, see
 * {@link BenchSettings}; {@code -Dbench.phases=steady,baseline,growth} (the default) picks the phases; the backfill
 * runs first when steady or baseline is asked for, and not at all for {@code growth}, {@code gate}, {@code reports},
 * {@code pacing} or {@code scale-out} alone).
 * Nothing is asserted but that each phase finished: it measures and reports, as a table on stdout and as JSON
 * under {@code target/bench/}. The connector and the baseline run as their own processes; the simulators run here.
 */
class BenchmarkRun {

    /**
     * The connector's CPU per backfilled item before pages carried what the sync needs (about 20 ms, 16.4 ms on
     * 2026-12-07 with three ServiceNow and two Jira requests per item): fewer requests must not cost more CPU.
     */
    static final double CPU_MILLIS_PER_ITEM_BEFORE = 20.0;

    @TempDir
    Path work;

    /** Phases that need the connector's backfill first; the others seed their own stores. */
    static final Set<String> AFTER_BACKFILL = Set.of("steady", "baseline");
    static final Set<String> PHASES = Set.of("steady", "baseline", "growth", "gate", "reports", "pacing",
            "scale-out");

    @Test
    void run() throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Set<String> phases = Set.of(System.getProperty("bench.phases", "steady,baseline,growth").split(","));
        if (!PHASES.containsAll(phases)) {
            throw new IllegalArgumentException("-Dbench.phases=" + String.join(",", phases) + " names a phase there is"
                    + " not; choose from " + new TreeSet<>(PHASES) + ", e.g. -Dbench.phases=steady,baseline,growth");
        }
        BenchReport report = new BenchReport(settings);
        boolean backfillNeeded = !Collections.disjoint(phases, AFTER_BACKFILL);
        Progress.say("settings %s, phases %s%s", settings.asMap(), phases, backfillNeeded ? " (after the backfill)"
                : " (no backfill: none of them needs it)");
        if (backfillNeeded) {
            backfillAndAfter(report, settings, phases);
        }
        if (phases.contains("growth")) {
            growth(report, GrowthPhase.run(settings, work));
        }
        if (phases.contains("gate")) {
            gate(report, GatePhase.run(settings, work));
        }
        if (phases.contains("reports")) {
            reports(report, ReportsPhase.run(settings, work));
        }
        if (phases.contains("pacing")) {
            pacing(report, PacingPhase.run());
        }
        if (phases.contains("scale-out")) {
            scaleOut(report, ScaleOutPhase.run(settings, work));
        }
        Path file = report.write(settings);
        Progress.say("figures written to %s and target/bench/latest.json", file);
    }

    /** The backfill, then steady state on the same connector and the baseline against the same simulators. */
    private void backfillAndAfter(BenchReport report, BenchSettings settings, Set<String> phases) throws Exception {
        BackfillPhase.Result backfill;
        BaselinePhase.Result baseline = null;
        try (BenchSystems systems = new BenchSystems(settings.latencyMillis(), settings.serviceNowRateLimit())) {
            Path database = Files.createDirectories(work.resolve("connector-db"));
            Progress.say("starting the connector (its own JVM) against the simulators");
            // Polls once at start, then hourly: the backfill and the webhooks carry the work being measured.
            try (ConnectorProcess connector = Connector.start(settings, systems, database, true, "connector",
                    Map.of("retrobridge.sync.poll-interval", "1h"))) {
                backfill = BackfillPhase.run(settings, systems, connector);
                backfill(report, backfill);
                if (phases.contains("steady")) {
                    steady(report, settings, SteadyStatePhase.run(settings, systems, connector));
                }
            }
            if (phases.contains("baseline")) {
                baseline = BaselinePhase.run(settings, systems);
                report.add("baseline", baseline.asMap());
            }
        }
        cost(report, backfill, baseline);
    }

    private static void backfill(BenchReport report, BackfillPhase.Result backfill) {
        report.add("backfill", backfill.asMap());
        report.row("backfill: items mirrored and linked", String.format("%,d in %.1f s", backfill.items(), backfill.seconds()));
        report.row("backfill: requests per item (measured)", String.format(
                "ServiceNow %.2f (writes %.2f), Jira %.2f (writes %.2f); 429s %d", backfill.serviceNowRequestsPerItem(),
                backfill.serviceNowWritesPerItem(), backfill.jiraRequestsPerItem(), backfill.jiraWritesPerItem(),
                backfill.refused429()));
        report.row("backfill: ServiceNow requests per item", String.format("%.2f", backfill.serviceNowRequestsPerItem()),
                "<= 1.10", backfill.serviceNowRequestsPerItem() <= 1.1);
        double jiraReads = backfill.jiraRequestsPerItem() - backfill.jiraWritesPerItem();
        report.row("backfill: Jira requests per item, its writes left out", String.format("%.3f", jiraReads),
                "<= 0.10", jiraReads <= 0.1);
        report.row("backfill: ceiling (" + backfill.binding() + ")", String.format(
                "%.1f items/s at the minimal %.2f ServiceNow / %.2f Jira requests per item (rate limit %.1f, "
                        + "workers x latency %.1f)", backfill.ceiling(), BackfillPhase.MINIMAL_SERVICENOW_PER_ITEM,
                BackfillPhase.MINIMAL_JIRA_PER_ITEM, backfill.rateCeiling(), backfill.concurrencyCeiling()));
        report.row("backfill: achieved (second half, JIT warmed up)", String.format("%.1f items/s (%.1f items/s, %.2f of ceiling)",
                backfill.itemsPerSecond(), backfill.secondHalfItemsPerSecond(), backfill.secondHalfItemsPerSecond() / backfill.ceiling()));
        report.row("backfill: achieved / ceiling", String.format("%.2f", backfill.ratio()), ">= 0.90",
                backfill.ratio() >= 0.9);
    }

    private static void steady(BenchReport report, BenchSettings settings, SteadyStatePhase.Result steady) {
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

    private static void cost(BenchReport report, BackfillPhase.Result backfill, BaselinePhase.Result baseline) {
        report.row("cost: connector CPU per item (backfill; of it JIT compiler)", String.format("%.1f ms (%.1f ms)",
                backfill.cpuMillisPerItem(), backfill.jitCpuMillisPerItem()),
                String.format("<= %.0f ms", CPU_MILLIS_PER_ITEM_BEFORE),
                backfill.cpuMillisPerItem() <= CPU_MILLIS_PER_ITEM_BEFORE);
        report.row("cost: connector peak RSS", String.format("%d MB", backfill.peakRssKb() / 1024));
        if (baseline == null) {
            return;
        }
        double cpuRatio = backfill.cpuMillisPerItem() / baseline.cpuMillisPerItem();
        double withoutJit = (backfill.cpuMillisPerItem() - backfill.jitCpuMillisPerItem())
                / (baseline.cpuMillisPerItem() - baseline.jitCpuMillisPerItem());
        double rssRatio = (double) backfill.peakRssKb() / baseline.peakRssKb();
        report.row(String.format("cost: baseline CPU per item (%d items, %.2f requests each; of it JIT)", baseline.items(),
                baseline.requestsPerItem()), String.format("%.1f ms (%.1f ms); %.1f items/s", baseline.cpuMillisPerItem(),
                baseline.jitCpuMillisPerItem(), baseline.itemsPerSecond()));
        report.row("cost: baseline peak RSS", String.format("%d MB", baseline.peakRssKb() / 1024));
        // Reported, not judged: the baseline now makes only the minimal requests, so it does far less than before.
        report.row("cost: CPU per item connector / baseline", String.format("%.2f", cpuRatio));
        report.row("cost: CPU per item connector / baseline, JIT compiler left out", String.format("%.2f", withoutJit));
        report.row("cost: peak RSS connector / baseline", String.format("%d / %d MB = %.2f",
                backfill.peakRssKb() / 1024, baseline.peakRssKb() / 1024, rssRatio));
        report.add("costRatio", Map.of("cpuPerItem", BackfillPhase.round(cpuRatio), "cpuPerItemWithoutJit",
                BackfillPhase.round(withoutJit), "peakRss", BackfillPhase.round(rssRatio)));
    }

    private static void growth(BenchReport report, GrowthPhase.Result growth) {
        report.add("growth", growth.asMap());
        report.row(String.format("growth: poll+decide CPU for %d changes at %,d / %,d links", growth.changes(),
                growth.small().links(), growth.large().links()), String.format("%.0f / %.0f ms (whole process %.0f / %.0f ms)",
                growth.small().costMillis(), growth.large().costMillis(), growth.small().processCpuMillis(),
                growth.large().processCpuMillis()));
        report.row("growth: sync time per event, small / large", String.format("%.2f / %.2f ms",
                growth.small().syncMillisPerEvent(), growth.large().syncMillisPerEvent()));
        report.row("growth: CPU large / small", String.format("%.2f", growth.ratio()), "< 1.5", growth.ratio() < 1.5);
    }

    private static void gate(BenchReport report, GatePhase.Result gate) {
        report.add("gate", gate.asMap());
        for (GatePhase.Store store : gate.stores()) {
            String db = store.database();
            report.row(String.format("gate %s: store (applications / retrospectives / open items; of them overdue,"
                    + " escalated)", db), String.format("%,d / %,d / %,d; %,d, %,d", store.seed().applications(),
                    store.seed().retrospectives(), store.seed().items(), store.seed().overdue(), store.seed().escalated()));
            row(report, db, "decision (facts + decider)", store.decision());
            row(report, db, "HTTP POST /api/gates/prod/evaluate", store.http());
            report.row(String.format("gate %s: answer JSON size, mean / max", db), String.format("%,.0f / %,d bytes",
                    store.http().answerBytesMean(), store.http().answerBytesMax()));
            report.row(String.format("gate %s: HTTP for answers up to / over 8 KB", db), String.format("%s; %s",
                    store.http().seededByAnswerSize().get(GatePhase.SMALL_ANSWERS).text(),
                    store.http().seededByAnswerSize().get(GatePhase.LARGE_ANSWERS).text()));
        }
    }

    private static void reports(BenchReport report, ReportsPhase.Result reports) {
        report.add("reports", reports.asMap());
        for (ReportsPhase.Timed timed : reports.timed()) {
            report.row("reports postgres: " + timed.shape().name() + " p50 / p90 / p99 / max (count)",
                    timed.seeded().text());
            report.row("reports postgres: " + timed.shape().name() + " baseline (empty store)", timed.baseline().text());
        }
    }

    private static void pacing(BenchReport report, PacingPhase.Result pacing) {
        report.add("pacing", pacing.asMap());
        for (var run : pacing.runs()) {
            report.row(String.format("pacing: %d instance(s) x %d callers, shared bucket at %.1f/s", run.nodes(),
                    PacingPhase.CALLERS_PER_INSTANCE, run.rate()), String.format(
                    "%.2f permits/s (%d permits, per instance %s); most starts in any second %d", run.permitsPerSecond(),
                    run.permits(), run.permitsPerNode(), run.mostStartsInASecond()));
        }
    }

    private static void scaleOut(BenchReport report, ScaleOutPhase.Result scaleOut) {
        report.add("scaleOut", scaleOut.asMap());
        for (ScaleOutPhase.Line line : scaleOut.lines()) {
            String limit = String.format("scale-out at %d/s", line.rateLimit());
            for (ScaleOutPhase.Run run : List.of(line.one(), line.two())) {
                report.row(String.format("%s: %d instance(s), %,d items by webhook", limit, run.instances(), run.items()),
                        String.format("%.1f s, %.2f items/s; ServiceNow %.2f requests/item, mean %.2f/s, 429s %d;"
                                + " CPU %.1f s; load %s -> %s", run.seconds(), run.itemsPerSecond(),
                                (double) run.serviceNowRequests() / run.items(), run.meanPerSecond(), run.refused429(),
                                run.connectorCpuSeconds(), run.loadAverageAtStart(), run.loadAverageAtEnd()));
                report.row(String.format("%s: %d instance(s), share (webhooks / events synced / ServiceNow calls)",
                        limit, run.instances()), shares(run));
                report.row(String.format("%s: %d instance(s), ServiceNow requests: most in any 1 s; in a clock second;"
                        + " per second over any 10 s", limit, run.instances()), String.format("%d; %d; %.1f",
                        run.mostInAnySecond(), run.mostInAClockSecond(), run.mostPerSecondOverTenSeconds()),
                        "<= " + line.rateLimit() + " per clock second", run.withinLimit());
            }
            report.row(limit + ": items/s two instances / one", String.format("%.2f", line.ratio()));
        }
    }

    private static String shares(ScaleOutPhase.Run run) {
        long events = run.shares().stream().mapToLong(ScaleOutPhase.Share::eventsSynced).sum();
        return String.join(", ", run.shares().stream().map(s -> String.format("%s %.0f%% (%d / %d / %d)", s.instance(),
                100.0 * s.eventsSynced() / Math.max(1, events), s.webhooks(), s.eventsSynced(), s.serviceNowCalls()))
                .toList());
    }

    private static void row(BenchReport report, String db, String path, GatePhase.Timed timed) {
        report.row(String.format("gate %s: %s p50 / p90 / p99 / max (count)", db, path), timed.seeded().text());
        if (timed.seededCpu() != null) {
            report.row(String.format("gate %s: %s thread CPU (H2: with the queries)", db, path),
                    timed.seededCpu().text());
        }
        report.row(String.format("gate %s: %s baseline", db, path), timed.baseline().text());
        report.row(String.format("gate %s: %s p50, p99 seeded / baseline", db, path),
                String.format("%.2f, %.2f", timed.p50Ratio(), timed.p99Ratio()));
        report.row(String.format("gate %s: %s p99", db, path), String.format("%.2f ms", timed.seeded().p99Millis()),
                "< 50 ms", timed.seeded().p99Millis() < 50);
    }
}
