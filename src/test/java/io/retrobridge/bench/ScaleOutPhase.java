package io.retrobridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sandbox.RequestLog;
import io.retrobridge.store.SharedPostgres;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.ConnectorProcess;
import io.retrobridge.testsupport.SandboxPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Several instances against one remote rate limit: N new action items appear in Jira and reach the connector as
 * webhooks through a round-robin balancer ({@code -Dbench.scale-out-items}, default 150), so every instance takes deliveries and works the shared inbox; the
 * ServiceNow simulator serves at most {@code -Dbench.scale-out-rate} requests per second (default 10) and answers
 * 429 with Retry-After beyond that, and the connectors are paced to 90% of it through the shared bucket
 * ({@code retrobridge.cluster.mode=jdbc} turns it on). Run A has one instance, run B two on one database; each run
 * gets a fresh PostgreSQL database and fresh simulators, and 20 items not measured to warm the instances up.
 * Measured from the first webhook until every item exists in ServiceNow and is linked: items per second, the
 * requests the limited simulator received (most in any 1-second window, most in any clock second, which is what its
 * limit counts, the most per second over any 10 seconds, and the mean), its 429s, and each instance's share of the
 * work (webhooks it took, events it synced and ServiceNow calls it made, from its own metrics). Every request the
 * simulator logged goes to {@code target/bench/scale-out-<rate>-per-second-<n>-instances.tsv}. Expected: two instances
 * are no faster than one, since the remote limit is the ceiling, and together never exceed it. A second line at
 * {@code -Dbench.scale-out-high-rate} (default 40; 0 leaves it out) with as many more items shows whether a second
 * instance helps when the limit is not what binds.
 */
final class ScaleOutPhase {

    static final String TITLE = "Scale-out item ";
    static final String WARM_UP_TITLE = "Scale-out warm-up item ";
    /** Items synced before each run is measured, spread over its instances like the rest. */
    static final int WARM_UP_ITEMS = 20;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final long MICROS_PER_SECOND = 1_000_000;
    private static final long TEN_SECONDS = 10 * MICROS_PER_SECOND;

    /** One instance's part of a run, from its own metrics and the balancer. */
    record Share(String instance, long webhooks, long eventsSynced, long serviceNowCalls) {
        Map<String, Object> asMap() {
            return Map.of("instance", instance, "webhooks", webhooks, "eventsSynced", eventsSynced,
                    "serviceNowCalls", serviceNowCalls);
        }
    }

    record Run(int instances, int rateLimit, int items, double seconds, double itemsPerSecond,
            long serviceNowRequests, long refused429, int mostInAnySecond, int mostAnsweredInAnySecond,
            int mostInAClockSecond, double mostPerSecondOverTenSeconds, double meanPerSecond, Map<String, Double> serviceNowShapesPerItem,
            double connectorCpuSeconds, List<Share> shares,
            String loadAverageAtStart, String loadAverageAtEnd) {

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("instances", instances);
            map.put("rateLimit", rateLimit);
            map.put("items", items);
            map.put("seconds", BackfillPhase.round(seconds));
            map.put("itemsPerSecond", BackfillPhase.round(itemsPerSecond));
            map.put("serviceNowRequests", serviceNowRequests);
            map.put("serviceNowRequestsPerItem", BackfillPhase.round((double) serviceNowRequests / items));
            map.put("refused429", refused429);
            map.put("serviceNowMostInAnySecond", mostInAnySecond);
            map.put("serviceNowMostAnsweredInAnySecond", mostAnsweredInAnySecond);
            map.put("serviceNowMostInAClockSecond", mostInAClockSecond);
            map.put("serviceNowMostPerSecondOverAnyTenSeconds", mostPerSecondOverTenSeconds);
            map.put("serviceNowMeanPerSecond", BackfillPhase.round(meanPerSecond));
            map.put("serviceNowRequestShapesPerItem", serviceNowShapesPerItem);
            map.put("connectorCpuSeconds", BackfillPhase.round(connectorCpuSeconds));
            map.put("shares", shares.stream().map(Share::asMap).toList());
            map.put("loadAverageAtStart", loadAverageAtStart);
            map.put("loadAverageAtEnd", loadAverageAtEnd);
            return map;
        }

        /** The simulator's limit, which counts per clock second, was never exceeded. */
        boolean withinLimit() {
            return mostInAClockSecond <= rateLimit;
        }
    }

    /** One instance, then two, against the same limit. */
    record Line(int rateLimit, Run one, Run two) {
        double ratio() {
            return two.itemsPerSecond() / one.itemsPerSecond();
        }
    }

    record Result(int items, int rate, int highRate, List<Line> lines) {
        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("settings", Map.of("items", items, "rate", rate, "highRate", highRate, "warmUpItems", WARM_UP_ITEMS));
            for (Line line : lines) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("oneInstance", line.one().asMap());
                figures.put("twoInstances", line.two().asMap());
                figures.put("itemsPerSecondTwoOverOne", BackfillPhase.round(line.ratio()));
                map.put("limit-" + line.rateLimit() + "-per-second", figures);
            }
            return map;
        }
    }

    private ScaleOutPhase() {
    }

    static Result run(BenchSettings settings, Path work) throws Exception {
        int items = Integer.getInteger("bench.scale-out-items", 150);
        int rate = Integer.getInteger("bench.scale-out-rate", 10);
        int highRate = Integer.getInteger("bench.scale-out-high-rate", 40);
        if (items < 1 || rate < 1 || highRate < 0) {
            throw new IllegalArgumentException("-Dbench.scale-out-items and -Dbench.scale-out-rate must be at least 1"
                    + " and -Dbench.scale-out-high-rate at least 0 (0 leaves that line out), e.g."
                    + " -Dbench.scale-out-items=300 -Dbench.scale-out-rate=10");
        }
        List<Line> lines = new ArrayList<>();
        lines.add(line(settings, work, rate, items));
        if (highRate > 0) {
            // As many more items as the limit is higher, so both lines last about as long.
            lines.add(line(settings, work, highRate, (int) Math.round((double) items * highRate / rate)));
        }
        return new Result(items, rate, highRate, lines);
    }

    private static Line line(BenchSettings settings, Path work, int rate, int items) throws Exception {
        Run one = measure(settings, work, 1, rate, items);
        Run two = measure(settings, work, 2, rate, items);
        return new Line(rate, one, two);
    }

    private static Run measure(BenchSettings settings, Path work, int instances, int rate, int items)
            throws Exception {
        Progress.say("scale-out: %d instance(s), ServiceNow limited to %d requests/s, connectors paced to %d/s, %,d"
                + " items", instances, rate, pacedRate(rate), items);
        String database = SharedPostgres.newDatabase("scale_out");
        List<ConnectorProcess> nodes = new ArrayList<>();
        try (BenchSystems systems = new BenchSystems(settings.latencyMillis(), rate)) {
            for (int i = 1; i <= instances; i++) {
                nodes.add(Connector.start(settings, systems, work.resolve("scale-out-unused-h2"), true,
                        String.format("scale-out-%d-per-second-%d-of-%d", rate, i, instances),
                        settings(database, rate, "node-" + i)));
            }
            awaitFirstPoll(systems);
            try (WebhookBalancer balancer = new WebhookBalancer(nodes.stream().map(ConnectorProcess::baseUrl).toList())) {
                systems.jira.subscribe(balancer.uri("/webhooks/jira"), SandboxPair.JIRA_WEBHOOK_SECRET);
                // A few items first, not measured: a freshly started instance is slow until its code is compiled.
                systems.seedJiraItems(WARM_UP_TITLE, WARM_UP_ITEMS);
                awaitSynced(systems, nodes.get(0), WARM_UP_ITEMS, rate);
                return timed(systems, nodes, balancer, instances, rate, items);
            }
        } finally {
            nodes.forEach(ConnectorProcess::close);
        }
    }

    /**
     * What the connectors are paced to: {@code -Dbench.scale-out-headroom} (default 0.9) of the simulator's limit, as
     * the README advises for a limit counted per clock second, since a call sent late by the network or the scheduler
     * bunches with the next one; 1.0 paces at the limit itself.
     */
    static int pacedRate(int limit) {
        double headroom = Double.parseDouble(System.getProperty("bench.scale-out-headroom", "0.9"));
        if (headroom <= 0 || headroom > 1) {
            throw new IllegalArgumentException("-Dbench.scale-out-headroom must be above 0 and at most 1, e.g. 0.9");
        }
        return Math.max(1, (int) Math.floor(limit * headroom));
    }

    /** Each instance on the run's own PostgreSQL database, in cluster mode: shared rate limits follow from it. */
    private static Map<String, String> settings(String database, int rate, String instanceId) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("spring.datasource.url", database);
        extra.put("spring.datasource.username", "postgres");
        extra.put("spring.datasource.password", "postgres");
        extra.put("retrobridge.cluster.mode", "jdbc");
        extra.put("retrobridge.cluster.instance-id", instanceId);
        extra.put("retrobridge.resilience.servicenow.requests-per-second", String.valueOf(pacedRate(rate)));
        // Polls once at start, then hourly: the webhooks carry the work being measured.
        extra.put("retrobridge.sync.poll-interval", "1h");
        return extra;
    }

    private static Run timed(BenchSystems systems, List<ConnectorProcess> nodes, WebhookBalancer balancer,
            int instances, int rate, int items) throws InterruptedException {
        List<Map<String, Double>> metersBefore = nodes.stream().map(ScaleOutPhase::scrape).toList();
        long[] webhooksBefore = new long[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            webhooksBefore[i] = balancer.forwardedTo(i);
        }
        double cpuBefore = nodes.stream().mapToDouble(n -> n.cpuTime().toMillis()).sum();
        String loadAtStart = BenchReport.loadAverage();
        systems.jira.requests().clear();
        systems.servicenow.requests().clear();
        long started = System.nanoTime();
        // Each item created makes one jira:issue_created webhook, sent in order through the balancer.
        systems.seedJiraItems(TITLE, items);
        awaitSynced(systems, nodes.get(0), WARM_UP_ITEMS + items, rate);
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (nodes.stream().mapToDouble(n -> n.cpuTime().toMillis()).sum() - cpuBefore) / 1000;
        String loadAtEnd = BenchReport.loadAverage();
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Map<String, Double> after = scrape(nodes.get(i));
            Map<String, Double> before = metersBefore.get(i);
            shares.add(new Share("node-" + (i + 1), balancer.forwardedTo(i) - webhooksBefore[i],
                    Math.round(after.get("events") - before.get("events")),
                    Math.round(after.get("servicenow") - before.get("servicenow"))));
        }
        List<RequestLog.Entry> log = systems.servicenow.requests().all();
        writeLog(log, instances, rate);
        List<Long> all = micros(log, false);
        List<Long> answered = micros(log, true);
        return new Run(instances, rate, items, seconds, items / seconds, log.size(), RequestShapes.refused(log),
                mostInAnySecond(all), mostInAnySecond(answered), mostInAClockSecond(all),
                mostInAnyWindow(all, TEN_SECONDS) / 10.0, log.size() / seconds,
                RequestShapes.perItem(log, items), cpuSeconds, shares, loadAtStart, loadAtEnd);
    }

    /** The leader polls once at start-up; items made after it are left to the webhooks. */
    private static void awaitFirstPoll(BenchSystems systems) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (systems.jira.requests().count("POST", "/rest/api/3/search/jql") == 0
                || systems.servicenow.requests().count("GET", "/api/now/table/" + BenchSystems.TASKS) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no instance polled within 60 s of start (no leader elected?)");
            }
            Thread.sleep(100);
        }
        Thread.sleep(1000);
    }

    /** Until every item is in ServiceNow and linked and the shared inbox is empty. */
    private static void awaitSynced(BenchSystems systems, ConnectorProcess any, int items, int rate)
            throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(Math.max(120, 6L * items / rate)).toNanos();
        long lastReport = started;
        while (true) {
            JsonNode status = SandboxPair.json(AdminApi.get(any.port(), "/api/admin/sync/status"));
            long links = status.path("links").asLong();
            if (links >= items && status.path("pendingEvents").asLong() == 0 && systems.tasks() >= items) {
                if (links != items || systems.tasks() != items) {
                    throw new IllegalStateException("the run ended with " + links + " links and " + systems.tasks()
                            + " ServiceNow tasks for " + items + " items; see " + any.log());
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + links + " of " + items + " items linked after "
                        + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s; see " + any.log());
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                Progress.say("scale-out: %,d of %,d linked after %.0f s", links, items, (lastReport - started) / 1e9);
            }
            Thread.sleep(200);
        }
    }

    /** Every request the limited simulator received in the run, for a closer look: target/bench/scale-out-*.tsv. */
    private static void writeLog(List<RequestLog.Entry> log, int instances, int rate) {
        StringBuilder out = new StringBuilder("at\tmethod\tshape\tstatus\n");
        log.forEach(e -> out.append(e.at()).append('\t').append(e.method()).append('\t').append(RequestShapes.of(e))
                .append('\t').append(e.status()).append('\n'));
        try {
            Path dir = Files.createDirectories(Path.of("target", "bench"));
            Files.writeString(dir.resolve(String.format("scale-out-%d-per-second-%d-instances.tsv", rate, instances)),
                    out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When the simulator judged each request (it logs after its latency, where its limit is applied), sorted. */
    private static List<Long> micros(List<RequestLog.Entry> log, boolean answeredOnly) {
        return log.stream().filter(e -> !answeredOnly || e.status() != 429)
                .map(e -> ChronoUnit.MICROS.between(Instant.EPOCH, e.at())).sorted().toList();
    }

    /** The most requests within any 1-second window, wherever it starts. */
    static int mostInAnySecond(List<Long> sortedMicros) {
        return mostInAnyWindow(sortedMicros, MICROS_PER_SECOND);
    }

    /** The most requests within any window of this many microseconds, wherever it starts. */
    static int mostInAnyWindow(List<Long> sortedMicros, long windowMicros) {
        int most = 0;
        int first = 0;
        for (int last = 0; last < sortedMicros.size(); last++) {
            while (sortedMicros.get(last) - sortedMicros.get(first) >= windowMicros) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    /** The most requests within one second of the clock, as the simulator's limit counts them. */
    static int mostInAClockSecond(List<Long> sortedMicros) {
        Map<Long, Integer> perSecond = new HashMap<>();
        sortedMicros.forEach(at -> perSecond.merge(at / MICROS_PER_SECOND, 1, Integer::sum));
        return perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** This instance's events synced and ServiceNow calls so far, summed over their tags. */
    private static Map<String, Double> scrape(ConnectorProcess node) {
        HttpRequest request = HttpRequest.newBuilder(node.baseUrl().resolve("/actuator/prometheus"))
                .header("X-API-Key", AdminApi.ADMIN_KEY).header("Accept", "text/plain").GET().build();
        String body;
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("/actuator/prometheus answered " + answer.statusCode());
            }
            body = answer.body();
        } catch (IOException e) {
            throw new IllegalStateException("could not read the metrics of " + node.baseUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double events = 0;
        double servicenow = 0;
        for (String line : body.split("\n")) {
            String sample = line.strip();
            if (sample.startsWith("#") || sample.isEmpty()) {
                continue;
            }
            double value = Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
            if (sample.startsWith("retrobridge_events_processed_total")) {
                events += value;
            } else if (sample.startsWith("retrobridge_outbound_calls_total")
                    && sample.toLowerCase(Locale.ROOT).contains("system=\"servicenow\"")) {
                servicenow += value;
            }
        }
        return Map.of("events", events, "servicenow", servicenow);
    }
}
