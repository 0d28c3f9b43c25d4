package io.retrobridge.transport;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers "can we talk to this system, as whom?" by sending one cheap authenticated request. Results
 * are kept for a short while so a health check scraped every few seconds does not hammer the remote
 * system; {@link #recheck()} asks again regardless.
 */
public final class ConnectionCheck {

    /** The system-specific part: which request proves we are let in, and who the answer says we are. */
    public interface Probe {

        /** The request to send. May throw {@link IllegalArgumentException} to refuse sending (bad setting). */
        OutboundRequest request();

        /** Who we are signed in as, read from a 2xx answer; empty when the answer is not what this system gives. */
        Optional<String> identity(OutboundResponse response);
    }

    private final RemoteSystem remote;
    private final Probe probe;
    private final DownHints hints;
    private final Duration cacheFor;
    private final Clock clock;
    private ConnectionStatus last;

    public ConnectionCheck(RemoteSystem remote, Probe probe, DownHints hints, Duration cacheFor, Clock clock) {
        this.remote = Objects.requireNonNull(remote, "remote");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.hints = Objects.requireNonNull(hints, "hints");
        this.cacheFor = Objects.requireNonNull(cacheFor, "cacheFor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String system() {
        return remote.name();
    }

    public URI url() {
        return remote.baseUrl();
    }

    /** The latest result, checking again only when it is older than the cache period. */
    public synchronized ConnectionStatus status() {
        if (last == null || !clock.instant().isBefore(last.checkedAt().plus(cacheFor))) {
            last = checkNow();
        }
        return last;
    }

    /** Checks now and remembers the result. */
    public synchronized ConnectionStatus recheck() {
        last = checkNow();
        return last;
    }

    private ConnectionStatus checkNow() {
        OutboundRequest request;
        try {
            request = probe.request();
        } catch (IllegalArgumentException refused) {
            return ConnectionStatus.down(system(), url(), refused.getMessage(), null, 0, clock.instant());
        }
        long started = System.nanoTime();
        try {
            // A check reports how the system is now; retrying would only delay the answer.
            OutboundResponse response = ResilientSender.singleAttempt(() -> remote.call(request));
            long latency = elapsedMs(started);
            Instant at = clock.instant();
            return probe.identity(response)
                    .map(who -> ConnectionStatus.up(system(), url(), who, latency, at))
                    .orElseGet(() -> ConnectionStatus.down(system(), url(), "unexpected answer: " + request.describe()
                            + " answered " + response.status() + " but not as " + system() + " does; does "
                            + hints.baseUrlSetting() + " point at " + system() + "?",
                            RemoteCallException.Failure.CLIENT_ERROR, latency, at));
        } catch (RemoteCallException failed) {
            return ConnectionStatus.down(system(), url(), reasonFor(failed), failed.failure(), elapsedMs(started),
                    clock.instant());
        }
    }

    /** A sentence a person can act on; it never holds a credential. */
    private String reasonFor(RemoteCallException failed) {
        HttpTarget target = remote.target();
        String where = target.hostAndPort();
        String status = failed.status().isPresent() ? String.valueOf(failed.status().getAsInt()) : "";
        return switch (failed.failure()) {
            case UNREACHABLE -> "unreachable: nothing answers at " + where + " ("
                    + RemoteCallException.rootMessage(failed) + "); check " + hints.baseUrlSetting()
                    + ", DNS, firewall and proxy";
            case TIMEOUT -> "timeout: " + where + " did not answer within " + target.connectTimeout().toSeconds()
                    + " s (connect) / " + target.readTimeout().toSeconds()
                    + " s (read); the system is slow or a firewall drops the traffic";
            case TLS -> "TLS problem with " + where + ": " + RemoteCallException.rootMessage(failed)
                    + "; the server's certificate must be valid for that host and trusted by this JVM's truststore";
            case UNAUTHORIZED -> hints.credentialsRefused();
            case FORBIDDEN -> hints.forbidden();
            case NOT_FOUND -> "unexpected status 404 for " + failed.method() + " " + failed.path() + ": is "
                    + hints.baseUrlSetting() + " the site root (without /rest or /api)?";
            case RATE_LIMITED -> "rate limited (429)" + failed.retryAfter()
                    .map(d -> ": " + system() + " asks us to wait " + d.toSeconds() + " s").orElse("");
            case SERVER_ERROR -> "unexpected status " + status + " for " + failed.method() + " " + failed.path()
                    + ": " + system() + " reports an error of its own; try again later or ask its administrators";
            case CLIENT_ERROR -> failed.status().orElse(0) < 300
                    ? "unexpected answer: " + failed.getMessage()
                    : "unexpected status " + status + " for " + failed.method() + " " + failed.path();
        };
    }

    private static long elapsedMs(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
