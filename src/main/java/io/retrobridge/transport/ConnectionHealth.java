package io.retrobridge.transport;

import org.springframework.boot.actuate.health.Health;

/** Turns a connection check result into the health details an operator reads: never a credential. */
public final class ConnectionHealth {

    private ConnectionHealth() {
    }

    public static Health of(ConnectionStatus status) {
        Health.Builder health = status.up() ? Health.up() : Health.down();
        health.withDetail("url", status.url().toString());
        if (status.up()) {
            health.withDetail("authenticatedAs", status.authenticatedAs());
        } else {
            health.withDetail("reason", status.reason());
        }
        return health.withDetail("latencyMs", status.latencyMs())
                .withDetail("checkedAt", status.checkedAt().toString())
                .build();
    }
}
