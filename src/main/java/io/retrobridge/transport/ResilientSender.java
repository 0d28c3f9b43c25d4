package io.retrobridge.transport;

import io.retrobridge.transport.RemoteCallException.Failure;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Retries what is worth retrying and paces every attempt, around another sender (the breaker routes).
 *
 * <ul>
 * <li>Before each attempt, waits for the system's rate-limiter slot.</li>
 * <li>Retries 429, 5xx, timeouts and unreachable hosts up to {@code max-attempts}, waiting
 *     {@link Backoff#delay} between tries: exponential with jitter, never sooner than Retry-After.</li>
 * <li>Writes (POST, PUT, PATCH) may have landed when the answer was lost, so they are retried only when
 *     the system clearly refused them (429, 503) or the connection was never made. Sending a PUT again
 *     blindly after a timeout would repeat the write and could overwrite what a person changed meanwhile;
 *     the caller reads the record again and decides instead.</li>
 * <li>Never retries 4xx other than 429, nor a call the circuit breaker refused, nor when Retry-After
 *     asks for longer than {@code max-backoff}: then the failure (with its Retry-After) goes to the caller.</li>
 * </ul>
 */
public final class ResilientSender implements OutboundSender {

    private static final Set<String> MAYBE_LANDED = Set.of("POST", "PUT", "PATCH");
    private static final ThreadLocal<Boolean> SINGLE_ATTEMPT = ThreadLocal.withInitial(() -> false);

    private final OutboundSender delegate;
    private final ResilienceProperties settings;
    private final OutboundMetrics metrics;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Map<String, RatePacer> pacers = new ConcurrentHashMap<>();

    public ResilientSender(OutboundSender delegate, ResilienceProperties settings, OutboundMetrics metrics) {
        this(delegate, settings, metrics, Clock.systemUTC(), Sleeper.REAL, () -> ThreadLocalRandom.current().nextDouble());
    }

    public ResilientSender(OutboundSender delegate, ResilienceProperties settings, OutboundMetrics metrics,
            Clock clock, Sleeper sleeper, DoubleSupplier random) {
        this.delegate = delegate;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
    }

    /**
     * Runs {@code calls} with one attempt per call (still paced, still through the breaker): for
     * connection checks, which report how a system is now rather than insist until it answers.
     */
    public static <T> T singleAttempt(Supplier<T> calls) {
        boolean outer = SINGLE_ATTEMPT.get();
        SINGLE_ATTEMPT.set(true);
        try {
            return calls.get();
        } finally {
            SINGLE_ATTEMPT.set(outer);
        }
    }

    @Override
    public OutboundResponse send(HttpTarget target, OutboundRequest request) {
        String system = target.system();
        ResilienceProperties.PerSystem policy = settings.forSystem(system);
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            RemoteCallException failure;
            awaitSlot(system, policy);
            try {
                OutboundResponse response = delegate.send(target, request);
                failure = response.isSuccess() ? null : RemoteCallException.forResponse(system, request, response);
                if (failure == null || !worthRetrying(failure, request, attempt, policy)) {
                    finished(system, request, failure == null ? "success" : OutboundMetrics.word(failure.failure()), started);
                    return response;
                }
            } catch (RemoteCallException e) {
                if (!worthRetrying(e, request, attempt, policy)) {
                    finished(system, request, e.circuitOpen() ? "circuit_open" : OutboundMetrics.word(e.failure()), started);
                    throw e;
                }
                failure = e;
            }
            Duration wait = policy.backoff().delay(attempt, failure.retryAfter(),
                    failure.failure() == Failure.RATE_LIMITED, random);
            if (wait.compareTo(policy.maxBackoff()) > 0) {
                // Asked to wait longer than we ever hold a thread: give up now; the failure carries
                // Retry-After for whoever schedules the next try.
                finished(system, request, OutboundMetrics.word(failure.failure()), started);
                throw failure;
            }
            metrics.retry(system, OutboundMetrics.word(failure.failure()));
            pause(wait, failure);
        }
    }

    private void finished(String system, OutboundRequest request, String outcome, long startedNanos) {
        metrics.call(system, outcome);
        metrics.duration(system, request.method(), outcome, Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    private static boolean worthRetrying(RemoteCallException failure, OutboundRequest request, int attempt,
            ResilienceProperties.PerSystem policy) {
        if (attempt >= policy.maxAttempts() || SINGLE_ATTEMPT.get() || !failure.isTransient() || failure.circuitOpen()) {
            return false;
        }
        return !MAYBE_LANDED.contains(request.method()) || wasRefusedUnprocessed(failure);
    }

    /** The system said no before doing anything (429, 503), or no connection was ever made. */
    private static boolean wasRefusedUnprocessed(RemoteCallException failure) {
        return failure.failure() == Failure.RATE_LIMITED || failure.status().orElse(0) == 503
                || failure.failure() == Failure.UNREACHABLE && neverConnected(failure);
    }

    /** A reset connection is UNREACHABLE too, but the request may have arrived; a refused one did not. */
    private static boolean neverConnected(Throwable failure) {
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    private void awaitSlot(String system, ResilienceProperties.PerSystem policy) {
        Duration wait = pacers.computeIfAbsent(system, s -> new RatePacer(policy.requestsPerSecond(), clock)).reserve();
        metrics.rateLimiterWait(system, wait);
        if (!wait.isZero()) {
            pause(wait, null);
        }
    }

    private void pause(Duration wait, RemoteCallException pending) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            IllegalStateException stopped = new IllegalStateException("interrupted while waiting to call again");
            if (pending != null) {
                stopped.addSuppressed(pending);
            }
            throw stopped;
        }
    }
}
