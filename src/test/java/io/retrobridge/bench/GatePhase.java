package io.retrobridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.retrobridge.gate.GateAnswer;
import io.retrobridge.gate.GateDecider;
import io.retrobridge.gate.GateFacts;
import io.retrobridge.gate.ReleaseQuestion;
import io.retrobridge.gate.RetrospectiveFacts;
import io.retrobridge.gate.facts.LocalGateFacts;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.MappingLoader;
import io.retrobridge.mapping.gate.GatePolicy;
import io.retrobridge.store.JdbcEscalationStore;
import io.retrobridge.store.JdbcFollowUpStore;
import io.retrobridge.store.JdbcLinkStore;
import io.retrobridge.store.JdbcRetrospectiveFollowUps;
import io.retrobridge.store.JdbcRetrospectiveStore;
import io.retrobridge.store.SharedPostgres;
import io.retrobridge.testsupport.ConnectorProcess;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast the deployment gate answers with a large estate in the store. On H2 (the default store) and on
 * PostgreSQL, {@link GateSeed} writes its applications, retrospectives and open items into a migrated database;
 * then evaluations of applications drawn at random are timed one after another, warm-up left out:
 * <ul>
 *   <li><b>decision</b>: {@link LocalGateFacts} and {@link GateDecider} in this JVM over the seeded store (the
 *       stores on a Hikari pool, as the connector wires them); baseline: the same evaluations against an empty
 *       store of the same kind, taken by turns with them;</li>
 *   <li><b>http</b>: {@code POST /api/gates/prod/evaluate} on the connector started on that database (its own JVM,
 *       sync and scans off), which also records every answer and its audit line; baseline: the same request for
 *       applications the store has never seen, on the same connector, taken by turns.</li>
 * </ul>
 * On both databases the plans of the gate's reads for the application with the most items are printed, as
 * executed ({@link GatePlans}).
 */
final class GatePhase {

    static final String PIPELINE_KEY = "bench-pipeline-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Answers over this many characters are timed apart: they carry long lists of blocking items. */
    private static final int LARGE_ANSWER = 8_192;
    static final String SMALL_ANSWERS = "answersUpTo8KB";
    static final String LARGE_ANSWERS = "answersOver8KB";

    /** The seeded evaluations and their baseline, with what the seeded ones read and answered. */
    record Timed(Latencies.Summary seeded, Latencies.Summary baseline, Latencies.Summary seededCpu,
            Map<String, Integer> decisions, double itemsReadMean, int itemsReadMax, double answerBytesMean,
            int answerBytesMax, Map<String, Latencies.Summary> seededByAnswerSize) {

        double p99Ratio() {
            return seeded.p99Millis() / baseline.p99Millis();
        }

        double p50Ratio() {
            return seeded.p50Millis() / baseline.p50Millis();
        }

        Map<String, Object> asMap(String baselineIs) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("seeded", seeded.asMap());
            map.put("baseline", baseline.asMap());
            map.put("baselineIs", baselineIs);
            if (seededCpu != null) {
                // What the load of the machine does not change: CPU of the evaluating thread (H2 runs in it too).
                map.put("seededThreadCpu", seededCpu.asMap());
            }
            map.put("p50Ratio", BackfillPhase.round(p50Ratio()));
            map.put("p99Ratio", BackfillPhase.round(p99Ratio()));
            map.put("decisions", decisions);
            if (itemsReadMax >= 0) {
                map.put("itemsReadPerEvaluationMean", BackfillPhase.round(itemsReadMean));
                map.put("itemsReadPerEvaluationMax", itemsReadMax);
            }
            if (answerBytesMax >= 0) {
                map.put("answerBytesMean", Math.round(answerBytesMean));
                map.put("answerBytesMax", answerBytesMax);
            }
            Map<String, Object> bySize = new LinkedHashMap<>();
            new TreeMap<>(seededByAnswerSize).forEach((size, summary) -> bySize.put(size, summary.asMap()));
            if (!bySize.isEmpty()) {
                map.put("seededByAnswerSize", bySize);
            }
            return map;
        }
    }

    record Store(String database, GateSeed.Written seed, Timed decision, Timed http, String plans) {

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("seed", seed.asMap());
            map.put("decision", decision.asMap("the same evaluations against an empty store of the same kind"));
            map.put("http", http.asMap("the same request for applications the store has never seen, same connector"));
            if (plans != null) {
                map.put("plans", plans);
            }
            return map;
        }
    }

    record Result(int warmUp, int evaluations, List<Store> stores) {

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("warmUpEvaluations", warmUp);
            map.put("measuredEvaluations", evaluations);
            map.put("method", "evaluations one after another for applications drawn at random (uniform); warm-up"
                    + " left out; decision = LocalGateFacts + GateDecider in the bench JVM on a Hikari pool;"
                    + " http = POST /api/gates/prod/evaluate on the connector (own JVM, -Xmx512m, SerialGC), which"
                    + " also records each answer in gate_evaluations and the audit log; seeded and baseline"
                    + " evaluations taken by turns");
            for (Store store : stores) {
                map.put(store.database(), store.asMap());
            }
            return map;
        }
    }

    private GatePhase() {
    }

    static Result run(BenchSettings settings, Path work) throws Exception {
        GateSeed seed = new GateSeed(settings.gateApplications(), settings.gateItems(), 20261207L);
        Path mappingsDir = seed.writeMappings(ConnectorProcess.projectDir(), work.resolve("gate-mappings"));
        CurrentMappings mappings = new CurrentMappings(MappingLoader.forValidation().load(mappingsDir));
        List<Store> stores = new ArrayList<>();
        List<String> databases = List.of(settings.gateDatabases().split(","));
        if (!List.of("h2", "postgres").containsAll(databases)) {
            throw new IllegalArgumentException("-Dbench.gate-databases=" + settings.gateDatabases() + " names a store"
                    + " the gate phase does not run on; use h2, postgres or h2,postgres");
        }
        if (databases.contains("h2")) {
            stores.add(measure(settings, seed, mappings, mappingsDir, Database.h2(work)));
        }
        if (databases.contains("postgres")) {
            stores.add(measure(settings, seed, mappings, mappingsDir, Database.postgres(work)));
        }
        return new Result(settings.gateWarmUp(), settings.gateEvaluations(), stores);
    }

    private static Store measure(BenchSettings settings, GateSeed seed, CurrentMappings mappings, Path mappingsDir,
            Database database) throws Exception {
        String name = database.name();
        Progress.say("gate %s: seeding %,d applications with %,d open items", name, settings.gateApplications(),
                settings.gateItems());
        database.migrate(database.seeded());
        database.migrate(database.empty());
        GateSeed.Written written;
        try (Connection db = database.seedingConnection()) {
            written = seed.write(db, Instant.now(), name);
        }
        Progress.say("gate %s: seeded in %.1f s (%,d retrospectives, %,d overdue, %,d escalated)", name,
                written.seconds(), written.retrospectives(), written.overdue(), written.escalated());
        Timed decision;
        String plans;
        try (HikariDataSource seeded = database.pool(database.seeded());
             HikariDataSource empty = database.pool(database.empty())) {
            // Fresh statistics, as autovacuum (PostgreSQL) or H2's own analysis would have them on a grown store.
            JdbcClient.create(seeded).sql("ANALYZE").update();
            plans = GatePlans.explain(JdbcClient.create(seeded), database.postgres(), heaviest(seed));
            Progress.say("gate %s: plans of the gate's reads for %s (%,d items)%n%s", name, heaviest(seed),
                    written.mostItems(), plans);
            Progress.say("gate %s: decision path, %,d warm-up and %,d measured evaluations", name,
                    settings.gateWarmUp(), settings.gateEvaluations());
            decision = decisions(settings, seed, mappings, facts(seeded, mappings), facts(empty, mappings));
        }
        Progress.say("gate %s: decision p50 %.2f ms, p99 %.2f ms", name, decision.seeded().p50Millis(),
                decision.seeded().p99Millis());
        Timed http = http(settings, seed, mappingsDir, database);
        Progress.say("gate %s: http p50 %.2f ms, p99 %.2f ms", name, http.seeded().p50Millis(), http.seeded().p99Millis());
        return new Store(name, written, decision, http, plans);
    }

    private static String heaviest(GateSeed seed) {
        int most = 0;
        for (int a = 1; a < seed.applications(); a++) {
            if (seed.itemsOf(a) > seed.itemsOf(most)) {
                most = a;
            }
        }
        return GateSeed.application(most);
    }

    private static LocalGateFacts facts(HikariDataSource dataSource, CurrentMappings mappings) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return new LocalGateFacts(new JdbcRetrospectiveStore(jdbc), new JdbcRetrospectiveFollowUps(jdbc),
                new JdbcLinkStore(jdbc, new StaticListableBeanFactory().getBeanProvider(Clock.class)),
                new JdbcEscalationStore(jdbc), new JdbcFollowUpStore(jdbc), mappings);
    }

    private static Timed decisions(BenchSettings settings, GateSeed seed, CurrentMappings mappings,
            LocalGateFacts seeded, LocalGateFacts empty) {
        GatePolicy policy = mappings.gates().orElseThrow();
        GateDecider decider = new GateDecider();
        Random random = new Random(42);
        Latencies measured = new Latencies();
        Latencies baseline = new Latencies();
        Latencies cpu = new Latencies();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Integer> decisions = new TreeMap<>();
        long itemsRead = 0;
        int itemsReadMax = 0;
        int total = settings.gateWarmUp() + settings.gateEvaluations();
        for (int i = 0; i < total; i++) {
            String application = GateSeed.application(random.nextInt(seed.applications()));
            ReleaseQuestion question = new ReleaseQuestion("prod", application, "1.0.0", "production", null, null,
                    "bench");
            long cpuStarted = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            Instant now = Instant.now();
            GateFacts facts = seeded.factsFor(application, now);
            GateAnswer answer = decider.decide(policy, question, facts, now);
            long took = System.nanoTime() - started;
            long cpuTook = threads.getCurrentThreadCpuTime() - cpuStarted;
            started = System.nanoTime();
            now = Instant.now();
            decider.decide(policy, question, empty.factsFor(application, now), now);
            long baselineTook = System.nanoTime() - started;
            if (i >= settings.gateWarmUp()) {
                measured.add(took);
                baseline.add(baselineTook);
                cpu.add(cpuTook);
                decisions.merge(answer.decision().name(), 1, Integer::sum);
                int read = facts instanceof GateFacts.Gathered gathered ? gathered.retrospectives().stream()
                        .mapToInt(r -> r.followUps().size()).sum() : 0;
                itemsRead += read;
                itemsReadMax = Math.max(itemsReadMax, read);
            }
            if ((i + 1) % 1_000 == 0) {
                Progress.say("gate: %,d of %,d decision-path evaluations", i + 1, total);
            }
        }
        return new Timed(measured.summary(), baseline.summary(), cpu.summary(), decisions,
                (double) itemsRead / settings.gateEvaluations(), itemsReadMax, 0, -1, Map.of());
    }

    private static Timed http(BenchSettings settings, GateSeed seed, Path mappingsDir, Database database)
            throws Exception {
        Map<String, String> extra = new LinkedHashMap<>(database.connectorSettings());
        extra.put("retrobridge.mappings-dir", mappingsDir.toAbsolutePath().toString());
        extra.put("retrobridge.escalation.enabled", "false");
        extra.put("retrobridge.retention.enabled", "false");
        extra.put("retrobridge.security.api-keys[0].name", "bench-pipeline");
        extra.put("retrobridge.security.api-keys[0].key", PIPELINE_KEY);
        extra.put("retrobridge.security.api-keys[0].role", "pipeline");
        Progress.say("gate %s: starting the connector on the seeded store", database.name());
        try (BenchSystems systems = new BenchSystems(0, 0);
             ConnectorProcess connector = Connector.start(settings, systems, database.h2Dir(), false,
                     "gate-" + database.name(), extra)) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI evaluate = connector.baseUrl().resolve("/api/gates/prod/evaluate");
            Random random = new Random(43);
            Latencies measured = new Latencies();
            Latencies baseline = new Latencies();
            Map<String, Integer> decisions = new TreeMap<>();
            Latencies small = new Latencies();
            Latencies large = new Latencies();
            long answerBytes = 0;
            int answerBytesMax = 0;
            int total = settings.gateWarmUp() + settings.gateEvaluations();
            Progress.say("gate %s: http path, %,d warm-up and %,d measured requests", database.name(),
                    settings.gateWarmUp(), settings.gateEvaluations());
            for (int i = 0; i < total; i++) {
                int a = random.nextInt(seed.applications());
                long started = System.nanoTime();
                String answer = ask(client, evaluate, GateSeed.application(a));
                long took = System.nanoTime() - started;
                started = System.nanoTime();
                ask(client, evaluate, GateSeed.unknownApplication(a));
                long baselineTook = System.nanoTime() - started;
                if (i >= settings.gateWarmUp()) {
                    measured.add(took);
                    baseline.add(baselineTook);
                    decisions.merge(JSON.readTree(answer).path("decision").asText(), 1, Integer::sum);
                    (answer.length() > LARGE_ANSWER ? large : small).add(took);
                    answerBytes += answer.length();
                    answerBytesMax = Math.max(answerBytesMax, answer.length());
                }
                if ((i + 1) % 1_000 == 0) {
                    Progress.say("gate %s: %,d of %,d requests", database.name(), i + 1, total);
                }
            }
            return new Timed(measured.summary(), baseline.summary(), null, decisions, 0, -1,
                    (double) answerBytes / settings.gateEvaluations(), answerBytesMax,
                    Map.of(SMALL_ANSWERS, small.summary(), LARGE_ANSWERS, large.summary()));
        }
    }

    /** The answer's JSON text, read after the clock stops. */
    private static String ask(HttpClient client, URI evaluate, String application)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(evaluate).header("X-API-Key", PIPELINE_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"application\":\"" + application + "\",\"version\":\"1.0.0\",\"environment\":\"production\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the gate answered " + response.statusCode() + " for " + application
                    + ": " + response.body());
        }
        return response.body();
    }

    /** A seeded and an empty database of one kind, and how the bench and the connector reach them. */
    private record Database(String name, boolean postgres, String seeded, String empty, String user, Path h2Dir) {

        static Database h2(Path work) throws IOException {
            Path seeded = Files.createDirectories(work.resolve("gate-h2"));
            Path empty = Files.createDirectories(work.resolve("gate-h2-empty"));
            // The URL the connector builds for an H2 file under its database folder (ConnectorProcess.fileDatabase).
            return new Database("h2", false, ConnectorProcess.fileDatabase(seeded).get("spring.datasource.url"),
                    ConnectorProcess.fileDatabase(empty).get("spring.datasource.url"), "retrobridge", seeded);
        }

        static Database postgres(Path work) throws IOException {
            // The H2 folder the connector is given goes unused: the datasource URL points it at PostgreSQL.
            return new Database("postgres", true, SharedPostgres.newDatabase("gate_bench"),
                    SharedPostgres.newDatabase("gate_bench_empty"), "postgres",
                    Files.createDirectories(work.resolve("gate-postgres-unused")));
        }

        void migrate(String url) {
            Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").load().migrate();
        }

        Connection seedingConnection() throws java.sql.SQLException {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", "");
            if (postgres) {
                properties.setProperty("reWriteBatchedInserts", "true");
                return DriverManager.getConnection(seeded, properties);
            }
            // A cache that holds the whole estate while it is written (256 MB; H2's default is 16 MB), for this
            // connection only: the measured reads open the file with the connector's own settings.
            return DriverManager.getConnection(seeded + ";CACHE_SIZE=262144", properties);
        }

        /** A pool as the connector's (Hikari, Spring Boot's default size of 10). */
        HikariDataSource pool(String url) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword("");
            config.setMaximumPoolSize(10);
            config.setPoolName("gate-bench");
            return new HikariDataSource(config);
        }

        /** What points the connector at the seeded database, beyond the H2 folder {@link Connector} is given. */
        Map<String, String> connectorSettings() {
            return postgres ? Map.of("spring.datasource.url", seeded, "spring.datasource.username", user,
                    "spring.datasource.password", "") : Map.of();
        }
    }
}
