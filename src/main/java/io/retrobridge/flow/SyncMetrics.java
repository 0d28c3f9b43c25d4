package io.retrobridge.flow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.InboxOutcome;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Counts what became of each event and how long syncing it took, per system and kind. */
@Component
public class SyncMetrics {

    private final MeterRegistry registry;

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void processed(InboundEvent event, InboxOutcome outcome, Duration took) {
        String system = event.source().name().toLowerCase(Locale.ROOT);
        Counter.builder("retrobridge.events.processed")
                .description("Inbox events applied, skipped with a reason, or parked as dead letters")
                .tag("system", system).tag("kind", event.kind())
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
        Timer.builder("retrobridge.events.sync.duration")
                .description("Time to sync one event: fresh reads, decision, writes and records")
                .tag("system", system).register(registry).record(took);
    }
}
