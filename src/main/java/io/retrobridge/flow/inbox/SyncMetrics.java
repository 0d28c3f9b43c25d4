package io.retrobridge.flow.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.InboxOutcome;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Counts what became of each event and how long syncing it took, per system and kind, and how long each write
 * to the other side took.
 */
@Component
public class SyncMetrics {

    private final MeterRegistry registry;
    private final EventKindTag kinds = new EventKindTag();

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void processed(InboundEvent event, InboxOutcome outcome, Duration took) {
        String system = event.source().name().toLowerCase(Locale.ROOT);
        Counter.builder("retrobridge.events.processed")
                .description("Inbox events applied, skipped with a reason, or parked as dead letters")
                .tag("system", system).tag("kind", kinds.of(event.kind()))
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
        Timer.builder("retrobridge.events.sync.duration")
                .description("Time to sync one event: fresh reads, decision, writes and records")
                .tag("system", system).register(registry).record(took);
    }

    /**
     * An event handed back to wait (open circuit breaker, a rate limit's long Retry-After, a database that kept
     * failing); it is neither finished nor parked, so it is counted apart from {@code retrobridge.events.processed},
     * once per deferral.
     */
    public void deferred(InboundEvent event) {
        Counter.builder("retrobridge.events.deferred")
                .description("Inbox events handed back to wait: a circuit breaker was open, a rate limit asked to come back later, or the database failed")
                .tag("system", event.source().name().toLowerCase(Locale.ROOT)).tag("kind", kinds.of(event.kind()))
                .register(registry).increment();
    }

    /**
     * One write of an item to {@code side} ({@code create}, {@code update} or {@code cancel}), all its HTTP calls
     * and retries included, by whether it succeeded: the latency an operator compares with the API's limits.
     */
    public void wrote(ExternalSystem side, String operation, boolean succeeded, Duration took) {
        Timer.builder("retrobridge.sync.writes")
                .description("Writes of an item to the other system, from first call to last answer")
                .tag("system", side.name().toLowerCase(Locale.ROOT)).tag("operation", operation)
                .tag("outcome", succeeded ? "success" : "failure")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry).record(took);
    }
}
