package io.retrobridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.sync.Fence;
import io.retrobridge.sync.LeaderTerms;
import io.retrobridge.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** The cluster component turns DEGRADED when nobody has led for twice lock-ttl, or the lock table is out of reach. */
class ClusterHealthIndicatorTest {

    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final StoredTerms terms = new StoredTerms();
    private final ClusterProperties settings = ClusterProperties.defaults();
    private final DriverManagerDataSource unused = new DriverManagerDataSource("jdbc:h2:mem:never-opened");
    // Never started: the indicator reads only what it was told and what the store says.
    private final JdbcLeaderElection election = new JdbcLeaderElection(unused, new JdbcTransactionManager(unused), terms,
            settings, "node-a", clock);
    private final ClusterHealthIndicator health = new ClusterHealthIndicator(election, terms, settings,
            new DefaultCamelContext(), clock);

    @Test
    void anotherInstanceHoldingTheLockIsUp() {
        terms.latest = Optional.of(new LeaderTerms.Holder("retrobridge", 3, "node-b", START.minusSeconds(60)));
        terms.renewed = Optional.of(START.minusMillis(400));

        Health answer = health.health();

        assertThat(answer.getStatus()).isEqualTo(Status.UP);
        assertThat(answer.getDetails()).containsEntry("leader", "node-b").containsEntry("thisInstanceLeads", false)
                .containsEntry("term", 3L).containsEntry("since", START.minusSeconds(60).toString());
    }

    @Test
    void aLockExpiredForLessThanTwiceItsTtlIsAHandOverStillUp() {
        terms.latest = Optional.of(new LeaderTerms.Holder("retrobridge", 3, "node-b", START.minusSeconds(60)));
        terms.renewed = Optional.of(START.minus(settings.lockTtl()).minusSeconds(5));

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("leader", "none");
    }

    @Test
    void nobodyLeadingForLongerThanTwiceTheTtlIsDegraded() {
        terms.latest = Optional.of(new LeaderTerms.Holder("retrobridge", 3, "node-b", START.minusSeconds(600)));
        terms.renewed = Optional.of(START.minus(settings.lockTtl().multipliedBy(3)).minusSeconds(1));

        Health answer = health.health();

        assertThat(answer.getStatus()).isEqualTo(ClusterHealthIndicator.DEGRADED);
        assertThat(answer.getDetails()).containsEntry("leader", "none");
        assertThat((String) answer.getDetails().get("coordination")).contains("run nowhere");
    }

    @Test
    void noLockEverTakenCountsFromStartUp() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        clock.advance(settings.lockTtl().multipliedBy(2).plus(Duration.ofSeconds(1)));

        assertThat(health.health().getStatus()).isEqualTo(ClusterHealthIndicator.DEGRADED);
    }

    @Test
    void aLockTableOutOfReachIsDegraded() {
        terms.unreachable = true;

        Health answer = health.health();

        assertThat(answer.getStatus()).isEqualTo(ClusterHealthIndicator.DEGRADED);
        assertThat((String) answer.getDetails().get("coordination")).startsWith("the lock table cannot be read");
    }

    /** Leader terms as a test sets them. */
    private static final class StoredTerms implements LeaderTerms {

        Optional<Holder> latest = Optional.empty();
        Optional<Instant> renewed = Optional.empty();
        boolean unreachable;

        @Override
        public Fence grant(String namespace, String holder, Instant at) {
            throw new UnsupportedOperationException("not elected in this test");
        }

        @Override
        public Optional<Holder> latest(String namespace) {
            if (unreachable) {
                throw new IllegalStateException("connection refused");
            }
            return latest;
        }

        @Override
        public Optional<Instant> lockRenewedAt(String namespace) {
            return renewed;
        }
    }
}
