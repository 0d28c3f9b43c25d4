package io.retrobridge.servicenow;

import io.retrobridge.transport.ConnectionCheck;
import io.retrobridge.transport.ConnectionHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The {@code servicenow} health component: UP only when the instance answers and accepts our credentials. */
public class ServiceNowHealthIndicator implements HealthIndicator {

    private final ConnectionCheck check;

    ServiceNowHealthIndicator(ConnectionCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        return ConnectionHealth.of(check.status());
    }
}
