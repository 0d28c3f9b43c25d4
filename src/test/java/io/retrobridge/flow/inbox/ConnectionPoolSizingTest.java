package io.retrobridge.flow.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Each inbox worker may hold two connections (its event's transaction and an announcement): the pool fits them. */
class ConnectionPoolSizingTest {

    @Test
    void aPoolTooSmallForTheWorkersIsRaisedToTwoConnectionsEachPlusTheRest() {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setMaximumPoolSize(10);

            sizing(16).postProcessBeforeInitialization(pool, "dataSource");

            assertThat(pool.getMaximumPoolSize()).isEqualTo(36);
        }
    }

    @Test
    void aPoolLargeEnoughIsLeftAsConfigured() {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setMaximumPoolSize(10);

            sizing(1).postProcessBeforeInitialization(pool, "dataSource");

            assertThat(pool.getMaximumPoolSize()).isEqualTo(10);
        }
    }

    private static ConnectionPoolSizing sizing(int workers) {
        InboxProperties inbox = InboxProperties.of(workers, Duration.ofMinutes(5));
        return new ConnectionPoolSizing(new StaticListableBeanFactory(Map.of("inbox", inbox))
                .getBeanProvider(InboxProperties.class));
    }
}
