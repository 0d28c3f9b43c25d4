package io.retrobridge.monitoring.prometheus;

import io.retrobridge.sync.MetricQueries;
import io.retrobridge.transport.ConnectionCheck;
import io.retrobridge.transport.ConnectionsProperties;
import io.retrobridge.transport.Credentials;
import io.retrobridge.transport.DownHints;
import io.retrobridge.transport.HttpTarget;
import io.retrobridge.transport.OutboundSender;
import io.retrobridge.transport.PlainHttpRule;
import io.retrobridge.transport.RemoteSystem;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Prometheus as a remote system, when retrobridge.prometheus.base-url is set: the {@link MetricQueries} bean, its
 * connection check and the {@code prometheus} health component. Without a base URL none of them exists, and whoever
 * needs metrics sees that no monitoring system is configured.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(PrometheusConfigured.class)
public class PrometheusConnectionConfiguration {

    /** Qualifier for adapter code: {@code @Qualifier(PrometheusConnectionConfiguration.REMOTE_SYSTEM) RemoteSystem p}. */
    public static final String REMOTE_SYSTEM = "prometheusRemoteSystem";

    @Bean(REMOTE_SYSTEM)
    RemoteSystem prometheusRemoteSystem(PrometheusProperties prometheus, OutboundSender sender,
            ConnectionsProperties connections) {
        PlainHttpRule.check(PrometheusConfigured.BASE_URL, prometheus.baseUrl(), connections);
        PlainHttpRule.check("retrobridge.prometheus.graph-url", prometheus.graphUrl(), connections);
        return remoteSystem(prometheus, sender);
    }

    @Bean
    PrometheusClient prometheusClient(@Qualifier(REMOTE_SYSTEM) RemoteSystem prometheus, PrometheusProperties properties) {
        return client(prometheus, properties);
    }

    @Bean
    ConnectionCheck prometheusConnectionCheck(@Qualifier(REMOTE_SYSTEM) RemoteSystem prometheus,
            PrometheusProperties properties, ConnectionsProperties connections) {
        return connectionCheck(prometheus, properties, connections, Clock.systemUTC());
    }

    /** Bean name makes the health component "prometheus"; management.health.prometheus.enabled=false turns it off. */
    @Bean
    @ConditionalOnEnabledHealthIndicator("prometheus")
    PrometheusHealthIndicator prometheusHealthIndicator(ConnectionCheck prometheusConnectionCheck) {
        return new PrometheusHealthIndicator(prometheusConnectionCheck);
    }

    /** The remote system these settings describe: no credentials, basic, or a bearer token. */
    public static RemoteSystem remoteSystem(PrometheusProperties properties, OutboundSender sender) {
        return new RemoteSystem(new HttpTarget("Prometheus", properties.baseUrl(), properties.connectTimeout(),
                properties.readTimeout()), credentials(properties), sender);
    }

    /** The client these settings describe, over {@code prometheus}. */
    public static PrometheusClient client(RemoteSystem prometheus, PrometheusProperties properties) {
        return new PrometheusClient(prometheus, properties.graphBase(), properties.postAboveCharacters(),
                properties.authKind());
    }

    static Credentials credentials(PrometheusProperties properties) {
        return switch (properties.authKind()) {
            case "bearer" -> Credentials.bearer(properties.bearerToken(), "bearer token");
            case "basic" -> Credentials.basic(properties.username(), properties.password());
            default -> Credentials.none();
        };
    }

    static ConnectionCheck connectionCheck(RemoteSystem prometheus, PrometheusProperties properties,
            ConnectionsProperties connections, Clock clock) {
        return new ConnectionCheck(prometheus, new PrometheusBuildInfoProbe(prometheus.principal()), hints(properties),
                connections.healthCacheTtl(), clock);
    }

    static DownHints hints(PrometheusProperties properties) {
        String credentials = switch (properties.authKind()) {
            case "bearer" -> "credentials refused (401): check RETROBRIDGE_PROMETHEUS_BEARER_TOKEN "
                    + "(retrobridge.prometheus.bearer-token): expired, revoked, or a token of another stack";
            case "basic" -> "credentials refused (401): check retrobridge.prometheus.username and "
                    + "RETROBRIDGE_PROMETHEUS_PASSWORD";
            default -> "credentials refused (401): this Prometheus wants credentials; set "
                    + "retrobridge.prometheus.username and RETROBRIDGE_PROMETHEUS_PASSWORD, or "
                    + "RETROBRIDGE_PROMETHEUS_BEARER_TOKEN";
        };
        String forbidden = "access forbidden (403): Prometheus, or the proxy in front of it, does not let "
                + ("bearer".equals(properties.authKind()) ? "this token" : "this account") + " read its API; give it "
                + "read access to /api/v1";
        return new DownHints(PrometheusConfigured.BASE_URL, credentials, forbidden);
    }
}
