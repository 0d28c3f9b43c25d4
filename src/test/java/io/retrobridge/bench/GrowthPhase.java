package io.retrobridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.store.JdbcLinkStore;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.ConnectorProcess;
import io.retrobridge.testsupport.SandboxPair;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TreeMap;
import java.util.UUID;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;

/**
 * Does the cost of polling and deciding follow the changes, or the history? One connector process runs with
 * {@code small} links in its store, then with {@code large}: all but {@code changes} of them are history, written
 * by the bench into the connector's H2 file in the rows and formats of {@link JdbcLinkStore} (before start, then
 * more while it runs, through H2's AUTO_SERVER), whose records are not in the simulators (a poll from the
 * watermark never returns them, which is the point). The {@code changes} items are real and synced by the
 * connector; at each size they are edited in Jira twice, a warm-up round and the measured round. Cost is the CPU
 * time of the connector's poll and sync threads from the first edit until every edit reached ServiceNow, the inbox
 * was empty and the echoes were polled. Both simulators answer at once (no latency, no limit) and the connector
 * paces neither, so only its own work is timed.
 */
final class GrowthPhase {

    private static final String TITLE = "Growth item ";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Size(int links, double processCpuMillis, double costMillis, double wallSeconds, double syncMillisPerEvent,
            double seedSeconds) {

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("links", links);
            map.put("pollAndSyncThreadsCpuMillis", costMillis);
            map.put("wholeProcessCpuMillis", processCpuMillis);
            map.put("wallSeconds", BackfillPhase.round(wallSeconds));
            map.put("syncMillisPerEvent", BackfillPhase.round(syncMillisPerEvent));
            map.put("seedSeconds", BackfillPhase.round(seedSeconds));
            return map;
        }
    }

    record Result(int changes, Size small, Size large, double ratio, double syncRatio) {

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("changes", changes);
            map.put("small", small.asMap());
            map.put("large", large.asMap());
            map.put("cpuRatioLargeOverSmall", BackfillPhase.round(ratio));
            map.put("syncTimeRatioLargeOverSmall", BackfillPhase.round(syncRatio));
            map.put("method", "one connector process; history links (not in the simulators) written in the"
                    + " store's own rows and formats into its H2 file: 10k before start, the rest while it runs (H2"
                    + " AUTO_SERVER); per size a warm-up round, then the measured round of the same number of Jira"
                    + " edits. Cost = CPU of the connector's poll and sync threads (Camel timers, inbox workers) from"
                    + " the first edit until every edit reached ServiceNow, the inbox was empty and the echoes were"
                    + " polled; simulators without latency or rate limit; poll interval 1 s");
            return map;
        }
    }

    private GrowthPhase() {
    }

    static Result run(BenchSettings settings, Path work) throws Exception {
        int changes = settings.growthChanges();
        Path database = Files.createDirectories(work.resolve("growth-db"));
        // AUTO_SERVER (which rules out DB_CLOSE_ON_EXIT=FALSE): the first process to open the file serves it to others.
        String url = "jdbc:h2:file:" + database.toAbsolutePath().resolve("retrobridge") + ";AUTO_SERVER=TRUE";
        try (BenchSystems systems = new BenchSystems(0, 0)) {
            Progress.say("growth: writing %,d history links into the store", settings.growthSmall() - changes);
            double seedSmall = seedHistory(url, 0, settings.growthSmall() - changes, true);
            systems.seedJiraItems(TITLE, changes);
            // The bench JVM writes more history into the same file while the connector runs (H2 AUTO_SERVER).
            Map<String, String> extra = Map.of("retrobridge.sync.poll-interval", "1s", "spring.datasource.url", url,
                    "retrobridge.resilience.servicenow.requests-per-second", "10000",
                    "retrobridge.resilience.jira.requests-per-second", "10000");
            Progress.say("growth: starting the connector");
            try (ConnectorProcess connector = Connector.start(settings, systems, database, true, "growth", extra)) {
                awaitQuiet(connector, settings.growthSmall(), systems, "");
                Size small = measure(connector, systems, settings.growthSmall(), changes, seedSmall, "small");
                Progress.say("growth: writing %,d more history links", settings.growthLarge() - settings.growthSmall());
                double seedLarge = seedHistory(url, settings.growthSmall() - changes,
                        settings.growthLarge() - settings.growthSmall(), false);
                Size large = measure(connector, systems, settings.growthLarge(), changes, seedLarge, "large");
                return new Result(changes, small, large, large.costMillis() / small.costMillis(),
                        large.syncMillisPerEvent() / small.syncMillisPerEvent());
            }
        }
    }

    private static Size measure(ConnectorProcess connector, BenchSystems systems, int links, int changes,
            double seedSeconds, String size) throws Exception {
        Progress.say("growth: %,d links; warm-up round of %d edits", links, changes);
        awaitQuiet(connector, links, systems, "");
        editAll(systems, changes, size + "-warm-up");
        awaitQuiet(connector, links, systems, size + "-warm-up");

        Progress.say("growth: %,d links; measured round of %d edits", links, changes);
        double[] syncBefore = syncTimer(connector);
        Duration cpuStart = connector.threadCpuTime(GrowthPhase::pollOrSync);
        Duration allStart = connector.cpuTime();
        long started = System.nanoTime();
        editAll(systems, changes, size + "-measured");
        awaitQuiet(connector, links, systems, size + "-measured");
        double wall = (System.nanoTime() - started) / 1e9;
        double cpu = connector.threadCpuTime(GrowthPhase::pollOrSync).minus(cpuStart).toMillis();
        double all = connector.cpuTime().minus(allStart).toMillis();
        double[] syncAfter = syncTimer(connector);
        double syncPerEvent = (syncAfter[0] - syncBefore[0]) * 1000 / Math.max(1, syncAfter[1] - syncBefore[1]);
        return new Size(links, all, cpu, wall, syncPerEvent, seedSeconds);
    }

    /**
     * The threads that poll and sync: Camel's timer threads (the pollers, the inbox loop, and the mapping-folder
     * check, which costs the same at any size) and the inbox workers. The web server's threads, which answer the
     * benchmark's own status calls, and the JIT compiler and garbage collector are left out.
     */
    private static boolean pollOrSync(String threadName) {
        return threadName.startsWith("Camel (") || threadName.startsWith("inbox-worker-");
    }

    private static void editAll(BenchSystems systems, int changes, String round) {
        for (int i = 1; i <= changes; i++) {
            systems.editJiraTitle("PAY-" + i, TITLE + i + " " + round);
        }
    }

    /** Every item's copy carries the round's title, nothing waits in the inbox, and two more polls have run. */
    private static void awaitQuiet(ConnectorProcess connector, int links, BenchSystems systems, String round)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            var status = SandboxPair.json(AdminApi.get(connector.port(), "/api/admin/sync/status"));
            long arrived = systems.servicenow.records(BenchSystems.TASKS).stream()
                    .filter(t -> round.isEmpty() || t.get("short_description").endsWith(" " + round)).count();
            if (status.path("links").asLong() == links && status.path("pendingEvents").asLong() == 0
                    && arrived == systems.jira.issueKeys().size()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("growth round '" + round + "' did not settle: " + status + ", " + arrived
                        + " arrived; see " + connector.log());
            }
            Thread.sleep(250);
        }
        // The echo of our writes comes back through the ServiceNow poll; let it be read and decided too.
        Thread.sleep(2_500);
        while (SandboxPair.json(AdminApi.get(connector.port(), "/api/admin/sync/status")).path("pendingEvents").asLong() > 0) {
            Thread.sleep(250);
        }
    }

    private static String prometheus(ConnectorProcess connector) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            connector.baseUrl().resolve("/actuator/prometheus")).header("X-API-Key", AdminApi.ADMIN_KEY)
                    .header("Accept", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/actuator/prometheus answered " + response.statusCode());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sum of seconds and count of retrobridge_events_sync_duration_seconds over both systems. */
    private static double[] syncTimer(ConnectorProcess connector) {
        double sum = 0;
        double count = 0;
        for (String line : prometheus(connector).split("\n")) {
            if (line.startsWith("retrobridge_events_sync_duration_seconds_sum")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith("retrobridge_events_sync_duration_seconds_count")) {
                count += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return new double[] {sum, count};
    }

    /**
     * History: linked pairs whose records no longer change, in the rows and formats {@link JdbcLinkStore} writes,
     * inserted in batches (a link at a time would take minutes for 100k). Answers the seconds it took.
     */
    private static double seedHistory(String url, int from, int count, boolean migrate) throws Exception {
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, "retrobridge", "")) {
            if (migrate) {
                Flyway.configure().dataSource(url, "retrobridge", "").locations("classpath:db/migration").load().migrate();
            }
            db.setAutoCommit(false);
            OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusDays(30);
            try (PreparedStatement link = db.prepareStatement("INSERT INTO links (id, kind, correlation_id, version,"
                    + " created_at, updated_at) VALUES (?, 'ACTION_ITEM', ?, 0, ?, ?)");
                 PreparedStatement ids = db.prepareStatement("INSERT INTO link_external_ids (link_id, external_system,"
                         + " external_id) VALUES (?, ?, ?)");
                 PreparedStatement snapshots = db.prepareStatement("INSERT INTO link_snapshots (link_id, external_system,"
                         + " fields_json, taken_at, item_status) VALUES (?, ?, ?, ?, 'DONE')")) {
                for (int i = from; i < from + count; i++) {
                    UUID id = UUID.randomUUID();
                    link.setObject(1, id);
                    link.setString(2, String.format("rb-h%011x", i));
                    link.setObject(3, at);
                    link.setObject(4, at);
                    link.addBatch();
                    byte[] sysId = new byte[16];
                    ThreadLocalRandom.current().nextBytes(sysId);
                    String fields = JSON.writeValueAsString(new TreeMap<>(Map.of("title", "Closed action " + i,
                            "status", "DONE", "priority", "MEDIUM")));
                    for (String system : new String[] {"JIRA", "SERVICENOW"}) {
                        ids.setObject(1, id);
                        ids.setString(2, system);
                        ids.setString(3, system.equals("JIRA") ? String.valueOf(5_000_000 + i) : HexFormat.of().formatHex(sysId));
                        ids.addBatch();
                        snapshots.setObject(1, id);
                        snapshots.setString(2, system);
                        snapshots.setString(3, fields);
                        snapshots.setObject(4, at);
                        snapshots.addBatch();
                    }
                    if ((i - from + 1) % 2_000 == 0 || i == from + count - 1) {
                        link.executeBatch();
                        ids.executeBatch();
                        snapshots.executeBatch();
                        db.commit();
                    }
                    if ((i - from + 1) % 20_000 == 0) {
                        Progress.say("growth: %,d history links written", i - from + 1);
                    }
                }
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
