package io.retrobridge.transport;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import javax.net.ssl.SSLException;

/**
 * A call to Jira or ServiceNow that did not succeed, with the kind of failure a caller (or a retry
 * policy) decides on. The message names the system, method, path and status, and the remote system's
 * own one-line reason when the adapter read one out of the error body; it never holds a credential, a
 * query value or a body.
 */
public final class RemoteCallException extends RuntimeException {

    /** What went wrong, from the caller's point of view. */
    public enum Failure {
        /** Nothing answered: refused connection, unknown host, no route. */
        UNREACHABLE,
        /** Connecting or waiting for the answer took longer than allowed. */
        TIMEOUT,
        /** The TLS handshake failed: untrusted or mismatched certificate, protocol mismatch. */
        TLS,
        /** 401: the credentials were refused. */
        UNAUTHORIZED,
        /** 403: known caller, missing role or permission. */
        FORBIDDEN,
        /** 404. */
        NOT_FOUND,
        /** 429, usually with Retry-After. */
        RATE_LIMITED,
        /** 5xx. */
        SERVER_ERROR,
        /** Any other 4xx, or an answer that is not what the protocol promises. */
        CLIENT_ERROR;

        /** Worth trying again later without changing anything on our side. */
        public boolean isTransient() {
            return this == UNREACHABLE || this == TIMEOUT || this == RATE_LIMITED || this == SERVER_ERROR;
        }
    }

    private final String system;
    private final String method;
    private final String path;
    private final boolean readOnly;
    private final Failure failure;
    private final Integer status;
    private final Duration retryAfter;
    private final boolean circuitOpen;

    private RemoteCallException(String system, OutboundRequest request, Failure failure, Integer status,
            Duration retryAfter, String message, Throwable cause) {
        this(system, request, failure, status, retryAfter, message, cause, false);
    }

    private RemoteCallException(String system, OutboundRequest request, Failure failure, Integer status,
            Duration retryAfter, String message, Throwable cause, boolean circuitOpen) {
        super(message, cause);
        this.system = system;
        this.method = request.method();
        this.path = request.path();
        this.readOnly = request.readOnly();
        this.failure = failure;
        this.status = status;
        this.retryAfter = retryAfter;
        this.circuitOpen = circuitOpen;
    }

    /**
     * For a call the circuit breaker refused without sending. It counts as UNREACHABLE (nothing was
     * asked, try later), but {@link #circuitOpen()} tells a retry policy not to insist.
     */
    public static RemoteCallException forOpenCircuit(String system, OutboundRequest request, String reason) {
        return new RemoteCallException(system, request, Failure.UNREACHABLE, null, null,
                system + " " + request.describe() + " not sent: " + reason, null, true);
    }

    /** For an answer whose status is not 2xx. */
    public static RemoteCallException forResponse(String system, OutboundRequest request, OutboundResponse response) {
        return forResponse(system, request, response, null);
    }

    /**
     * For an answer whose status is not 2xx, with the reason the remote system gave for it (e.g.
     * ServiceNow's {@code error.message}), picked out of the body by the adapter that knows its shape.
     * Only that reason is kept, on one line and cut to {@value #MAX_REASON} characters, never the body.
     */
    public static RemoteCallException forResponse(String system, OutboundRequest request, OutboundResponse response,
            String remoteReason) {
        int status = response.status();
        Failure failure = kindOf(status);
        Duration retryAfter = failure == Failure.RATE_LIMITED || status == 503
                ? response.header("Retry-After").flatMap(RemoteCallException::parseRetryAfter).orElse(null)
                : null;
        String reason = oneLine(remoteReason);
        String message = system + " " + request.describe() + " answered " + status + " (" + explain(failure, status) + ")"
                + (reason.isEmpty() ? "" : ": " + reason)
                + (retryAfter == null ? "" : "; retry after " + retryAfter.toSeconds() + " s");
        return new RemoteCallException(system, request, failure, status, retryAfter, message, null);
    }

    /** For a call that got no HTTP answer at all. */
    public static RemoteCallException forTransportFailure(String system, OutboundRequest request, String hostAndPort,
            Throwable cause) {
        Failure failure = kindOf(cause);
        String detail = switch (failure) {
            case UNREACHABLE -> "cannot reach " + hostAndPort + " (" + rootMessage(cause) + ")";
            case TIMEOUT -> "no answer from " + hostAndPort + " in time (" + rootMessage(cause) + ")";
            case TLS -> "TLS handshake with " + hostAndPort + " failed (" + rootMessage(cause) + ")";
            default -> "failed talking to " + hostAndPort + " (" + rootMessage(cause) + ")";
        };
        return new RemoteCallException(system, request, failure, null, null,
                system + " " + request.describe() + " " + detail, cause);
    }

    /** For a 2xx answer we cannot use (e.g. a token response without a token). */
    public static RemoteCallException forUnusableAnswer(String system, OutboundRequest request, int status, String what) {
        return new RemoteCallException(system, request, Failure.CLIENT_ERROR, status, null,
                system + " " + request.describe() + " answered " + status + " but " + what, null);
    }

    public String system() {
        return system;
    }

    public String method() {
        return method;
    }

    /** Whether the call only read (a GET, or a POST that only asks, such as a long query): it cannot have landed. */
    public boolean readOnly() {
        return readOnly;
    }

    public String path() {
        return path;
    }

    public Failure failure() {
        return failure;
    }

    /** The HTTP status, when there was an answer. */
    public OptionalInt status() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** Worth trying again later without changing anything on our side (429, 5xx, timeout, unreachable). */
    public boolean isTransient() {
        return failure.isTransient();
    }

    /**
     * The system answered 2xx but the body could not be used (not JSON, cut short, not the promised shape):
     * whatever was asked may have been done, and asking again may well get a readable answer.
     */
    public boolean unreadableAnswer() {
        return status != null && status >= 200 && status < 300;
    }

    /** The circuit breaker refused the call: the system failed too often lately. */
    public boolean circuitOpen() {
        return circuitOpen;
    }

    /** How long the remote system asked us to wait (Retry-After), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    static Failure kindOf(int status) {
        if (status == 401) {
            return Failure.UNAUTHORIZED;
        }
        if (status == 403) {
            return Failure.FORBIDDEN;
        }
        if (status == 404) {
            return Failure.NOT_FOUND;
        }
        if (status == 429) {
            return Failure.RATE_LIMITED;
        }
        return status >= 500 ? Failure.SERVER_ERROR : Failure.CLIENT_ERROR;
    }

    static Failure kindOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return Failure.TLS;
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return Failure.UNREACHABLE;
            }
            // SocketTimeoutException and HttpClient's ConnectTimeoutException are both interrupted I/O.
            if (t instanceof InterruptedIOException) {
                return Failure.TIMEOUT;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Failure.UNREACHABLE;
    }

    private static String explain(Failure failure, int status) {
        return switch (failure) {
            case UNAUTHORIZED -> "credentials refused";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not found";
            case RATE_LIMITED -> "rate limited";
            case SERVER_ERROR -> "server error";
            default -> status >= 400 ? "request refused" : "unexpected status";
        };
    }

    private static final int MAX_REASON = 300;

    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + "...";
    }

    /** The innermost message, which names the actual problem (e.g. "Connection refused"). */
    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /** Retry-After is either seconds or an HTTP date. */
    static Optional<Duration> parseRetryAfter(String value) {
        String text = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
