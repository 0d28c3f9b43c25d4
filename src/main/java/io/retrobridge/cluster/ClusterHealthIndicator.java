package io.retrobridge.cluster;

import io.retrobridge.sync.Fence;
import io.retrobridge.sync.LeaderTerms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code cluster} health component: which instance leads, under which term and since when, whether this one
 * does, and the state of its leader routes. DEGRADED (still answered with 200, see application.yaml) when no
 * instance has held the leader's lock for longer than twice lock-ttl, or the lock table cannot be read: the polls
 * and scans then run nowhere, while webhooks, the API and the inbox go on.
 */
class ClusterHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "several instances, but none runs the leader routes");

    private final JdbcLeaderElection election;
    private final LeaderTerms terms;
    private final ClusterProperties settings;
    private final CamelContext camel;
    private final Clock clock;
    private final Instant started;

    ClusterHealthIndicator(JdbcLeaderElection election, LeaderTerms terms, ClusterProperties settings,
            CamelContext camel, Clock clock) {
        this.election = election;
        this.terms = terms;
        this.settings = settings;
        this.camel = camel;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public Health health() {
        Optional<Fence> mine = election.current();
        Health.Builder health = Health.up()
                .withDetail("mode", "jdbc")
                .withDetail("instanceId", election.instanceId())
                .withDetail("namespace", election.namespace());
        try {
            Optional<LeaderTerms.Holder> latest = terms.latest(election.namespace());
            Optional<Instant> renewed = terms.lockRenewedAt(election.namespace());
            Instant now = clock.instant();
            boolean lockHeld = renewed.filter(at -> !at.plus(settings.lockTtl()).isBefore(now)).isPresent();
            health.withDetail("leader", lockHeld ? latest.map(LeaderTerms.Holder::holder).orElse("unknown") : "none")
                    .withDetail("thisInstanceLeads", mine.isPresent())
                    .withDetail("term", mine.map(Fence::term).or(() -> latest.map(LeaderTerms.Holder::term))
                            .orElse(0L));
            latest.ifPresent(holder -> health.withDetail("since", holder.grantedAt().toString()));
            health.withDetail("leaderRoutes", routeStates());
            if (!lockHeld) {
                Instant leaderlessSince = renewed.map(at -> at.plus(settings.lockTtl())).orElse(started);
                Duration leaderless = Duration.between(leaderlessSince, now);
                if (leaderless.compareTo(settings.lockTtl().multipliedBy(2)) > 0) {
                    health.status(DEGRADED).withDetail("coordination",
                            "no instance has led since " + leaderlessSince + "; the leader routes run nowhere");
                }
            }
        } catch (RuntimeException unreachable) {
            health.status(DEGRADED).withDetail("thisInstanceLeads", mine.isPresent())
                    .withDetail("coordination", "the lock table cannot be read: " + unreachable.getClass().getSimpleName());
        }
        return health.build();
    }

    private Map<String, String> routeStates() {
        Map<String, String> states = new LinkedHashMap<>();
        for (String routeId : settings.leaderRouteIds()) {
            if (camel.getRoute(routeId) != null) {
                ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
                states.put(routeId, status == ServiceStatus.Started ? "running" : "stopped");
            }
        }
        return states;
    }
}
