package io.retrobridge.transport;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one outbound sender every adapter uses, and the watch over all connection checks. */
@Configuration(proxyBeanMethods = false)
class TransportConfiguration {

    @Bean
    CamelHttpSender outboundSender(CamelContext camel, ProducerTemplate producer) {
        return new CamelHttpSender(camel, producer);
    }

    /** Named for routes/connection-watch.yaml. */
    @Bean("connectionWatch")
    ConnectionWatch connectionWatch(List<ConnectionCheck> checks) {
        return new ConnectionWatch(checks);
    }
}
