package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sandbox.jira.JiraSeed.IssueSpec;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.ConnectorProcess;
import io.retrobridge.testsupport.ConnectorSettings;
import io.retrobridge.testsupport.FaultReport;
import io.retrobridge.testsupport.SandboxPair;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector, running as its own process, is killed with SIGKILL at random points of a backfill and
 * started again on the same database, again and again; then the backfill is let finish. Every Jira action item
 * must end up in ServiceNow exactly once and be linked exactly once, whatever the kills interrupted
 * (between a create and its link write, mid-claim, mid-queueing).
 *
 * <p>The backfill is kept in the database: a restarted process takes over the run the killed one left running (once
 * its heartbeat is older than stale-after) and finishes it without being asked again; asking again while it is open
 * answers with that run, never a second one. Each take-over is counted in the run's restarts.
 *
 * <p>It is killed five times, during a backfill of 100 items in every build and of 300 items with
 * {@code -Dretrobridge.test.long-faults=true}. Each start of the connector takes 10-15 s on a small machine.
 */
class BackfillKillRestartTest {

    private static final boolean LONG = Boolean.getBoolean("retrobridge.test.long-faults");
    private static final int ITEMS = LONG ? 300 : 100;
    private static final int KILLS = 5;
    private static final String TITLE = "Kill-restart item ";
    /** Claims of a killed process are given up after this; longer than one item's sync takes here. */
    private static final String CLAIM_TIMEOUT = "10s";
    /** A backfill run of a killed process is taken over after this; a restart takes longer, so at once. */
    private static final String STALE_AFTER = "6s";

    private final SandboxPair systems = new SandboxPair();
    private final List<ConnectorProcess> started = new ArrayList<>();

    @TempDir
    Path database;
    /**
     * Where the connector keeps its state. PostgreSQL by default, the production store: it runs apart from the
     * killed process. {@code -Dretrobridge.test.kill-db=h2} uses the embedded H2 file instead, which dies with the
     * process; after several kills H2 2.3 has been seen to leave a unique index it can no longer update.
     */
    private final Map<String, String> store = new LinkedHashMap<>();

    @org.junit.jupiter.api.BeforeEach
    void chooseStore() {
        if ("h2".equals(System.getProperty("retrobridge.test.kill-db"))) {
            store.putAll(ConnectorProcess.fileDatabase(database));
            store.put("spring.datasource.username", "retrobridge");
            store.put("spring.datasource.password", "");
        } else {
            store.put("spring.datasource.url", io.retrobridge.store.SharedPostgres.newDatabase("kill_restart"));
            store.put("spring.datasource.username", "postgres");
            store.put("spring.datasource.password", "postgres");
        }
    }

    @AfterEach
    void stopEverything() {
        started.forEach(ConnectorProcess::close);
        systems.close();
    }

    @Test
    void killedRepeatedlyDuringABackfillItStillMirrorsEveryItemOnceAndLosesNone() throws Exception {
        for (int i = 1; i <= ITEMS; i++) {
            systems.jira.seed().issue(IssueSpec.of("PAY", "Task", TITLE + i).labels("retro-action"), "557058:beth-anglin");
        }
        long seed = Long.getLong("retrobridge.test.kill-seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> killedAfter = new ArrayList<>();
        // Kills of the process running a backfill run, by run: each such run must be taken over once by a later
        // process. (A process may also be killed before its runner took the run the previous one left.)
        Map<Long, Integer> interrupted = new HashMap<>();
        // Runs left open by a kill, and the run a request of the next process got instead (none expected).
        Map<Long, Long> followedUp = new HashMap<>();
        // The run the last kill left open; read while no process runs (an H2 file is free then).
        Optional<StoredRun> left = Optional.empty();

        for (int kill = 1; kill <= KILLS; kill++) {
            ConnectorProcess connector = start(kill);
            long createsBefore = creates();
            JsonNode asked = SandboxPair.json(AdminApi.post(connector.port(), "/api/admin/sync/backfill"));
            long askedId = asked.path("run").path("id").asLong();
            if (left.isPresent() && askedId != left.get().id()) {
                // Only if the restarted process took the run over and finished it before this request; checked below.
                followedUp.put(left.get().id(), askedId);
            }
            // A random point in the work: after some creates, plus a random few milliseconds.
            int afterCreates = 3 + random.nextInt(ITEMS / 8);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (creates() - createsBefore < afterCreates && !backfillDone(connector) && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            Thread.sleep(random.nextInt(40));
            connector.kill();
            killedAfter.add((creates() - createsBefore) + " creates");
            left = openRun();
            left.filter(run -> run.state().equals("running") && run.instanceId().startsWith(connector.pid() + "@"))
                    .ifPresent(run -> interrupted.merge(run.id(), 1, Integer::sum));
        }

        ConnectorProcess last = start(KILLS + 1);
        if (left.isEmpty()) {
            // The last kill came after the run had ended: ask once more, as before.
            AdminApi.post(last.port(), "/api/admin/sync/backfill");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!(backfillDone(last) && status(last).path("pendingEvents").asLong() == 0)) {
            assertThat(System.nanoTime()).as("backfill finished within 120 s; log %s", last.log()).isLessThan(deadline);
            Thread.sleep(200);
        }
        JsonNode finished = status(last).path("backfill").path("run");
        last.stop();
        Optional<StoredRun> leftAtTheEnd = left;
        leftAtTheEnd.ifPresent(run -> {
            assertThat(finished.path("id").asLong()).as("the run the last kill left, finished without being asked")
                    .isEqualTo(run.id());
            assertThat(finished.path("instanceId").asText()).as("by the restarted process")
                    .startsWith(last.pid() + "@");
        });
        System.out.println("runs interrupted by a kill " + interrupted + "; left open by the last kill: " + left);

        Map<String, Integer> copies = copiesByTitle();
        long duplicates = copies.values().stream().mapToLong(n -> Math.max(0, n - 1)).sum();
        long lost = copies.values().stream().filter(n -> n == 0).count();
        StoredLinks stored = storedLinks();
        FaultReport.line("connector-sigkill-during-backfill(seed=" + seed + ", items=" + ITEMS + ")", KILLS,
                KILLS, stored.deadLetters(), duplicates, lost);
        System.out.println("killed after " + killedAfter);

        assertThat(duplicates).as("ServiceNow tasks created twice (kill seed %s)", seed).isZero();
        assertThat(lost).as("Jira items never mirrored (kill seed %s)", seed).isZero();
        assertThat(stored.jiraItemsLinkedOnce()).as("Jira items with exactly one link").isEqualTo(jiraItemsInScope());
        // Every pair has its Jira side in scope, the ServiceNow demo tasks' Jira copies included.
        assertThat(stored.links()).as("links stored").isEqualTo(jiraItemsInScope());
        assertThat(stored.deadLetters()).as("dead letters").isZero();
        Map<Long, StoredRun> runs = new HashMap<>();
        for (StoredRun run : storedRuns()) {
            runs.put(run.id(), run);
            assertThat(run.state()).as("backfill run %s", run.id()).isEqualTo("done");
            assertThat(run.restarts()).as("take-overs of backfill run %s: one per kill of the process running it", run.id())
                    .isEqualTo(interrupted.getOrDefault(run.id(), 0));
        }
        followedUp.forEach((open, next) -> assertThat(runs.get(open).finishedAt())
                .as("asking again while run %s was open answers with that run, not run %s", open, next)
                .isBeforeOrEqualTo(runs.get(next).requestedAt()));
    }

    private ConnectorProcess start(int run) {
        Map<String, String> settings = new LinkedHashMap<>(ConnectorSettings.against(systems.jira, systems.servicenow, database));
        settings.putAll(store);
        settings.putAll(ConnectorSettings.resilience(4, "20ms", "2s", "50ms", 10_000, 10_000));
        settings.put("retrobridge.sync.enabled", "true");
        // The backfill does the work; the regular poll would only blur where the kills land.
        settings.put("retrobridge.sync.poll-interval", "1h");
        settings.put("retrobridge.sync.drain-interval", "200ms");
        settings.put("retrobridge.sync.first-poll-delay", "500ms");
        settings.put("retrobridge.sync.claim-timeout", CLAIM_TIMEOUT);
        settings.put("retrobridge.sync.backfill.stale-after", STALE_AFTER);
        // The runner takes the run as soon as the first poll starts, so the kills land in the backfill's work.
        settings.put("retrobridge.sync.backfill.runner-interval", "500ms");
        // Several items in hand at once, so a kill interrupts several syncs at different steps.
        settings.put("retrobridge.sync.workers", "4");
        ConnectorProcess connector = ConnectorProcess.start(settings, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"),
                Path.of("target", "connector-logs", "kill-restart-" + run + ".log"), Duration.ofSeconds(90));
        started.add(connector);
        return connector;
    }

    private long creates() {
        return systems.servicenow.requests().all().stream()
                .filter(e -> e.method().equals("POST") && e.path().equals("/api/now/table/" + SandboxPair.TASKS)
                        && e.status() == 201)
                .count();
    }

    private static JsonNode status(ConnectorProcess connector) {
        return SandboxPair.json(AdminApi.get(connector.port(), "/api/admin/sync/status"));
    }

    private static boolean backfillDone(ConnectorProcess connector) {
        return status(connector).path("backfill").path("state").asText().equals("done");
    }

    /** ServiceNow copies of each seeded Jira item, by title; 0 means lost. */
    private Map<String, Integer> copiesByTitle() {
        return systems.tasksByTitle(IntStream.rangeClosed(1, ITEMS).mapToObj(i -> TITLE + i).toList());
    }

    private long jiraItemsInScope() {
        return systems.jira.issueKeys().stream()
                .filter(key -> systems.jiraIssue(key).at("/fields/labels").toString().contains("\"retro-action\""))
                .count();
    }

    private record StoredLinks(long links, long jiraItemsLinkedOnce, long deadLetters) {
    }

    /** Read straight from the database the connector left behind (it is stopped, so an H2 file is free). */
    private StoredLinks storedLinks() throws SQLException {
        try (Connection db = DriverManager.getConnection(store.get("spring.datasource.url"),
                store.get("spring.datasource.username"), store.get("spring.datasource.password"));
             Statement sql = db.createStatement()) {
            // Action items only: the backfill also mirrors the demo's change request, a link of its own kind.
            return new StoredLinks(count(sql, "SELECT COUNT(*) FROM links WHERE kind = 'ACTION_ITEM'"),
                    count(sql, "SELECT COUNT(*) FROM (SELECT e.external_id FROM link_external_ids e JOIN links l"
                            + " ON l.id = e.link_id WHERE e.external_system = 'JIRA' AND l.kind = 'ACTION_ITEM'"
                            + " GROUP BY e.external_id HAVING COUNT(*) = 1) AS linked_once"),
                    count(sql, "SELECT COUNT(*) FROM dead_letters"));
        }
    }

    private record StoredRun(long id, String state, String instanceId, int restarts, Instant requestedAt,
            Instant finishedAt) {
    }

    /** The backfill run a killed process left requested or running, read from its database. */
    private Optional<StoredRun> openRun() throws SQLException {
        List<StoredRun> open = storedRuns().stream().filter(run -> run.state().matches("requested|running")).toList();
        assertThat(open).as("open backfill runs").hasSizeLessThanOrEqualTo(1);
        return open.stream().findFirst();
    }

    private List<StoredRun> storedRuns() throws SQLException {
        try (Connection db = DriverManager.getConnection(store.get("spring.datasource.url"),
                store.get("spring.datasource.username"), store.get("spring.datasource.password"));
             Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT id, state, instance_id, restarts, requested_at, finished_at"
                     + " FROM backfill_runs ORDER BY id")) {
            List<StoredRun> runs = new ArrayList<>();
            while (rows.next()) {
                OffsetDateTime finished = rows.getObject("finished_at", OffsetDateTime.class);
                runs.add(new StoredRun(rows.getLong("id"), rows.getString("state"),
                        String.valueOf(rows.getString("instance_id")), rows.getInt("restarts"),
                        rows.getObject("requested_at", OffsetDateTime.class).toInstant(),
                        finished == null ? null : finished.toInstant()));
            }
            return runs;
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
