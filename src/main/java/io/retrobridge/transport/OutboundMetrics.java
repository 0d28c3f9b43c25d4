package io.retrobridge.transport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/** The counters and timer of outbound calls; tag values are lower-case words ("server_error"). */
public final class OutboundMetrics {

    private final MeterRegistry registry;

    public OutboundMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One finished call (all its attempts), by how it ended: success, not_found, server_error, circuit_open ... */
    public void call(String system, String outcome) {
        Counter.builder("retrobridge.outbound.calls").description("Outbound calls by how they ended")
                .tag("system", system).tag("outcome", outcome).register(registry).increment();
    }

    /** One more attempt, and why: rate_limited, server_error, timeout, unreachable. */
    public void retry(String system, String reason) {
        Counter.builder("retrobridge.outbound.retries").description("Outbound attempts repeated after a transient failure")
                .tag("system", system).tag("reason", reason).register(registry).increment();
    }

    /** How long a call waited for its rate-limiter slot (zero counts too). */
    public void rateLimiterWait(String system, Duration waited) {
        Timer.builder("retrobridge.outbound.ratelimiter.waits").description("Waits for the per-system rate limiter")
                .tag("system", system).register(registry).record(waited);
    }

    static String word(RemoteCallException.Failure failure) {
        return failure.name().toLowerCase(Locale.ROOT);
    }
}
