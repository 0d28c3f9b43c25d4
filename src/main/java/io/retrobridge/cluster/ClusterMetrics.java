package io.retrobridge.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.retrobridge.sync.Fence;
import io.retrobridge.sync.LeaderTerm;
import io.retrobridge.sync.SingletonRuns;
import java.util.Locale;

/**
 * The election as metrics: retrobridge.cluster.leader (1 on the instance that leads, 0 elsewhere), its term, how
 * often leadership changed here, and the leader routes' rounds by outcome.
 */
class ClusterMetrics implements LeadershipListener {

    private final MeterRegistry registry;
    private final Counter changes;

    ClusterMetrics(MeterRegistry registry, String namespace, LeaderTerm leadership) {
        this.registry = registry;
        Gauge.builder("retrobridge.cluster.leader", leadership, term -> term.current().isPresent() ? 1 : 0)
                .description("1 while this instance leads the namespace and runs its leader routes, else 0")
                .tag("namespace", namespace).register(registry);
        Gauge.builder("retrobridge.cluster.term", leadership,
                        term -> term.current().map(Fence::term).orElse(0L).doubleValue())
                .description("The leadership term this instance leads under; 0 while it does not lead")
                .tag("namespace", namespace).register(registry);
        changes = Counter.builder("retrobridge.cluster.leadership.changes")
                .description("Times this instance was elected or stopped leading")
                .tag("namespace", namespace).register(registry);
    }

    @Override
    public void granted(Fence fence) {
        changes.increment();
    }

    @Override
    public void revoked() {
        changes.increment();
    }

    void runEnded(String job, SingletonRuns.Outcome outcome) {
        Counter.builder("retrobridge.singleton.runs")
                .description("Rounds of leader routes on this instance, by how they ended")
                .tag("job", job).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }
}
