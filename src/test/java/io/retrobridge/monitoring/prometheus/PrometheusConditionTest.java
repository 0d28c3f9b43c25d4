package io.retrobridge.monitoring.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.sync.MetricQueries;
import io.retrobridge.transport.ConnectionCheck;
import io.retrobridge.transport.ConnectionsProperties;
import io.retrobridge.transport.OutboundSender;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Without a base URL there is no Prometheus: no MetricQueries bean, no connection check, no health component. */
class PrometheusConditionTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PrometheusProperties.class)
    static class Transport {
        @Bean
        OutboundSender sender() {
            return (target, request) -> {
                throw new AssertionError("nothing is sent while the context starts");
            };
        }

        @Bean
        ConnectionsProperties connections() {
            return new ConnectionsProperties(Duration.ofSeconds(60), Duration.ofSeconds(15), false);
        }
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Transport.class, PrometheusConnectionConfiguration.class);

    @Test
    void noBaseUrlMeansNoPrometheusBeans() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(MetricQueries.class);
            assertThat(context).doesNotHaveBean(ConnectionCheck.class);
            assertThat(context).doesNotHaveBean(PrometheusHealthIndicator.class);
        });
        runner.withPropertyValues("retrobridge.prometheus.base-url= ").run(context ->
                assertThat(context).doesNotHaveBean(MetricQueries.class));
    }

    @Test
    void aBaseUrlBringsTheClientItsCheckAndItsHealthComponent() {
        runner.withPropertyValues("retrobridge.prometheus.base-url=http://127.0.0.1:9090",
                "retrobridge.prometheus.bearer-token=tok-1").run(context -> {
            assertThat(context).hasSingleBean(MetricQueries.class);
            assertThat(context).hasSingleBean(ConnectionCheck.class);
            assertThat(context).hasBean("prometheusHealthIndicator");
            assertThat(context.getBean(ConnectionCheck.class).system()).isEqualTo("Prometheus");
        });
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedAtStartUp() {
        runner.withPropertyValues("retrobridge.prometheus.base-url=http://prometheus.example.com:9090").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("retrobridge.prometheus.base-url"));
    }

    @Test
    void bothAuthKindsAtOnceAreRefused() {
        runner.withPropertyValues("retrobridge.prometheus.base-url=https://prometheus.example.com",
                "retrobridge.prometheus.username=u", "retrobridge.prometheus.password=p",
                "retrobridge.prometheus.bearer-token=t").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("set either username and password (basic auth) or bearer-token, not both"));
    }
}
