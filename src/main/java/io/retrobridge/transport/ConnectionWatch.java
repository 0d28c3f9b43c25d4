package io.retrobridge.transport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Keeps an eye on every remote system: says once at start-up whom we are connected as (or why not),
 * then logs one line only when a system goes DOWN, comes back UP, or fails for a different reason.
 * Called by the timer in {@code routes/connection-watch.yaml}.
 */
public class ConnectionWatch {

    private static final Logger log = LoggerFactory.getLogger(ConnectionWatch.class);

    private final List<ConnectionCheck> checks;
    private final Map<String, ConnectionStatus> lastSeen = new ConcurrentHashMap<>();

    public ConnectionWatch(List<ConnectionCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Re-checks every system; logs a line for each whose state changed since the last look. */
    public void recheck() {
        for (ConnectionCheck check : checks) {
            ConnectionStatus now = check.recheck();
            ConnectionStatus before = lastSeen.put(check.system(), now);
            if (before != null && !now.sameStateAs(before)) {
                logTransition(before, now);
            }
        }
    }

    /**
     * The first thing an admin wants after start-up. Runs beside start-up, so a slow or silent remote
     * system does not hold back readiness.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void reportOnStartup() {
        Thread reporter = new Thread(this::reportNow, "connection-report");
        reporter.setDaemon(true);
        reporter.start();
    }

    void reportNow() {
        for (ConnectionCheck check : checks) {
            ConnectionStatus now = check.recheck();
            lastSeen.put(check.system(), now);
            if (now.up()) {
                log.info("{}: connected as {} ({} ms)", now.title(), now.authenticatedAs(), now.latencyMs());
            } else {
                log.warn("{}: not connected: {}", now.title(), now.reason());
            }
        }
    }

    private static void logTransition(ConnectionStatus before, ConnectionStatus now) {
        if (now.up()) {
            log.info("{} is UP again (as {}, {} ms)", now.title(), now.authenticatedAs(), now.latencyMs());
        } else if (before.up()) {
            log.warn("{} is DOWN: {}", now.title(), now.reason());
        } else {
            log.warn("{} is still DOWN, now: {}", now.title(), now.reason());
        }
    }
}
