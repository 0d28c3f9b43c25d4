package io.retrobridge.flow.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.retrobridge.sync.ChangeSource;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.WatermarkStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What an operator graphs to see sync keeping up: events waiting in the inbox, links held, and how far
 * each poller's watermark lags behind now (a lag that keeps growing means a poller is stuck).
 */
@Component
class SyncGauges implements MeterBinder {

    private final EventInbox inbox;
    private final LinkStore links;
    private final WatermarkStore watermarks;
    private final List<ChangeSource> pollers;
    private final Clock clock;

    SyncGauges(EventInbox inbox, LinkStore links, WatermarkStore watermarks, List<ChangeSource> pollers,
            Optional<Clock> clock) {
        this.inbox = inbox;
        this.links = links;
        this.watermarks = watermarks;
        this.pollers = List.copyOf(pollers);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("retrobridge.inbox.pending", inbox, EventInbox::pendingCount)
                .description("Events stored and not yet applied, skipped or parked").register(registry);
        Gauge.builder("retrobridge.links", links, LinkStore::count)
                .description("Items linked across Jira and ServiceNow").register(registry);
        pollers.forEach(poller -> Gauge.builder("retrobridge.poll.watermark.lag", this,
                        gauges -> gauges.lagSeconds(poller.watermark()))
                .description("Seconds between now and the newest change the poller has seen (NaN before the first)")
                .baseUnit("seconds").tag("system", poller.name()).register(registry));
    }

    private double lagSeconds(String watermark) {
        return watermarks.find(watermark)
                .map(w -> (double) Duration.between(w.at(), clock.instant()).toMillis() / 1000)
                .orElse(Double.NaN);
    }
}
