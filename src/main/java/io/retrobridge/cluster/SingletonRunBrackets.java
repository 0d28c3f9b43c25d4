package io.retrobridge.cluster;

import io.retrobridge.sync.Fence;
import io.retrobridge.sync.FencedOutException;
import io.retrobridge.sync.LeaderTerm;
import io.retrobridge.sync.SingletonRuns;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each round of a leader route in singleton_runs: a row when it starts, under this instance's term, and how
 * it ended (done, fenced, failed). A round whose term is no longer the latest does not run at all. One place for
 * every leader route, so the jobs themselves know nothing of it.
 */
class SingletonRunBrackets implements RoutePolicyFactory {

    static final String RUN_ID = "retrobridgeSingletonRun";
    private static final Logger log = LoggerFactory.getLogger(SingletonRunBrackets.class);

    private final Set<String> leaderRouteIds;
    private final LeaderTerm leadership;
    private final SingletonRuns runs;
    private final String instanceId;
    private final ClusterMetrics metrics;
    private final Clock clock;

    SingletonRunBrackets(Set<String> leaderRouteIds, LeaderTerm leadership, SingletonRuns runs, String instanceId,
            ClusterMetrics metrics, Clock clock) {
        this.leaderRouteIds = Set.copyOf(leaderRouteIds);
        this.leadership = leadership;
        this.runs = runs;
        this.instanceId = instanceId;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode route) {
        return leaderRouteIds.contains(routeId) ? new Bracket() : null;
    }

    private OptionalLong begin(String job) {
        Optional<Fence> fence = leadership.current();
        if (fence.isEmpty()) {
            return OptionalLong.empty();
        }
        return runs.begin(job, instanceId, fence.get(), clock.instant());
    }

    private void finish(String job, long runId, Exchange exchange) {
        SingletonRuns.Outcome outcome = outcomeOf(exchange.getException());
        metrics.runEnded(job, outcome);
        try {
            runs.finish(runId, outcome, clock.instant());
        } catch (RuntimeException e) {
            log.warn("End of round {} of {} ({}) not recorded: {}", runId, job, outcome, e.getMessage());
        }
    }

    static SingletonRuns.Outcome outcomeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FencedOutException) {
                return SingletonRuns.Outcome.FENCED;
            }
        }
        return failure == null ? SingletonRuns.Outcome.DONE : SingletonRuns.Outcome.FAILED;
    }

    private final class Bracket extends RoutePolicySupport {

        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            OptionalLong run;
            try {
                run = begin(route.getId());
            } catch (RuntimeException e) {
                // Not fencing: the database did not answer. Counted as failed, so alerts on fenced rounds stay true.
                log.warn("Round of {} not run: its start could not be recorded: {}", route.getId(), e.getMessage());
                metrics.runEnded(route.getId(), SingletonRuns.Outcome.FAILED);
                exchange.setRouteStop(true);
                return;
            }
            if (run.isEmpty()) {
                log.info("Round of {} not run: this instance does not hold the latest leadership term", route.getId());
                metrics.runEnded(route.getId(), SingletonRuns.Outcome.FENCED);
                exchange.setRouteStop(true);
                return;
            }
            exchange.setProperty(RUN_ID, run.getAsLong());
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            Long runId = exchange.getProperty(RUN_ID, Long.class);
            if (runId != null) {
                finish(route.getId(), runId, exchange);
            }
        }
    }
}
