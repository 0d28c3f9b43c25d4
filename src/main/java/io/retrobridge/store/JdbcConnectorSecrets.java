package io.retrobridge.store;

import io.retrobridge.sync.ConnectorSecrets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The connector_secrets table: insert if absent, and whoever lost the race reads the winner's value. */
@Repository
public class JdbcConnectorSecrets implements ConnectorSecrets {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcConnectorSecrets(JdbcClient jdbc, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public String getOrCreate(String name, Supplier<String> generate) {
        Optional<String> stored = find(name);
        if (stored.isPresent()) {
            return stored.get();
        }
        String secret = generate.get();
        try {
            jdbc.sql("INSERT INTO connector_secrets (name, secret, created_at) VALUES (:name, :secret, :at)")
                    .param("name", name)
                    .param("secret", secret)
                    .param("at", SqlInstants.toColumn(clock.instant()))
                    .update();
            return secret;
        } catch (DuplicateKeyException madeElsewhere) {
            return find(name).orElseThrow(() -> new IllegalStateException("secret " + name + " vanished after a race"));
        }
    }

    private Optional<String> find(String name) {
        return jdbc.sql("SELECT secret FROM connector_secrets WHERE name = :name").param("name", name)
                .query(String.class).optional();
    }
}
