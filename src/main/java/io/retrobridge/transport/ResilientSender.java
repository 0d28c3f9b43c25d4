package io.retrobridge.transport;

import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Retries what is worth retrying and paces every attempt, around another sender (the breaker routes).
 *
 * <ul>
 * <li>Before each attempt, waits for the system's rate limiter ({@link Pacing}: this instance's, or shared).</li>
 * <li>Each system has a Resilience4j {@link Retry}; what is sent again, and after how long, is
 *     {@link FailureTriage#judgeCall}'s word: 429, 5xx, timeouts and unreachable hosts up to {@code max-attempts},
 *     exponential with jitter, never sooner than Retry-After; writes only when the system clearly refused them.</li>
 * <li>Never retries 4xx other than 429, nor a call the circuit breaker refused, nor when Retry-After asks for longer
 *     than {@code max-backoff}: then the failure (with its Retry-After) goes to the caller.</li>
 * </ul>
 */
public final class ResilientSender implements OutboundSender, AutoCloseable {

    private static final ThreadLocal<Boolean> SINGLE_ATTEMPT = ThreadLocal.withInitial(() -> false);

    private final OutboundSender delegate;
    private final ResilienceProperties settings;
    private final OutboundMetrics metrics;
    private final FailureTriage triage;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Pacing pacing;
    private final Map<String, Retry> retries = new ConcurrentHashMap<>();

    /** One attempt's outcome; {@code next} is the triage's word on a failure, null on success. */
    private record Attempt(OutboundResponse response, RemoteCallException failure, FailureTriage.Verdict next) {
    }

    public ResilientSender(OutboundSender delegate, ResilienceProperties settings, OutboundMetrics metrics) {
        this(delegate, settings, metrics, Clock.systemUTC(), Sleeper.REAL,
                () -> ThreadLocalRandom.current().nextDouble(), OutboundPacing.withRefreshThread(Sleeper.REAL));
    }

    /** Paced by {@code pacing} (which it closes when closed) instead of this instance's own rate limiters. */
    ResilientSender(OutboundSender delegate, ResilienceProperties settings, OutboundMetrics metrics, Pacing pacing) {
        this(delegate, settings, metrics, Clock.systemUTC(), Sleeper.REAL,
                () -> ThreadLocalRandom.current().nextDouble(), pacing);
    }

    ResilientSender(OutboundSender delegate, ResilienceProperties settings, OutboundMetrics metrics,
            Clock clock, Sleeper sleeper, DoubleSupplier random, Pacing pacing) {
        this.delegate = delegate;
        this.settings = settings;
        this.metrics = metrics;
        this.triage = FailureTriage.forCalls(settings, random);
        this.clock = clock;
        this.sleeper = sleeper;
        this.pacing = pacing;
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
        int[] attempts = {0};
        Attempt last = retries.computeIfAbsent(system, s -> retryFor(s, policy))
                .executeSupplier(() -> attempt(target, request, policy, ++attempts[0]));
        RemoteCallException failure = last.failure();
        if (failure == null) {
            finished(system, request, "success", started);
            return last.response();
        }
        String outcome = failure.circuitOpen() ? "circuit_open" : OutboundMetrics.word(failure.failure());
        finished(system, request, outcome, started);
        if (last.response() != null && !(last.next() instanceof FailureTriage.Wait && !SINGLE_ATTEMPT.get())) {
            return last.response();
        }
        // An exception, or asked to wait longer than we ever hold a thread: the failure carries Retry-After for
        // whoever schedules the next try.
        throw failure;
    }

    private Attempt attempt(HttpTarget target, OutboundRequest request, ResilienceProperties.PerSystem policy, int number) {
        awaitSlot(target.system(), policy);
        RemoteCallException failure;
        OutboundResponse response = null;
        try {
            response = delegate.send(target, request);
            if (response.isSuccess()) {
                return new Attempt(response, null, null);
            }
            failure = RemoteCallException.forResponse(target.system(), request, response);
        } catch (RemoteCallException e) {
            failure = e;
        }
        return new Attempt(response, failure, triage.judgeCall(failure, number, clock.instant()));
    }

    /**
     * Every failure comes back as an {@link Attempt}, so the retry decides on results only. Its interval function
     * waits the triage's pause through the {@link Sleeper} and tells Resilience4j to wait no more: Resilience4j's own
     * sleep is one static function for the whole JVM, which a test could not replace for one sender.
     */
    private Retry retryFor(String system, ResilienceProperties.PerSystem policy) {
        RetryConfig config = RetryConfig.<Attempt>custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnResult(attempt -> attempt.next() instanceof FailureTriage.RunAgain && !SINGLE_ATTEMPT.get())
                .retryOnException(notAnAttempt -> false)
                .intervalBiFunction((Integer attempts, Either<Throwable, Attempt> outcome) -> {
                    Attempt failed = outcome.get();
                    metrics.retry(system, OutboundMetrics.word(failed.failure().failure()));
                    pause(((FailureTriage.RunAgain) failed.next()).pause(), failed.failure());
                    return 0L;
                })
                .build();
        return Retry.of("outbound-" + OutboundBreakers.key(system), config);
    }

    private void finished(String system, OutboundRequest request, String outcome, long startedNanos) {
        metrics.call(system, outcome);
        metrics.duration(system, request.method(), outcome, Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    private void awaitSlot(String system, ResilienceProperties.PerSystem policy) {
        try {
            metrics.rateLimiterWait(system, pacing.awaitPermission(system, policy.requestsPerSecond()));
        } catch (InterruptedException e) {
            throw interrupted(e, null);
        }
    }

    private void pause(Duration wait, RemoteCallException pending) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            throw interrupted(e, pending);
        }
    }

    private static IllegalStateException interrupted(InterruptedException e, RemoteCallException pending) {
        Thread.currentThread().interrupt();
        IllegalStateException stopped = new IllegalStateException("interrupted while waiting to call again");
        if (pending != null) {
            stopped.addSuppressed(pending);
        }
        return stopped;
    }

    @Override
    public void close() {
        pacing.close();
    }
}
