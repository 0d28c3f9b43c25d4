package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.escalation.EscalationMarkers;
import io.retrobridge.sandbox.jira.JiraSeed.IssueSpec;
import io.retrobridge.store.SharedPostgres;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.ConnectorProcess;
import io.retrobridge.testsupport.ConnectorSettings;
import io.retrobridge.testsupport.FaultReport;
import io.retrobridge.testsupport.FaultyProxy;
import io.retrobridge.testsupport.SandboxPair;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three connector processes on one PostgreSQL database elect one leader (retrobridge.cluster.mode=jdbc), which alone
 * runs the leader routes. The leader is killed with SIGKILL twice: in the middle of a backfill of 100 items, then in
 * the middle of an escalation scan whose first ticket create the ServiceNow side answers slowly. Each time another
 * process is elected within lock-ttl and a heartbeat (plus a margin) and finishes what the dead one left: every item
 * is in ServiceNow and linked exactly once, every due escalation step has exactly one ticket, no poll round is
 * skipped for longer than the hand-over or runs beside another instance's, and edits made in Jira while nobody led
 * arrive in ServiceNow.
 *
 * <p>Prints the fault suite's {@code fault=} lines and the measured {@code handover-ms=} of each kill.
 */
class LeaderFailoverFaultTest {

    private static final int NODES = 3;
    private static final int ITEMS = 100;
    private static final int SCAN_ITEMS = 4;
    private static final String TITLE = "Fail-over item ";
    private static final String LADDER = "production-fixes";
    private static final Duration LOCK_TTL = Duration.ofSeconds(3);
    private static final Duration HEARTBEAT = Duration.ofMillis(300);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    private static final Duration FIRST_POLL_DELAY = Duration.ofMillis(500);
    /** From a kill to the successor's term: the lock expires after lock-ttl, the others try every heartbeat. */
    private static final Duration HANDOVER_BOUND = LOCK_TTL.plus(HEARTBEAT).plusSeconds(2);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final SandboxPair systems = new SandboxPair();
    private final FaultyProxy servicenow = FaultyProxy.inFrontOf(systems.servicenow.baseUrl());
    private final String databaseUrl = SharedPostgres.newDatabase("leader_failover");
    /** The running processes by instance id. */
    private final Map<String, ConnectorProcess> nodes = new LinkedHashMap<>();
    /** When each killed instance was killed: its open rounds ended then. */
    private final Map<String, Instant> killedAt = new HashMap<>();

    @TempDir
    Path unusedH2;

    @AfterEach
    void stopEverything() {
        nodes.values().forEach(ConnectorProcess::close);
        servicenow.close();
        systems.close();
    }

    @Test
    void killedLeadersAreReplacedWithinTheBoundAndWhatTheyLeftIsFinishedOnceWithNothingLost() throws Exception {
        startNodes();

        // ---- One leader: only it runs the leader routes, only it says so.
        String first = awaitLeader();
        Instant watchFrom = Instant.now();
        String editedFirst = syncedJiraItem("Fail-over edit target one");
        String editedSecond = syncedJiraItem("Fail-over edit target two");
        await().atMost(Duration.ofSeconds(30)).until(() -> Duration.between(watchFrom, Instant.now()).toSeconds() >= 10);
        Set<String> pollers = pollRounds().stream().filter(r -> !r.startedAt().isBefore(watchFrom))
                .map(Round::instanceId).collect(Collectors.toSet());
        assertThat(pollers).as("instances that ran jira-poll rounds over ten seconds").containsExactly(first);
        for (String node : nodes.keySet()) {
            assertThat(cluster(node).path("thisInstanceLeads").asBoolean()).as("health of %s says it leads", node)
                    .isEqualTo(node.equals(first));
            assertThat(cluster(node).path("leader").asText()).as("the leader as %s sees it", node).isEqualTo(first);
        }
        String follower = nodes.keySet().stream().filter(n -> !n.equals(first)).findFirst().orElseThrow();
        HttpResponse<String> refused = post(follower, "/api/admin/escalations/scan");
        assertThat(refused.statusCode()).as("a manual scan asked of a follower").isEqualTo(409);
        assertThat(SandboxPair.json(refused.body()).path("leader").asText()).isEqualTo(first);
        assertThat(SandboxPair.json(refused.body()).path("error").asText()).contains(first);

        // ---- Kill the leader in the middle of a backfill of 100 items.
        for (int i = 1; i <= ITEMS; i++) {
            systems.jira.seed().issue(IssueSpec.of("PAY", "Task", TITLE + i).labels("retro-action"),
                    "557058:beth-anglin");
        }
        long createsBefore = creates();
        JsonNode asked = SandboxPair.json(AdminApi.post(nodes.get(first).port(), "/api/admin/sync/backfill"));
        long runId = asked.path("run").path("id").asLong();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> creates() - createsBefore >= 15);
        BackfillRow beforeKill = backfillRun(runId);
        assertThat(beforeKill.state()).as("the backfill when the leader is killed").isEqualTo("running");
        assertThat(beforeKill.instanceId()).as("run by the leader, named as in the election").isEqualTo(first);
        long firstTerm = term().term();
        Instant firstKill = kill(first);
        systems.editJira(editedFirst, "{\"summary\":\"Fail-over edit target one, edited while nobody led\"}");
        Term second = awaitTermAfter(firstTerm);
        long handoverOne = Duration.between(firstKill, second.grantedAt()).toMillis();
        System.out.println("handover-ms=" + handoverOne + " (leader " + first + " killed during a backfill; "
                + second.holder() + " elected under term " + second.term() + ")");
        assertThat(Duration.ofMillis(handoverOne)).as("kill to the successor's term").isLessThan(HANDOVER_BOUND);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> backfillRun(runId).state().equals("done"));
        BackfillRow finished = backfillRun(runId);
        await().atMost(Duration.ofSeconds(60)).until(() -> pendingEvents() == 0);
        Map<String, Integer> copies = copiesByTitle();
        long duplicates = copies.values().stream().mapToLong(n -> Math.max(0, n - 1)).sum();
        long lost = copies.values().stream().filter(n -> n == 0).count();
        long linkedOnce = itemsLinkedOnce();
        FaultReport.line("leader-sigkill-during-backfill(items=" + ITEMS + ")", 1,
                finished.restarts() >= 1 ? 1 : 0, deadLetters(), duplicates, lost);
        assertThat(finished.restarts()).as("take-overs of the backfill run").isGreaterThanOrEqualTo(1);
        assertThat(finished.instanceId()).as("finished by the successor").isEqualTo(second.holder());
        assertThat(duplicates).as("ServiceNow tasks created twice").isZero();
        assertThat(lost).as("Jira items never mirrored").isZero();
        assertThat(linkedOnce).as("backfilled items linked exactly once").isEqualTo(ITEMS);

        // ---- Kill the new leader in the middle of an escalation scan.
        List<ScanItem> overdue = new ArrayList<>();
        for (int i = 1; i <= SCAN_ITEMS; i++) {
            overdue.add(overdueItem("Fail-over: alert on pipeline stall " + i));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> overdue.stream().allMatch(item -> itemKeyOf(item.sysId()) != null));
        List<String> keys = overdue.stream().map(item -> itemKeyOf(item.sysId())).toList();
        String leader = second.holder();
        int requestsBefore = systems.servicenow.requests().all().size();
        servicenow.failNext(1, "POST", "/api/now/table/sc_task", FaultyProxy.slow(Duration.ofSeconds(5)));
        CompletableFuture<HttpResponse<String>> scan = CompletableFuture.supplyAsync(
                () -> post(leader, "/api/admin/escalations/scan"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> ticketCreatesSince(requestsBefore) > 0);
        assertThat(scan).as("the scan, when its leader is killed").isNotDone();
        Instant secondKill = kill(leader);
        List<String> leftClaimed = markersClaimedUnder(second.term(), "CLAIMED");
        systems.editJira(editedSecond, "{\"summary\":\"Fail-over edit target two, edited while nobody led\"}");
        Term third = awaitTermAfter(second.term());
        long handoverTwo = Duration.between(secondKill, third.grantedAt()).toMillis();
        System.out.println("handover-ms=" + handoverTwo + " (leader " + leader + " killed during an escalation scan; "
                + third.holder() + " elected under term " + third.term() + ")");
        assertThat(Duration.ofMillis(handoverTwo)).as("kill to the successor's term").isLessThan(HANDOVER_BOUND);
        // The successor's escalation-scan route starts on its election and scans after first-scan-delay.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> keys.stream().allMatch(key -> steps(key).values().stream().allMatch("RAISED"::equals)
                        && steps(key).keySet().containsAll(List.of("remind", "cab"))));
        Map<String, Long> ticketsByMarker = systems.servicenow.records("sc_task").stream()
                .filter(t -> t.get("correlation_id") != null && !t.get("correlation_id").isBlank())
                .collect(Collectors.groupingBy(t -> t.get("correlation_id"), Collectors.counting()));
        long ticketDuplicates = ticketsByMarker.values().stream().mapToLong(n -> n - 1).sum();
        long ticketsMissing = keys.stream()
                .filter(key -> !ticketsByMarker.containsKey(EscalationMarkers.ticketMarker(key, LADDER, "cab")))
                .count();
        long remindersTwice = overdue.stream().filter(item -> workNotes(item.sysId()) != 1).count();
        FaultReport.line("leader-sigkill-during-scan(items=" + SCAN_ITEMS + ")", 1,
                ticketsMissing == 0 ? 1 : 0, deadLetters(), ticketDuplicates + remindersTwice, ticketsMissing);
        assertThat(leftClaimed).as("steps the killed leader had claimed and not finished").isNotEmpty();
        assertThat(markersClaimedUnder(second.term(), "RAISED")).as("finished by its successor")
                .containsAll(leftClaimed);
        leftClaimed.stream().filter(ticketsByMarker::containsKey).forEach(marker -> assertThat(
                ticketsByMarker.get(marker)).as("tickets with the marker %s", marker).isEqualTo(1));
        assertThat(ticketDuplicates).as("tickets created twice for one (item, step)").isZero();
        assertThat(ticketsMissing).as("due steps without their ticket").isZero();
        assertThat(remindersTwice).as("items not reminded exactly once").isZero();

        // ---- Edits made while nobody led arrived; no poll round was skipped or ran beside another.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                systems.tasksTitled("Fail-over edit target one, edited while nobody led") == 1
                        && systems.tasksTitled("Fail-over edit target two, edited while nobody led") == 1);
        checkPollRounds();
        assertThat(deadLetters()).as("dead letters").isZero();
    }

    private void checkPollRounds() throws SQLException {
        List<Round> rounds = pollRounds();
        Duration longestWait = Duration.ZERO;
        Duration longestStartGap = Duration.ZERO;
        for (int i = 1; i < rounds.size(); i++) {
            Round before = rounds.get(i - 1);
            Round next = rounds.get(i);
            Instant beforeEnded = ended(before);
            // The timer waits poll-interval after a round ends; a hand-over adds at most its bound.
            Duration wait = Duration.between(beforeEnded, next.startedAt());
            longestWait = wait.compareTo(longestWait) > 0 ? wait : longestWait;
            Duration startGap = Duration.between(before.startedAt(), next.startedAt());
            longestStartGap = startGap.compareTo(longestStartGap) > 0 ? startGap : longestStartGap;
            assertThat(wait).as("wait between jira-poll rounds %s and %s", before, next)
                    .isLessThanOrEqualTo(POLL_INTERVAL.plus(HANDOVER_BOUND).plus(FIRST_POLL_DELAY));
            if (!before.instanceId().equals(next.instanceId())) {
                assertThat(next.startedAt()).as("round %s started after %s of another instance ended", next, before)
                        .isAfterOrEqualTo(beforeEnded);
            }
        }
        System.out.println("jira-poll rounds=" + rounds.size() + " longest-wait-ms=" + longestWait.toMillis()
                + " longest-start-gap-ms=" + longestStartGap.toMillis() + " instances="
                + rounds.stream().map(Round::instanceId).distinct().toList());
    }

    /** When a round ended: its finish, else the kill of its instance, else it is still running. */
    private Instant ended(Round round) {
        if (round.finishedAt() != null) {
            return round.finishedAt();
        }
        return killedAt.getOrDefault(round.instanceId(), Instant.now());
    }

    // ---- the processes

    private void startNodes() throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(NODES);
        try {
            Map<String, Future<ConnectorProcess>> started = new LinkedHashMap<>();
            for (int i = 1; i <= NODES; i++) {
                String id = "node-" + i;
                started.put(id, starting.submit(() -> start(id)));
            }
            for (Map.Entry<String, Future<ConnectorProcess>> node : started.entrySet()) {
                nodes.put(node.getKey(), node.getValue().get());
            }
        } finally {
            starting.shutdownNow();
        }
    }

    private ConnectorProcess start(String instanceId) {
        Map<String, String> settings = new LinkedHashMap<>(
                ConnectorSettings.against(systems.jira, systems.servicenow, unusedH2.resolve(instanceId)));
        settings.put("retrobridge.servicenow.base-url", servicenow.baseUrl().toString());
        settings.put("spring.datasource.url", databaseUrl);
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.datasource.password", "postgres");
        // ServiceNow paced low, shared by the three: the backfill lasts long enough to be killed in.
        settings.putAll(ConnectorSettings.resilience(4, "20ms", "2s", "50ms", 200, 15));
        settings.put("retrobridge.cluster.mode", "jdbc");
        settings.put("retrobridge.cluster.instance-id", instanceId);
        settings.put("retrobridge.cluster.lock-ttl", LOCK_TTL.toMillis() + "ms");
        settings.put("retrobridge.cluster.heartbeat", HEARTBEAT.toMillis() + "ms");
        settings.put("retrobridge.sync.enabled", "true");
        settings.put("retrobridge.sync.poll-interval", POLL_INTERVAL.toMillis() + "ms");
        settings.put("retrobridge.sync.first-poll-delay", FIRST_POLL_DELAY.toMillis() + "ms");
        settings.put("retrobridge.sync.drain-interval", "200ms");
        settings.put("retrobridge.sync.claim-timeout", "10s");
        settings.put("retrobridge.sync.workers", "4");
        settings.put("retrobridge.sync.backfill.runner-interval", "500ms");
        settings.put("retrobridge.sync.backfill.stale-after", "3s");
        // A scan when an instance is elected, then none for the rest of the test unless asked for.
        settings.put("retrobridge.escalation.first-scan-delay", "1s");
        settings.put("retrobridge.escalation.scan-interval", "1h");
        return ConnectorProcess.start(settings, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"),
                Path.of("target", "connector-logs", "leader-failover-" + instanceId + ".log"), Duration.ofSeconds(150));
    }

    /** SIGKILL; the process is gone when this returns. Answers the moment the signal was sent. */
    private Instant kill(String instanceId) {
        ConnectorProcess process = nodes.remove(instanceId);
        Instant at = Instant.now();
        process.kill();
        assertThat(process.isAlive()).as("%s after SIGKILL", instanceId).isFalse();
        killedAt.put(instanceId, at);
        return at;
    }

    private String awaitLeader() throws SQLException {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> term() != null && nodes.containsKey(term().holder()));
        String leader = term().holder();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> cluster(leader).path("thisInstanceLeads").asBoolean());
        return leader;
    }

    private Term awaitTermAfter(long term) throws SQLException {
        await().atMost(HANDOVER_BOUND.multipliedBy(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> term().term() > term);
        Term next = term();
        assertThat(nodes).as("the successor is a live instance").containsKey(next.holder());
        return next;
    }

    private JsonNode cluster(String instanceId) {
        return SandboxPair.json(AdminApi.get(nodes.get(instanceId).port(), "/actuator/health/cluster")).path("details");
    }

    private HttpResponse<String> post(String instanceId, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(nodes.get(instanceId).baseUrl() + path))
                    .header("X-API-Key", AdminApi.ADMIN_KEY).header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the simulators

    /** A Jira item made by a person, once it is in ServiceNow; answers its key. */
    private String syncedJiraItem(String title) {
        String key = systems.createJiraItem(title);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> systems.tasksTitled(title) == 1);
        return key;
    }

    private record ScanItem(String sysId, String title) {
    }

    /** A ServiceNow task due yesterday, owned by David Loo, in the production-fixes ladder (the word pipeline). */
    private ScanItem overdueItem(String title) {
        String sysId = systems.createTask(title);
        String owner = systems.servicenow.records("sys_user").stream()
                .filter(u -> "david.loo".equals(u.get("user_name"))).findFirst().orElseThrow().get("sys_id");
        systems.patchTask(sysId, "{\"due_date\":\"" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + " 23:59:59\","
                + "\"assigned_to\":\"" + owner + "\",\"problem\":\"" + systems.serviceNowTasks.get("problem").sysId()
                + "\",\"impact\":\"2\",\"urgency\":\"1\"}");
        return new ScanItem(sysId, title);
    }

    private long creates() {
        return systems.servicenow.requests().all().stream()
                .filter(e -> e.method().equals("POST") && e.path().equals("/api/now/table/" + SandboxPair.TASKS)
                        && e.status() == 201)
                .count();
    }

    private long ticketCreatesSince(int from) {
        return systems.servicenow.requests().all().stream().skip(from)
                .filter(e -> e.method().equals("POST") && e.path().equals("/api/now/table/sc_task")).count();
    }

    private long workNotes(String sysId) {
        return systems.servicenow.journal(sysId).stream().filter(e -> "work_notes".equals(e.get("element"))).count();
    }

    private Map<String, Integer> copiesByTitle() {
        return systems.tasksByTitle(IntStream.rangeClosed(1, ITEMS).mapToObj(i -> TITLE + i).toList());
    }

    // ---- the shared database

    private record Term(long term, String holder, Instant grantedAt) {
    }

    private record Round(String instanceId, long term, Instant startedAt, Instant finishedAt, String outcome) {
    }

    private record BackfillRow(String state, String instanceId, int restarts) {
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection(databaseUrl, "postgres", "postgres");
    }

    private Term term() throws SQLException {
        try (Connection db = database(); ResultSet row = db.createStatement()
                .executeQuery("SELECT term, holder, granted_at FROM leader_terms WHERE namespace = 'retrobridge'")) {
            return row.next() ? new Term(row.getLong(1), row.getString(2),
                    row.getObject(3, OffsetDateTime.class).toInstant()) : null;
        }
    }

    private List<Round> pollRounds() throws SQLException {
        try (Connection db = database(); ResultSet rows = db.createStatement().executeQuery("SELECT instance_id, term,"
                + " started_at, finished_at, outcome FROM singleton_runs WHERE job = 'jira-poll' ORDER BY started_at")) {
            List<Round> rounds = new ArrayList<>();
            while (rows.next()) {
                OffsetDateTime finished = rows.getObject(4, OffsetDateTime.class);
                rounds.add(new Round(rows.getString(1), rows.getLong(2), rows.getObject(3, OffsetDateTime.class)
                        .toInstant(), finished == null ? null : finished.toInstant(), rows.getString(5)));
            }
            return rounds;
        }
    }

    private BackfillRow backfillRun(long id) throws SQLException {
        try (Connection db = database();
             PreparedStatement sql = db.prepareStatement("SELECT state, instance_id, restarts FROM backfill_runs WHERE id = ?")) {
            sql.setLong(1, id);
            try (ResultSet row = sql.executeQuery()) {
                row.next();
                return new BackfillRow(row.getString(1), String.valueOf(row.getString(2)), row.getInt(3));
            }
        }
    }

    /** The item key (link correlation id) of a ServiceNow task once it is linked to its Jira copy; else null. */
    private String itemKeyOf(String sysId) {
        try (Connection db = database(); PreparedStatement sql = db.prepareStatement("SELECT l.correlation_id FROM links l"
                + " JOIN link_external_ids s ON s.link_id = l.id AND s.external_system = 'SERVICENOW'"
                + " JOIN link_external_ids j ON j.link_id = l.id AND j.external_system = 'JIRA'"
                + " WHERE s.external_id = ?")) {
            sql.setString(1, sysId);
            try (ResultSet row = sql.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each escalation step of an item and its state. */
    private Map<String, String> steps(String itemKey) {
        Map<String, String> steps = new HashMap<>();
        query("SELECT step_id, state FROM escalations WHERE item_key = ?", itemKey,
                row -> steps.put(row.getString(1), row.getString(2)));
        return steps;
    }

    /** The markers of the escalation steps claimed under {@code term} that are in {@code state} now. */
    private List<String> markersClaimedUnder(long term, String state) {
        List<String> markers = new ArrayList<>();
        query("SELECT marker FROM escalations WHERE claim_term = " + term + " AND state = ?", state,
                row -> markers.add(row.getString(1)));
        return markers;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String statement, String parameter, RowReader reader) {
        try (Connection db = database(); PreparedStatement sql = db.prepareStatement(statement)) {
            sql.setString(1, parameter);
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long itemsLinkedOnce() throws SQLException {
        return count("SELECT COUNT(*) FROM (SELECT e.external_id FROM link_external_ids e JOIN links l"
                + " ON l.id = e.link_id WHERE e.external_system = 'JIRA' AND l.kind = 'ACTION_ITEM'"
                + " AND e.external_id IN (" + seededIssueIds() + ") GROUP BY e.external_id HAVING COUNT(*) = 1)"
                + " AS linked_once");
    }

    /** The Jira ids of the backfilled items, quoted for an IN list (ids are digits). */
    private String seededIssueIds() {
        return systems.jira.issueKeys().stream()
                .map(systems::jiraIssue)
                .filter(issue -> issue.at("/fields/summary").asText().startsWith(TITLE))
                .map(issue -> "'" + issue.path("id").asText().replaceAll("[^0-9]", "") + "'")
                .collect(Collectors.joining(","));
    }

    private long pendingEvents() throws SQLException {
        return count("SELECT COUNT(*) FROM inbound_events WHERE status IN ('PENDING', 'CLAIMED')");
    }

    private long deadLetters() throws SQLException {
        return count("SELECT COUNT(*) FROM dead_letters");
    }

    private long count(String statement) throws SQLException {
        try (Connection db = database(); ResultSet row = db.createStatement().executeQuery(statement)) {
            row.next();
            return row.getLong(1);
        }
    }
}
