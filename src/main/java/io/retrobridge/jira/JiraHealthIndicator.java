package io.retrobridge.jira;

import io.retrobridge.transport.ConnectionCheck;
import io.retrobridge.transport.ConnectionHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The {@code jira} health component: UP only when Jira answers and accepts our credentials. */
public class JiraHealthIndicator implements HealthIndicator {

    private final ConnectionCheck check;

    JiraHealthIndicator(ConnectionCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        return ConnectionHealth.of(check.status());
    }
}
