package io.retrobridge.transport;

import io.retrobridge.sync.RateBuckets;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The one outbound sender every adapter uses, and the watch over all connection checks. */
@Configuration(proxyBeanMethods = false)
class TransportConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TransportConfiguration.class);
    /** Declared by the cluster settings; read raw here so pacing does not depend on them. */
    private static final String CLUSTER_MODE = "retrobridge.cluster.mode";

    /**
     * Every outbound call: paced and retried here, then through its system's circuit breaker route
     * (routes/outbound.yaml), then Camel HTTP. Paced per instance, or by the buckets every instance shares.
     */
    @Bean
    OutboundSender outboundSender(CamelContext camel, ProducerTemplate producer, ResilienceProperties resilience,
            MeterRegistry meters, Environment environment, ObjectProvider<RateBuckets> sharedBuckets) {
        CamelHttpSender http = new CamelHttpSender(camel, producer, true);
        if (!resilience.sharesRateLimits(environment.getProperty(CLUSTER_MODE))) {
            return new ResilientSender(http, resilience, new OutboundMetrics(meters));
        }
        RateBuckets buckets = sharedBuckets.getIfAvailable();
        if (buckets == null) {
            throw new IllegalStateException("retrobridge.resilience.rate-limits: shared rate limits need the database"
                    + " store, and none is configured; set rate-limits: local");
        }
        log.info("Outbound rate limits are shared by every instance on this database (burst {})",
                resilience.sharedBurst());
        return new ResilientSender(http, resilience, new OutboundMetrics(meters),
                new SharedPacing(buckets, resilience.sharedBurst(), Sleeper.REAL));
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
