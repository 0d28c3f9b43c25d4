package io.retrobridge.cluster;

import io.retrobridge.sync.Fence;
import io.retrobridge.sync.LeadershipLoss;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Runs the leader routes ({@code retrobridge.cluster.leader-routes}) on the elected instance only: each such route
 * gets a policy that keeps it from starting with the CamelContext, and the routes are started when this instance is
 * elected and stopped when it is not any more. A route switched off by its own setting ({@code autoStartup} false,
 * e.g. retrobridge.sync.enabled=false) stays off. Routes added later (a reloaded file) get the policy too.
 *
 * <p>Starting and stopping happen on a thread of their own, in the order of the election's news: stopping waits for
 * a round in flight, and the election must go on renewing its lock meanwhile.
 */
class LeaderOnlyRoutes implements RoutePolicyFactory, LeadershipListener, CamelContextConfiguration, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LeaderOnlyRoutes.class);

    private final Set<String> leaderRouteIds;
    private final List<LeadershipLoss> memories;
    /** Each leader route's own autoStartup, by route id. */
    private final Map<String, Boolean> ownAutoStartup = new ConcurrentHashMap<>();
    private final ExecutorService changes = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "retrobridge-leader-routes");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean leading;
    private volatile CamelContext camel;
    private volatile boolean camelStarted;

    LeaderOnlyRoutes(Set<String> leaderRouteIds, List<LeadershipLoss> memories) {
        this.leaderRouteIds = Set.copyOf(leaderRouteIds);
        this.memories = List.copyOf(memories);
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode route) {
        return leaderRouteIds.contains(routeId) ? new LeaderOnly() : null;
    }

    /** Whether the route is a leader route this instance would run while it leads. */
    boolean isManaged(String routeId) {
        return ownAutoStartup.containsKey(routeId);
    }

    @Override
    public void granted(Fence fence) {
        leading = true;
        changes.execute(this::startAll);
    }

    @Override
    public void revoked() {
        leading = false;
        changes.execute(this::stopAll);
    }

    @Override
    public void beforeApplicationStart(CamelContext context) {
        camel = context;
    }

    /** Elected before the CamelContext was up: the routes start now. */
    @Override
    public void afterApplicationStart(CamelContext context) {
        camel = context;
        camelStarted = true;
        changes.execute(this::startAll);
    }

    private void startAll() {
        CamelContext context = camel;
        if (!leading || !camelStarted || context == null) {
            return;
        }
        ownAutoStartup.forEach((routeId, autoStartup) -> {
            if (autoStartup && leading && context.getRouteController().getRouteStatus(routeId) != ServiceStatus.Started) {
                try {
                    context.getRouteController().startRoute(routeId);
                } catch (Exception e) {
                    log.warn("Leader route {} did not start: {}", routeId, e.toString());
                }
            }
        });
    }

    private void stopAll() {
        CamelContext context = camel;
        if (leading || context == null) {
            return;
        }
        // Shutting down anyway: Camel stops every route itself.
        boolean shuttingDown = context.isStopping() || context.isStopped();
        for (String routeId : shuttingDown ? Set.<String>of() : ownAutoStartup.keySet()) {
            ServiceStatus status = context.getRouteController().getRouteStatus(routeId);
            if (status != null && status.isStoppable()) {
                try {
                    context.getRouteController().stopRoute(routeId);
                } catch (Exception e) {
                    log.warn("Leader route {} did not stop: {}", routeId, e.toString());
                }
            }
        }
        // After the routes: a refresh in flight has finished and cannot show its figures again.
        memories.forEach(memory -> {
            try {
                memory.leadershipLost();
            } catch (RuntimeException e) {
                log.warn("{} kept what it showed while leading: {}", memory.getClass().getSimpleName(), e.toString());
            }
        });
    }

    @Override
    public void destroy() {
        changes.shutdownNow();
    }

    /** Keeps one leader route from starting with the context unless this instance leads already. */
    private final class LeaderOnly extends RoutePolicySupport {

        @Override
        public void onInit(Route route) {
            super.onInit(route);
            camel = route.getCamelContext();
            boolean own = !Boolean.FALSE.equals(route.isAutoStartup());
            ownAutoStartup.put(route.getId(), own);
            route.setAutoStartup(own && leading && camelStarted);
        }

        @Override
        public void onRemove(Route route) {
            ownAutoStartup.remove(route.getId());
        }
    }
}
