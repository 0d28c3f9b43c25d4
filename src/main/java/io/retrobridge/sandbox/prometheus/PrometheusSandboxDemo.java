package io.retrobridge.sandbox.prometheus;

import io.retrobridge.sandbox.DemoReleaseTimeline;
import io.retrobridge.sandbox.SandboxProperties;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Demo mode: fixes when the demo's releases happened and starts the Prometheus simulator on
 * {@code retrobridge.sandbox.prometheus-port} with the payment-gateway metrics recorded around those releases, so
 * the failed release's PIR has numbers where no Prometheus is installed. Open without credentials, as Prometheus is
 * by default.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class PrometheusSandboxDemo {

    private static final Logger log = LoggerFactory.getLogger(PrometheusSandboxDemo.class);

    /** One start-up instant for the pipeline's runs and the metrics around them. */
    @Bean
    DemoReleaseTimeline demoReleaseTimeline(Optional<Clock> clock) {
        return DemoReleaseTimeline.before(clock.orElse(Clock.systemUTC()).instant());
    }

    @Bean(destroyMethod = "close")
    PrometheusSandbox prometheusSandbox(SandboxProperties ports, DemoReleaseTimeline timeline) throws IOException {
        PrometheusSandbox sandbox = new PrometheusSandbox(ports.prometheusPort(), Clock.systemUTC());
        sandbox.seed().demo(timeline);
        sandbox.start();
        log.info("Prometheus sandbox ready at {} (payment-gateway metrics recorded around the demo releases)",
                sandbox.baseUrl());
        return sandbox;
    }
}
