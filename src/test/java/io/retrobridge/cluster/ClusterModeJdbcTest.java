package io.retrobridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.retrobridge.store.JdbcLeaderTerms;
import io.retrobridge.store.SharedPostgres;
import io.retrobridge.sync.LeaderTerm;
import io.retrobridge.testsupport.SandboxPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The connector in retrobridge.cluster.mode=jdbc on a shared PostgreSQL, beside a second instance (an election of its
 * own in this JVM, node-b) that leads first: this instance (node-a) runs its every-instance routes at once and its
 * leader routes only once it is elected, records each poll round under its term, stops them when it stops leading,
 * and says so in its health component and metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Closed after this class, while its PostgreSQL is still up (its inbox worker runs), not when the JVM exits.
@DirtiesContext
class ClusterModeJdbcTest {

    /** Timer routes that run on every instance: each works its own share, or looks after the instance itself. */
    static final Set<String> EVERY_INSTANCE = Set.of("inbox-worker", "connection-watch", "mappings-reload");

    private static final Duration TTL = Duration.ofSeconds(2);
    private static final String URL = SharedPostgres.newDatabase("cluster");
    private static final JdbcLeaderElection NODE_B = otherInstanceLeadingFirst();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        SandboxPair.shared().register(registry);
        registry.add("spring.datasource.url", () -> URL);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("retrobridge.cluster.mode", () -> "jdbc");
        registry.add("retrobridge.cluster.instance-id", () -> "node-a");
        registry.add("retrobridge.cluster.lock-ttl", () -> TTL.toMillis() + "ms");
        registry.add("retrobridge.cluster.heartbeat", () -> "200ms");
        registry.add("retrobridge.sync.enabled", () -> "true");
        registry.add("retrobridge.sync.first-poll-delay", () -> "0s");
        registry.add("retrobridge.sync.poll-interval", () -> "1s");
    }

    private static JdbcLeaderElection otherInstanceLeadingFirst() {
        Flyway.configure().dataSource(URL, "postgres", "").locations("classpath:db/migration").load().migrate();
        DriverManagerDataSource database = new DriverManagerDataSource(URL, "postgres", "");
        ClusterProperties settings = new ClusterProperties(ClusterMode.JDBC, null, "retrobridge",
                ClusterProperties.defaults().leaderRoutes(), TTL, Duration.ofMillis(200));
        JdbcLeaderElection nodeB = new JdbcLeaderElection(database, new JdbcTransactionManager(database),
                new JdbcLeaderTerms(JdbcClient.create(database)), settings, "node-b", Clock.systemUTC());
        nodeB.start();
        // In this thread: the class is still being initialised, and a lambda of it cannot run elsewhere yet.
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).until(() -> nodeB.current().isPresent());
        return nodeB;
    }

    @AfterAll
    static void stopNodeB() {
        NODE_B.stop();
    }

    @Autowired
    CamelContext camel;

    @Autowired
    JdbcLeaderElection election;

    @Autowired
    LeaderTerm leaderTerm;

    @Autowired
    ClusterHealthIndicator health;

    @Autowired
    ClusterProperties settings;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @SuppressWarnings("unchecked")
    private static Map<String, String> routeStates(Health health) {
        return (Map<String, String>) health.getDetails().get("leaderRoutes");
    }

    private ServiceStatus status(String routeId) {
        return camel.getRouteController().getRouteStatus(routeId);
    }

    @Test
    void leaderRoutesRunOnlyWhileThisInstanceLeads() {
        // node-b leads: here only the every-instance routes run.
        assertThat(leaderTerm).isSameAs(election);
        assertThat(election.current()).isEmpty();
        assertThat(status("inbox-worker")).isEqualTo(ServiceStatus.Started);
        assertThat(status("jira-poll")).isEqualTo(ServiceStatus.Stopped);
        assertThat(status("servicenow-poll")).isEqualTo(ServiceStatus.Stopped);
        Health following = health.health();
        assertThat(following.getStatus()).isEqualTo(Status.UP);
        assertThat(following.getDetails()).containsEntry("mode", "jdbc").containsEntry("instanceId", "node-a")
                .containsEntry("leader", "node-b").containsEntry("thisInstanceLeads", false).containsEntry("term", 1L);
        assertThat(routeStates(following)).containsEntry("jira-poll", "stopped");
        assertThat(meters.get("retrobridge.cluster.leader").tag("namespace", "retrobridge").gauge().value()).isZero();

        // node-b goes away: this instance is elected and its polls run, each round recorded under its term.
        NODE_B.stop();
        await().atMost(TTL.plusSeconds(5)).until(() -> election.current().isPresent());
        assertThat(election.current().orElseThrow().term()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> status("jira-poll") == ServiceStatus.Started
                && status("servicenow-poll") == ServiceStatus.Started);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM singleton_runs WHERE job = 'jira-poll' AND instance_id = 'node-a' AND term = 2"
                        + " AND outcome = 'done'").query(Long.class).single() > 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM watermarks WHERE poller = 'jira-action-items'").query(Long.class)
                .single()).as("the fenced watermark save of the leader went through").isEqualTo(1);
        assertThat(status("escalation-scan")).as("switched off by its own setting, so not started by leading")
                .isEqualTo(ServiceStatus.Stopped);
        Health leading = health.health();
        assertThat(leading.getDetails()).containsEntry("leader", "node-a").containsEntry("thisInstanceLeads", true)
                .containsEntry("term", 2L);
        assertThat(routeStates(leading)).containsEntry("jira-poll", "running");
        assertThat(meters.get("retrobridge.cluster.leader").tag("namespace", "retrobridge").gauge().value()).isEqualTo(1);
        assertThat(meters.get("retrobridge.cluster.term").gauge().value()).isEqualTo(2);
        assertThat(meters.get("retrobridge.cluster.leadership.changes").counter().count()).isEqualTo(1);

        // This instance steps down: its leader routes stop; nobody leads, which health shows after twice lock-ttl.
        election.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> status("jira-poll") == ServiceStatus.Stopped
                && status("servicenow-poll") == ServiceStatus.Stopped);
        assertThat(status("inbox-worker")).isEqualTo(ServiceStatus.Started);
        assertThat(meters.get("retrobridge.cluster.leadership.changes").counter().count()).isEqualTo(2);
        await().atMost(TTL.multipliedBy(2).plusSeconds(5)).until(() -> health.health().getStatus().getCode()
                .equals("DEGRADED"));
        assertThat(health.health().getDetails()).containsEntry("leader", "none").containsKey("coordination");
    }

    @Test
    void everyTimerRouteIsEitherALeaderRouteOrNamedAsRunningOnEveryInstance() {
        Set<String> unclassified = new TreeSet<>();
        Set<String> loaded = new TreeSet<>();
        for (Route route : camel.getRoutes()) {
            loaded.add(route.getRouteId());
            boolean timer = route.getEndpoint().getEndpointUri().startsWith("timer:");
            if (timer && !settings.leaderRouteIds().contains(route.getRouteId())
                    && !EVERY_INSTANCE.contains(route.getRouteId())) {
                unclassified.add(route.getRouteId());
            }
        }

        assertThat(unclassified).as("timer routes neither in retrobridge.cluster.leader-routes nor in EVERY_INSTANCE:"
                + " decide whether two instances may run them at once").isEmpty();
        assertThat(loaded).containsAll(EVERY_INSTANCE).contains("jira-poll", "escalation-scan");
        // backfill-runner is listed ahead of its route; any other listed id must name a loaded route.
        Set<String> unknown = new TreeSet<>(settings.leaderRouteIds());
        unknown.removeAll(loaded);
        unknown.remove("backfill-runner");
        assertThat(unknown).as("leader-routes naming no route").isEmpty();
    }
}
