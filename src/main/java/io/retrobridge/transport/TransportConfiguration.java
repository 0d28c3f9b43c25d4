package io.retrobridge.transport;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one outbound sender every adapter uses, and the watch over all connection checks. */
@Configuration(proxyBeanMethods = false)
class TransportConfiguration {

    /**
     * Every outbound call: paced and retried here, then through its system's circuit breaker route
     * (routes/outbound.yaml), then Camel HTTP.
     */
    @Bean
    OutboundSender outboundSender(CamelContext camel, ProducerTemplate producer, ResilienceProperties resilience,
            MeterRegistry meters) {
        return new ResilientSender(new CamelHttpSender(camel, producer, true), resilience, new OutboundMetrics(meters));
    }

    /** Named for routes/outbound.yaml; also publishes the breaker state gauge. */
    @Bean("outboundBreakers")
    OutboundBreakers outboundBreakers(CamelContext camel) {
        return new OutboundBreakers(camel);
    }

    /** Named for routes/connection-watch.yaml. */
    @Bean("connectionWatch")
    ConnectionWatch connectionWatch(List<ConnectionCheck> checks) {
        return new ConnectionWatch(checks);
    }
}
