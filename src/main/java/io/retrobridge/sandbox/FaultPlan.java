package io.retrobridge.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Faults a test or benchmark asks a simulator to inject: a fixed latency per request, a rate limit,
 * and the next N matching requests answered with an error, a 429 or a dropped connection.
 */
public final class FaultPlan {

    /** What to do instead of answering normally. */
    public sealed interface Fault permits Respond, DropConnection {
    }

    /** Answer with this response. */
    public record Respond(SandboxResponse response) implements Fault {
    }

    /** Close the connection without answering, as a reset or crashed proxy would. */
    public record DropConnection() implements Fault {
    }

    private record Scheduled(Predicate<SandboxRequest> when, Fault fault, int[] remaining) {
    }

    private final ErrorBodies errors;
    private final Clock clock;
    private final List<Scheduled> scheduled = new ArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private int ratePerSecond;
    private long windowSecond = -1;
    private int usedInWindow;

    public FaultPlan(ErrorBodies errors, Clock clock) {
        this.errors = errors;
        this.clock = clock;
    }

    /** Every request waits this long before it is answered, like a distant server. */
    public FaultPlan latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    public Duration latency() {
        return latency;
    }

    /** At most {@code perSecond} requests are served each second; the rest get 429 with Retry-After. 0 lifts it. */
    public synchronized FaultPlan rateLimit(int perSecond) {
        this.ratePerSecond = perSecond;
        return this;
    }

    /** The next {@code times} requests that match {@code when} get {@code fault} instead of an answer. */
    public synchronized FaultPlan next(int times, Predicate<SandboxRequest> when, Fault fault) {
        scheduled.add(new Scheduled(when, fault, new int[] {times}));
        return this;
    }

    /** The next {@code times} requests fail with {@code status} and the system's own error body. */
    public FaultPlan failNext(int times, int status) {
        return next(times, any(), new Respond(errors.error(status, "Injected failure " + status)));
    }

    /**
     * The next {@code times} requests get 429. {@code retryAfterSeconds} may be null to leave the header
     * out, as some rate limiters do; {@code reason} (e.g. {@code jira-burst-based}) goes into
     * {@code RateLimit-Reason} when given.
     */
    public FaultPlan rateLimitNext(int times, Integer retryAfterSeconds, String reason) {
        return next(times, any(), new Respond(tooManyRequests(retryAfterSeconds, reason)));
    }

    public FaultPlan dropNext(int times) {
        return next(times, any(), new DropConnection());
    }

    /** Forget every injected fault, latency and rate limit. */
    public synchronized void clear() {
        scheduled.clear();
        latency = Duration.ZERO;
        ratePerSecond = 0;
    }

    public SandboxResponse tooManyRequests(Integer retryAfterSeconds, String reason) {
        SandboxResponse response = errors.error(429, "Rate limit exceeded");
        if (retryAfterSeconds != null) {
            response = response.withHeader("Retry-After", String.valueOf(retryAfterSeconds))
                    .withHeader("X-RateLimit-Reset", clock.instant().plusSeconds(retryAfterSeconds).toString());
        }
        return reason == null ? response : response.withHeader("RateLimit-Reason", reason);
    }

    /** The fault this request meets, if any; consumes one use of a scheduled fault. */
    synchronized Optional<Fault> faultFor(SandboxRequest request) {
        Iterator<Scheduled> it = scheduled.iterator();
        while (it.hasNext()) {
            Scheduled s = it.next();
            if (s.when().test(request)) {
                if (--s.remaining()[0] <= 0) {
                    it.remove();
                }
                return Optional.of(s.fault());
            }
        }
        return overRateLimit();
    }

    private Optional<Fault> overRateLimit() {
        if (ratePerSecond <= 0) {
            return Optional.empty();
        }
        long millis = clock.millis();
        long second = millis / 1000;
        if (second != windowSecond) {
            windowSecond = second;
            usedInWindow = 0;
        }
        if (++usedInWindow <= ratePerSecond) {
            return Optional.empty();
        }
        SandboxResponse limited = errors.rateLimited(ratePerSecond, second + 1)
                .withHeader("Retry-After", "1")
                .withHeader("X-RateLimit-Limit", String.valueOf(ratePerSecond))
                .withHeader("X-RateLimit-Reset", String.valueOf(second + 1));
        return Optional.of(new Respond(limited));
    }

    public static Predicate<SandboxRequest> any() {
        return request -> true;
    }

    public static Predicate<SandboxRequest> on(String method, String pathPrefix) {
        return request -> request.method().equalsIgnoreCase(method) && request.path().startsWith(pathPrefix);
    }

    /** Convenience for tests: a plain header map. */
    public static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
