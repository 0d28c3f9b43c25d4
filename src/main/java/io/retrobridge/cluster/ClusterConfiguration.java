package io.retrobridge.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import io.retrobridge.sync.LeaderTerm;
import io.retrobridge.sync.LeaderTerms;
import io.retrobridge.sync.LeadershipLoss;
import io.retrobridge.sync.SingletonRuns;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires {@code retrobridge.cluster.mode}. none (the default): nothing is elected, nothing is fenced, no route is
 * touched and nothing here reads the database. jdbc: the election, the leader routes' policy, the runs' brackets,
 * the health component and the metrics.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterConfiguration {

    private static final String MODE = "retrobridge.cluster.mode";

    /** One instance: every write goes through as it always did. */
    @Bean
    @ConditionalOnProperty(name = MODE, havingValue = "none", matchIfMissing = true)
    LeaderTerm singleInstance() {
        return LeaderTerm.NOT_FENCED;
    }

    /** Beans of the jdbc mode. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = MODE, havingValue = "jdbc")
    static class Jdbc {

        @Bean
        JdbcLeaderElection jdbcLeaderElection(DataSource dataSource, PlatformTransactionManager transactions,
                LeaderTerms terms, ClusterProperties settings, Environment environment, ObjectProvider<Clock> clock) {
            requireSharedDatabase(dataSource);
            String instanceId = InstanceId.resolve(settings, System::getenv, environment.getProperty("server.port"));
            return new JdbcLeaderElection(dataSource, transactions, terms, settings, instanceId,
                    clock.getIfAvailable(Clock::systemUTC));
        }

        @Bean
        LeaderOnlyRoutes leaderOnlyRoutes(JdbcLeaderElection election, ClusterProperties settings,
                ObjectProvider<LeadershipLoss> memories) {
            LeaderOnlyRoutes routes = new LeaderOnlyRoutes(settings.leaderRouteIds(), memories.orderedStream().toList());
            election.addListener(routes);
            return routes;
        }

        @Bean
        ClusterMetrics clusterMetrics(JdbcLeaderElection election, MeterRegistry registry) {
            ClusterMetrics metrics = new ClusterMetrics(registry, election.namespace(), election);
            election.addListener(metrics);
            return metrics;
        }

        @Bean
        SingletonRunBrackets singletonRunBrackets(JdbcLeaderElection election, ClusterProperties settings,
                SingletonRuns runs, ClusterMetrics metrics, ObjectProvider<Clock> clock) {
            return new SingletonRunBrackets(settings.leaderRouteIds(), election, runs, election.instanceId(), metrics,
                    clock.getIfAvailable(Clock::systemUTC));
        }

        @Bean("clusterHealthIndicator")
        ClusterHealthIndicator clusterHealthIndicator(JdbcLeaderElection election, LeaderTerms terms,
                ClusterProperties settings, CamelContext camel, ObjectProvider<Clock> clock) {
            return new ClusterHealthIndicator(election, terms, settings, camel, clock.getIfAvailable(Clock::systemUTC));
        }

        /** H2 lives inside one process: instances electing over it would each elect themselves. */
        static void requireSharedDatabase(DataSource dataSource) {
            String product;
            try (Connection connection = dataSource.getConnection()) {
                product = connection.getMetaData().getDatabaseProductName();
            } catch (SQLException e) {
                // Unreachable now: the store reports it; the election keeps trying once it is back.
                return;
            }
            if (!product.toLowerCase(Locale.ROOT).contains("postgresql")) {
                throw new SharedDatabaseRequiredException(product);
            }
        }
    }
}
