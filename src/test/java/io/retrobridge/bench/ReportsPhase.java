package io.retrobridge.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.retrobridge.store.SharedPostgres;
import io.retrobridge.testsupport.ConnectorProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast the delivery and effectiveness reports answer over a year of history on PostgreSQL. {@link GateSeed}
 * writes the action items under their retrospectives (follow-ups, links with snapshots and due dates, facts,
 * escalations) and {@link DeliverySeed} the deployments and alerts of the same applications; then each report shape
 * (whole portfolio over 90 days and a year, one application over a year; the portfolio report, which reads both,
 * over a year) is asked over HTTP of the connector started
 * on that database, one request after another, warm-up left out. Baseline: the same requests to a connector on an
 * empty database. The plans of the reports' reads are printed as executed ({@link ReportPlans}).
 */
final class ReportsPhase {

    static final String VIEWER_KEY = "bench-viewer-key-0123456789";

    record Shape(String name, String path) {
    }

    record Timed(Shape shape, Latencies.Summary seeded, Latencies.Summary baseline, int answerBytes) {

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("request", shape.path());
            map.put("seeded", seeded.asMap());
            map.put("baseline", baseline.asMap());
            map.put("answerBytes", answerBytes);
            return map;
        }
    }

    record Result(int applications, int deployments, int alerts, GateSeed.Written items, double seedSeconds,
            int warmUp, int requests, List<Timed> timed, String plans) {

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("database", "postgres");
            map.put("applications", applications);
            map.put("deployments", deployments);
            map.put("alerts", alerts);
            map.put("actionItems", items.asMap());
            map.put("seedSeconds", BackfillPhase.round(seedSeconds));
            map.put("warmUpRequests", warmUp);
            map.put("measuredRequests", requests);
            map.put("method", "GET requests one after another on the connector (own JVM, "
                    + String.join(" ", Connector.JVM_OPTIONS) + ") over PostgreSQL; baseline = the same request to a"
                    + " connector on an empty, migrated database");
            Map<String, Object> shapes = new LinkedHashMap<>();
            timed.forEach(t -> shapes.put(t.shape().name(), t.asMap()));
            map.put("requests", shapes);
            map.put("plans", plans);
            return map;
        }
    }

    private ReportsPhase() {
    }

    static Result run(BenchSettings settings, Path work) throws Exception {
        int applications = Integer.getInteger("bench.reports-applications", 300);
        int deployments = Integer.getInteger("bench.reports-deployments", 100_000);
        int items = Integer.getInteger("bench.reports-items", 50_000);
        int warmUp = Integer.getInteger("bench.reports-warm-up", 3);
        int requests = Integer.getInteger("bench.reports-requests", 30);
        String seeded = SharedPostgres.newDatabase("reports_bench");
        String empty = SharedPostgres.newDatabase("reports_bench_empty");
        migrate(seeded);
        migrate(empty);
        Instant now = Instant.now();
        long started = System.nanoTime();
        Progress.say("reports: seeding %,d applications with %,d action items and %,d deployments", applications,
                items, deployments);
        GateSeed itemSeed = new GateSeed(applications, items, 20261207L);
        GateSeed.Written written;
        DeliverySeed.Written runs;
        int closed;
        try (Connection db = connection(seeded)) {
            written = itemSeed.write(db, now, "reports");
            runs = new DeliverySeed(applications, deployments, 20261208L).write(db, now);
            closed = closeInProgressItems(db);
        }
        double seedSeconds = (System.nanoTime() - started) / 1e9;
        Progress.say("reports: seeded in %.1f s (%,d retrospectives, %,d items of them done, %,d deployments, %,d"
                + " alerts)", seedSeconds, written.retrospectives(), closed, runs.deployments(), runs.alerts());
        String plans;
        try (HikariDataSource pool = pool(seeded)) {
            JdbcClient jdbc = JdbcClient.create(pool);
            jdbc.sql("ANALYZE").update();
            plans = ReportPlans.explain(jdbc, GateSeed.application(0), now);
        }
        Progress.say("reports: plans of the reports' reads%n%s", plans);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate tomorrow = today.plusDays(1);
        String app = GateSeed.application(0);
        List<Shape> shapes = List.of(
                new Shape("delivery, portfolio, 90 days", "/api/reports/delivery?from=" + tomorrow.minusDays(90)
                        + "&to=" + tomorrow),
                new Shape("delivery, portfolio, one year", "/api/reports/delivery?from=" + tomorrow.minusDays(365)
                        + "&to=" + tomorrow + "&granularity=month"),
                new Shape("delivery, one application, one year", "/api/reports/delivery?application=" + app
                        + "&from=" + tomorrow.minusDays(365) + "&to=" + tomorrow + "&granularity=month"),
                new Shape("effectiveness, portfolio, 90 days", "/api/reports/effectiveness?from="
                        + tomorrow.minusDays(90) + "&to=" + tomorrow),
                new Shape("effectiveness, portfolio, one year", "/api/reports/effectiveness?from="
                        + tomorrow.minusDays(365) + "&to=" + tomorrow + "&granularity=month"),
                new Shape("effectiveness, one application, one year", "/api/reports/effectiveness?application="
                        + URLEncoder.encode(app, StandardCharsets.UTF_8) + "&from=" + tomorrow.minusDays(365)
                        + "&to=" + tomorrow + "&granularity=month"),
                new Shape("portfolio, every application, one year", "/api/reports/portfolio?from="
                        + tomorrow.minusDays(365) + "&to=" + tomorrow),
                new Shape("portfolio, one application, one year", "/api/reports/portfolio?application="
                        + URLEncoder.encode(app, StandardCharsets.UTF_8) + "&from=" + tomorrow.minusDays(365)
                        + "&to=" + tomorrow));
        Map<Shape, Latencies> seededTimes = new LinkedHashMap<>();
        Map<Shape, Integer> sizes = new LinkedHashMap<>();
        time(settings, work, "reports-seeded", seeded, shapes, warmUp, requests, seededTimes, sizes);
        Map<Shape, Latencies> baselineTimes = new LinkedHashMap<>();
        time(settings, work, "reports-empty", empty, shapes, warmUp, requests, baselineTimes, new LinkedHashMap<>());
        List<Timed> timed = shapes.stream().map(shape -> new Timed(shape, seededTimes.get(shape).summary(),
                baselineTimes.get(shape).summary(), sizes.get(shape))).toList();
        timed.forEach(t -> Progress.say("reports: %s: %s (baseline %s)", t.shape().name(), t.seeded().text(),
                t.baseline().text()));
        return new Result(applications, runs.deployments(), runs.alerts(), written, seedSeconds, warmUp, requests,
                timed, plans);
    }

    private static void time(BenchSettings settings, Path work, String name, String url, List<Shape> shapes,
            int warmUp, int requests, Map<Shape, Latencies> times, Map<Shape, Integer> sizes) throws Exception {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("spring.datasource.url", url);
        extra.put("spring.datasource.username", "postgres");
        extra.put("spring.datasource.password", "");
        extra.put("retrobridge.escalation.enabled", "false");
        extra.put("retrobridge.retention.enabled", "false");
        extra.put("retrobridge.security.api-keys[0].name", "bench-viewer");
        extra.put("retrobridge.security.api-keys[0].key", VIEWER_KEY);
        extra.put("retrobridge.security.api-keys[0].role", "viewer");
        Progress.say("reports: starting the connector on %s", name);
        try (BenchSystems systems = new BenchSystems(0, 0);
             ConnectorProcess connector = Connector.start(settings, systems,
                     Files.createDirectories(work.resolve(name + "-h2-unused")), false, name, extra)) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (Shape shape : shapes) {
                Latencies latencies = new Latencies();
                URI uri = connector.baseUrl().resolve(shape.path());
                for (int i = 0; i < warmUp + requests; i++) {
                    long started = System.nanoTime();
                    String body = get(client, uri);
                    long took = System.nanoTime() - started;
                    if (i >= warmUp) {
                        latencies.add(took);
                    }
                    sizes.put(shape, body.length());
                }
                times.put(shape, latencies);
                Progress.say("reports %s: %s: %s", name, shape.name(), latencies.summary().text());
            }
        }
    }

    private static String get(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).header("X-API-Key", VIEWER_KEY)
                .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /**
     * The gate's estate holds open items only; the reports also count items done and retrospectives whose actions
     * all landed (recovery before and after). The items in progress are taken as done, on their due date or
     * yesterday, whichever came first.
     */
    private static int closeInProgressItems(Connection db) throws java.sql.SQLException {
        try (var statement = db.createStatement()) {
            statement.executeUpdate("UPDATE follow_up_facts SET status = 'done', completed_on = LEAST(due_date,"
                    + " CURRENT_DATE - 1) WHERE item_key IN (SELECT l.correlation_id FROM links l JOIN link_snapshots s"
                    + " ON s.link_id = l.id WHERE s.external_system = 'SERVICENOW'"
                    + " AND s.fields_json LIKE '%\"status\":\"IN_PROGRESS\"%')");
            return statement.executeUpdate("UPDATE link_snapshots SET item_status = 'DONE', fields_json ="
                    + " REPLACE(fields_json, '\"status\":\"IN_PROGRESS\"', '\"status\":\"DONE\"')"
                    + " WHERE fields_json LIKE '%\"status\":\"IN_PROGRESS\"%'") / 2;
        }
    }

    private static void migrate(String url) {
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();
    }

    private static Connection connection(String url) throws java.sql.SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", "");
        properties.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(url, properties);
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setPassword("");
        config.setMaximumPoolSize(2);
        config.setPoolName("reports-bench");
        return new HikariDataSource(config);
    }
}
