package io.retrobridge.monitoring.prometheus;

import io.retrobridge.transport.ConnectionCheck;
import io.retrobridge.transport.ConnectionHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The {@code prometheus} health component: UP only when Prometheus answers its API and accepts our credentials. */
public class PrometheusHealthIndicator implements HealthIndicator {

    private final ConnectionCheck check;

    PrometheusHealthIndicator(ConnectionCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        return ConnectionHealth.of(check.status());
    }
}
