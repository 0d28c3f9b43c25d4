package io.retrobridge.flow.inbox;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Sizes the connection pool for the inbox workers: each holds its event's transaction open while it syncs, and
 * announces every remote write in a second, short transaction of its own (so the announcement survives a crash).
 * A pool smaller than two connections per worker could leave every worker waiting for a second connection that
 * none will give back; it is raised to that minimum, and the log says so.
 */
@Component
class ConnectionPoolSizing implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(ConnectionPoolSizing.class);
    /** Besides the workers: the pollers, webhooks, the escalation scan and the admin API. */
    private static final int OTHERS = 4;

    /** Asked for only when the pool is built: a post-processor that made it early would leave it unprocessed. */
    private final ObjectProvider<InboxProperties> inbox;

    ConnectionPoolSizing(ObjectProvider<InboxProperties> inbox) {
        this.inbox = inbox;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            int workers = inbox.getObject().workers();
            int needed = 2 * Math.max(1, workers) + OTHERS;
            if (pool.getMaximumPoolSize() < needed) {
                log.info("Raising the database connection pool from {} to {} connections: each of the {} inbox "
                        + "worker(s) needs two (spring.datasource.hikari.maximum-pool-size)", pool.getMaximumPoolSize(),
                        needed, workers);
                pool.setMaximumPoolSize(needed);
            }
        }
        return bean;
    }
}
