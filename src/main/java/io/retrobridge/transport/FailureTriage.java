package io.retrobridge.transport;

import io.github.resilience4j.core.IntervalFunction;
import io.retrobridge.sync.StaleLinkException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The one place that decides what becomes of a failure: of one outbound call ({@link #judgeCall}, asked by
 * {@link ResilientSender} after each attempt) and of a unit of work (an inbox event, {@link #judge}) that failed after
 * the transport did its own retries: run it again now after a backoff, let it wait until a given time without
 * finishing it, or park it as a dead letter.
 *
 * <p>For one call: a transient failure (429, 5xx, timeout, unreachable) is sent again after an exponential backoff
 * with full jitter, never sooner than Retry-After (or the rate-limit floor after a 429 without one), up to the
 * system's max-attempts. Writes (POST, PUT, PATCH) may have landed when the answer was lost, so they are sent again
 * only when the system clearly refused them (429, 503) or the connection was never made. A Retry-After longer than
 * max-backoff ends the call at once: the failure, with its Retry-After, goes to the caller, whose work then waits.
 *
 * <p>For a unit of work:
 * <ul>
 * <li><b>Run again</b>: a write that may have half landed (POST, PUT, PATCH cut off, timed out, answered 5xx) or a
 *     2xx answer that could not be read, since the sync reads both records again before it writes; and database
 *     blips (lock timeout, deadlock, serialization failure, lost connection). Up to the system's max-attempts.</li>
 * <li><b>Wait</b>: nothing was done and the same work applies fine later: a call refused by an open circuit breaker
 *     (until the breaker may let calls through again), a 429 (or a 503 with Retry-After) that outlasted the
 *     transport's retries or asked for longer than it holds a thread (until Retry-After, at least max-backoff), a
 *     database still failing after the runs again. Waiting is bounded by
 *     {@code maxDeferral}, counted from the first wait: past it the work is parked with the reason.</li>
 * <li><b>Park</b>: everything else (4xx, a 5xx that stays, a mapping that cannot apply), with a kind an admin can
 *     replay by.</li>
 * </ul>
 */
public final class FailureTriage {

    /** What to do with the failed work; {@code kind} is a short word for dead letters, metrics and filters. */
    public sealed interface Verdict permits RunAgain, Wait, Park {
        String kind();

        String reason();
    }

    /** Run it again after {@code pause}, in the same claim. */
    public record RunAgain(Duration pause, String kind, String reason) implements Verdict {
    }

    /** Hand it back unfinished; it is not taken up before {@code until}. */
    public record Wait(Instant until, String kind, String reason) implements Verdict {
    }

    /** Give up on it and keep it as a dead letter. */
    public record Park(String kind, String reason) implements Verdict {
    }

    /** The kind of a dead letter parked because it waited longer than max-deferral. */
    public static final String DEFERRED_TOO_LONG = "deferred_too_long";
    public static final String DATABASE = "database";
    public static final String CIRCUIT_OPEN = "circuit_open";
    public static final String OTHER = "other";

    private static final Set<String> MAYBE_HALF_DONE = Set.of("POST", "PUT", "PATCH");
    private static final int DATABASE_ATTEMPTS = 5;
    private static final Duration DATABASE_INITIAL_BACKOFF = Duration.ofMillis(200);
    private static final Duration DATABASE_MAX_BACKOFF = Duration.ofSeconds(5);
    /** How long work waits after the database kept failing, before it is offered again. */
    private static final Duration DATABASE_WAIT = Duration.ofSeconds(30);
    // A stale link is a write conflict like an optimistic-lock failure: an event of the item's other side (or of
    // another instance) stored the link first, and a run with fresh state settles it.
    private static final List<Class<? extends Throwable>> DATABASE_BLIPS = List.of(TransientDataAccessException.class,
            RecoverableDataAccessException.class, CannotGetJdbcConnectionException.class, SQLTransientException.class,
            SQLRecoverableException.class, StaleLinkException.class);

    private final ResilienceProperties resilience;
    private final Duration maxDeferral;
    private final DoubleSupplier random;

    /** For the outbound sender, which judges calls only and defers no work ({@link #judge} is refused). */
    public static FailureTriage forCalls(ResilienceProperties resilience, DoubleSupplier random) {
        return new FailureTriage(resilience, null, random, true);
    }

    public FailureTriage(ResilienceProperties resilience, Duration maxDeferral) {
        this(resilience, maxDeferral, () -> ThreadLocalRandom.current().nextDouble());
    }

    public FailureTriage(ResilienceProperties resilience, Duration maxDeferral, DoubleSupplier random) {
        this(resilience, maxDeferral, random, false);
    }

    private FailureTriage(ResilienceProperties resilience, Duration maxDeferral, DoubleSupplier random, boolean callsOnly) {
        if (!callsOnly && (maxDeferral == null || maxDeferral.isNegative() || maxDeferral.isZero())) {
            throw new IllegalArgumentException("max deferral must be above 0 but was " + maxDeferral);
        }
        this.resilience = resilience;
        this.maxDeferral = maxDeferral;
        this.random = random;
    }

    /**
     * @param attempt       how many times the work was run in this claim, the failed run included (1 for the first)
     * @param now           the time of the failure
     * @param deferredSince when the work was first told to wait, if ever
     */
    public Verdict judge(Throwable failure, int attempt, Instant now, Optional<Instant> deferredSince) {
        if (maxDeferral == null) {
            throw new IllegalStateException("this triage judges single calls only; work needs a max deferral");
        }
        Verdict verdict = judgeAlone(failure, attempt, now);
        if (verdict instanceof Wait wait) {
            Instant since = deferredSince.orElse(now);
            if (wait.until().isAfter(since.plus(maxDeferral))) {
                return new Park(DEFERRED_TOO_LONG, "waited since " + since + " and would wait until " + wait.until()
                        + ", longer than retrobridge.sync.max-deferral (" + maxDeferral + "): " + wait.reason());
            }
        }
        return verdict;
    }

    /**
     * What the sender does after attempt number {@code attempt} of one call failed: {@link RunAgain} (send it again
     * after the pause), {@link Wait} (the system asked for longer than max-backoff: the failure goes to the caller at
     * once) or {@link Park} (not worth sending again: the failure goes to the caller as it is).
     *
     * @param attempt 1 for the first attempt
     */
    public Verdict judgeCall(RemoteCallException failure, int attempt, Instant now) {
        String kind = kindOf(failure);
        ResilienceProperties.PerSystem policy = policyOf(failure).orElse(null);
        if (policy == null || attempt >= policy.maxAttempts() || !failure.isTransient() || failure.circuitOpen()
                || mayHaveLanded(failure) && !refusedUnprocessed(failure)) {
            return new Park(kind, describe(failure));
        }
        // When a 429 carries no Retry-After, the wait starts at the floor instead of the short first step.
        Duration floor = failure.retryAfter().orElse(
                failure.failure() == RemoteCallException.Failure.RATE_LIMITED ? policy.rateLimitFloor() : Duration.ZERO);
        if (floor.compareTo(policy.maxBackoff()) > 0) {
            // Longer than the transport ever holds a thread: whoever schedules the work waits instead.
            return new Wait(now.plus(floor), kind, describe(failure));
        }
        Duration jittered = jittered(attempt, policy.initialBackoff(), policy.maxBackoff());
        return new RunAgain(jittered.compareTo(floor) < 0 ? floor : jittered, kind, describe(failure));
    }

    /** The system said no before doing anything (429, 503), or no connection was ever made. */
    private static boolean refusedUnprocessed(RemoteCallException failure) {
        return failure.failure() == RemoteCallException.Failure.RATE_LIMITED || failure.status().orElse(0) == 503
                || failure.failure() == RemoteCallException.Failure.UNREACHABLE && neverConnected(failure);
    }

    /** A reset connection is UNREACHABLE too, but the request may have arrived; a refused one did not. */
    private static boolean neverConnected(RemoteCallException failure) {
        return Causes.find(failure.getCause(), ConnectException.class) != null
                || Causes.find(failure.getCause(), UnknownHostException.class) != null
                || Causes.find(failure.getCause(), NoRouteToHostException.class) != null;
    }

    /**
     * Exponential from {@code initial}, doubling per retry up to {@code max}, with full jitter (so many clients that
     * failed together do not retry together).
     *
     * @param attempt 1 for the first retry
     */
    private Duration jittered(int attempt, Duration initial, Duration max) {
        long ceiling = IntervalFunction.ofExponentialBackoff(initial, 2.0, max).apply(Math.max(attempt, 1));
        return Duration.ofMillis((long) (ceiling * random.getAsDouble()));
    }

    private Verdict judgeAlone(Throwable failure, int attempt, Instant now) {
        String reason = describe(failure);
        if (isDatabaseBlip(failure)) {
            return attempt < DATABASE_ATTEMPTS
                    ? new RunAgain(jittered(attempt, DATABASE_INITIAL_BACKOFF, DATABASE_MAX_BACKOFF), DATABASE, reason)
                    : new Wait(now.plus(DATABASE_WAIT), DATABASE, reason);
        }
        RemoteCallException remote = Causes.find(failure, RemoteCallException.class);
        if (remote == null) {
            return new Park(OTHER, reason);
        }
        Optional<ResilienceProperties.PerSystem> policy = policyOf(remote);
        if (remote.circuitOpen()) {
            Duration breakerWait = policy.map(p -> Duration.ofSeconds(p.breakerWaitSeconds())).orElse(Duration.ofSeconds(30));
            return new Wait(now.plus(breakerWait), CIRCUIT_OPEN, reason);
        }
        String kind = kindOf(remote);
        if (refusedForNow(remote)) {
            // The transport gave up: it was asked to wait longer than max-backoff, or its retries ran out.
            Duration floor = policy.map(ResilienceProperties.PerSystem::maxBackoff).orElse(Duration.ofSeconds(30));
            Duration wait = remote.retryAfter().filter(asked -> asked.compareTo(floor) > 0).orElse(floor);
            return new Wait(now.plus(wait), kind, reason);
        }
        if (worthRunningAgain(remote) && policy.isPresent() && attempt < policy.get().maxAttempts()) {
            Duration jittered = jittered(attempt, policy.get().initialBackoff(), policy.get().maxBackoff());
            Duration floor = remote.retryAfter().orElse(Duration.ZERO);
            return new RunAgain(jittered.compareTo(floor) < 0 ? floor : jittered, kind, reason);
        }
        return new Park(kind, reason);
    }

    /** The kind of failure a dead letter records, for replay by kind: the remote failure, a database blip, or other. */
    public static String kindOf(Throwable failure) {
        if (isDatabaseBlip(failure)) {
            return DATABASE;
        }
        RemoteCallException remote = Causes.find(failure, RemoteCallException.class);
        if (remote == null) {
            return OTHER;
        }
        return remote.circuitOpen() ? CIRCUIT_OPEN : remote.failure().name().toLowerCase(Locale.ROOT);
    }

    /**
     * A 429, or a 503 that said when to come back (Retry-After): nothing was done, and the system said so. A 503
     * without Retry-After that outlasted the retries is an outage, parked like other server errors.
     */
    private static boolean refusedForNow(RemoteCallException remote) {
        return remote.failure() == RemoteCallException.Failure.RATE_LIMITED
                || remote.status().orElse(0) == 503 && remote.retryAfter().isPresent();
    }

    /**
     * A transient failure of a write the transport left unretried because it may have landed, or a 2xx answer that
     * could not be read: whatever it answered may have been done, and the next read tells.
     */
    private static boolean worthRunningAgain(RemoteCallException remote) {
        // A 503 was refused before anything happened, and the transport has retried it already.
        return remote.unreadableAnswer() || remote.isTransient() && remote.status().orElse(0) != 503
                && mayHaveLanded(remote);
    }

    /** A write whose answer was lost may have been done: POST, PUT, PATCH, unless the request only reads. */
    private static boolean mayHaveLanded(RemoteCallException failure) {
        return MAYBE_HALF_DONE.contains(failure.method()) && !failure.readOnly();
    }

    /** Lock timeouts, deadlocks, serialization failures, lost or unavailable connections: gone on the next try. */
    public static boolean isDatabaseBlip(Throwable failure) {
        return DATABASE_BLIPS.stream().anyMatch(blip -> Causes.find(failure, blip) != null);
    }

    private Optional<ResilienceProperties.PerSystem> policyOf(RemoteCallException remote) {
        try {
            return Optional.of(resilience.forSystem(remote.system()));
        } catch (IllegalArgumentException notOneWeSyncWith) {
            return Optional.empty();
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) + "..." : message;
    }
}
