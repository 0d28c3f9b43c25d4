package io.retrobridge.cluster;

import static io.retrobridge.testsupport.Leaderships.believing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.retrobridge.domain.Watermark;
import io.retrobridge.store.JdbcLeaderTerms;
import io.retrobridge.store.JdbcWatermarkStore;
import io.retrobridge.store.SharedPostgres;
import io.retrobridge.sync.Fence;
import io.retrobridge.sync.FencedOutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Three instances elect over one PostgreSQL: exactly one leads; when the leader stops renewing its lock (its
 * connection to the database cut, as if it were killed or paused) another takes over within lock-ttl plus a
 * heartbeat, under a higher term; and what the former leader still tries to save under its old term is refused.
 */
class JdbcLeaderElectionTest {

    private static final Duration TTL = Duration.ofSeconds(2);
    private static final Duration HEARTBEAT = Duration.ofMillis(200);

    private String url;
    private final List<Node> nodes = new ArrayList<>();

    @BeforeEach
    void threeInstancesOnOneDatabase() {
        url = SharedPostgres.newDatabase("election");
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();
        ClusterProperties settings = new ClusterProperties(ClusterMode.JDBC, null, "retrobridge",
                ClusterProperties.defaults().leaderRoutes(), TTL, HEARTBEAT);
        for (String name : List.of("node-1", "node-2", "node-3")) {
            nodes.add(new Node(name, settings));
        }
        nodes.forEach(node -> node.election.start());
    }

    @AfterEach
    void stopAll() {
        nodes.forEach(node -> {
            node.database.cut = false;
            node.election.stop();
        });
    }

    private List<Node> leaders() {
        return nodes.stream().filter(node -> node.election.current().isPresent()).toList();
    }

    @Test
    void exactlyOneInstanceLeads() {
        await().atMost(Duration.ofSeconds(10)).until(() -> leaders().size() == 1);
        Instant watchUntil = Instant.now().plus(TTL.multipliedBy(2));
        while (Instant.now().isBefore(watchUntil)) {
            assertThat(leaders()).hasSize(1);
        }

        Node leader = leaders().get(0);
        assertThat(leader.election.current()).contains(new Fence("retrobridge", 1));
        assertThat(new JdbcLeaderTerms(JdbcClient.create(nodes.get(0).database)).latest("retrobridge").orElseThrow().holder())
                .isEqualTo(leader.name);
    }

    @Test
    void whenTheLeaderStopsRenewingAnotherLeadsWithinLockTtlAndAHeartbeatAndTheFormerLeadersWritesAreRefused() {
        await().atMost(Duration.ofSeconds(10)).until(() -> leaders().size() == 1);
        Node former = leaders().get(0);
        Fence formerFence = former.election.current().orElseThrow();
        JdbcClient shared = JdbcClient.create(nodes.stream().filter(node -> node != former).findFirst().orElseThrow().database);

        Instant cut = Instant.now();
        former.database.cut = true;
        await().atMost(TTL.plus(HEARTBEAT).plus(Duration.ofSeconds(3)))
                .until(() -> leaders().stream().anyMatch(node -> node != former));
        Duration handOver = Duration.between(cut, Instant.now());
        System.out.println("handover-ms=" + handOver.toMillis() + " (lock-ttl " + TTL.toMillis() + " ms, heartbeat "
                + HEARTBEAT.toMillis() + " ms)");

        Node successor = leaders().stream().filter(node -> node != former).findFirst().orElseThrow();
        Fence successorFence = successor.election.current().orElseThrow();
        assertThat(successorFence.term()).isEqualTo(formerFence.term() + 1);
        assertThat(former.election.current()).as("the cut-off leader stepped down by itself").isEmpty();

        // The former leader, back from its pause, still holding the term it had: its round's end is refused.
        former.database.cut = false;
        JdbcWatermarkStore formerWatermarks = new JdbcWatermarkStore(shared, believing(formerFence), Clock.systemUTC());
        JdbcWatermarkStore successorWatermarks = new JdbcWatermarkStore(shared, successor.election, Clock.systemUTC());
        Watermark successors = new Watermark("jira-action-items", Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MICROS), Set.of("10002"));
        successorWatermarks.save(successors);
        assertThatThrownBy(() -> formerWatermarks.save(
                new Watermark("jira-action-items", Instant.now().minusSeconds(30), Set.of("10001"))))
                .isInstanceOf(FencedOutException.class);
        assertThatThrownBy(() -> new JdbcWatermarkStore(shared, former.election, Clock.systemUTC()).save(
                new Watermark("jira-action-items", Instant.now().minusSeconds(30), Set.of("10001"))))
                .isInstanceOf(FencedOutException.class);
        assertThat(successorWatermarks.find("jira-action-items")).contains(successors);

        // Back on the network, it joins as a follower: the successor keeps leading.
        await().during(TTL).atMost(TTL.multipliedBy(3)).until(() -> leaders().equals(List.of(successor)));
    }

    @Test
    void aLeaderThatStopsHandsOverAtOnce() {
        await().atMost(Duration.ofSeconds(10)).until(() -> leaders().size() == 1);
        Node former = leaders().get(0);

        former.election.stop();

        // Released, not expired: well within the lock-ttl a crashed leader would cost.
        await().atMost(TTL.minus(HEARTBEAT)).until(() -> leaders().stream().anyMatch(node -> node != former));
    }

    /** One instance: its own connections to the database, which the test can cut. */
    private final class Node {

        final String name;
        final CuttableDataSource database;
        final JdbcLeaderElection election;

        Node(String name, ClusterProperties settings) {
            this.name = name;
            this.database = new CuttableDataSource(new DriverManagerDataSource(url, "postgres", ""));
            this.election = new JdbcLeaderElection(database, new JdbcTransactionManager(database),
                    new JdbcLeaderTerms(JdbcClient.create(database)), settings, name, Clock.systemUTC());
        }
    }

    /** A database connection that fails while cut, as it would for a killed, paused or cut-off instance. */
    private static final class CuttableDataSource extends DelegatingDataSource {

        volatile boolean cut;

        CuttableDataSource(javax.sql.DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (cut) {
                throw new SQLException("connection refused (cut by the test)");
            }
            return super.getConnection();
        }
    }

}
