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

    /**
     * How long one call took from its first attempt to its last answer, retries, backoff and rate-limiter
     * waits included: what the caller waited. Tagged by HTTP method (a write is POST, PUT or PATCH) and how it
     * ended, with a histogram so an operator can graph p95/p99 per system.
     */
    public void duration(String system, String method, String outcome, Duration took) {
        Timer.builder("retrobridge.outbound.duration")
                .description("Outbound calls from first attempt to last answer, retries and waits included")
                .tag("system", system).tag("method", method).tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry).record(took);
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
