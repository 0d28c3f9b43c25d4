package io.retrobridge.flow.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.ReceivedEvents;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code retrobridge.events.received{system, kind, result}}: every notice counted once, from webhooks and polls alike. */
@Component
class ReceivedEventMetrics implements ReceivedEvents {

    /** Kind of a delivery that was refused before it could be read. */
    static final String UNKNOWN_KIND = "unknown";

    private final MeterRegistry registry;
    private final EventKindTag kinds = new EventKindTag();

    ReceivedEventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void count(ExternalSystem system, String kind, Result result, long amount) {
        Counter.builder("retrobridge.events.received")
                .description("Events received from webhooks and polls, by outcome")
                .tag("system", system.name().toLowerCase(Locale.ROOT))
                .tag("kind", kind == null ? UNKNOWN_KIND : kinds.of(kind))
                .tag("result", result.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment(amount);
    }
}
