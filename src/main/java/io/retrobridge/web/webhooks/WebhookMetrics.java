package io.retrobridge.web.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code retrobridge.events.received{system, kind, result}}: every delivery counted once with its outcome. */
@Component
class WebhookMetrics {

    static final String RECEIVED = "retrobridge.events.received";
    /** Kind of a delivery that was refused before it could be trusted or read. */
    static final String UNKNOWN_KIND = "unknown";

    enum Result { ACCEPTED, DUPLICATE, REJECTED, IGNORED }

    private final MeterRegistry registry;

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String system, String kind, Result result) {
        Counter.builder(RECEIVED)
                .description("Webhook deliveries received, by outcome")
                .tag("system", system)
                .tag("kind", kind == null ? UNKNOWN_KIND : kind)
                .tag("result", result.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }
}
