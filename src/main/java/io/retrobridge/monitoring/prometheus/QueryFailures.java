package io.retrobridge.monitoring.prometheus;

import io.retrobridge.sync.MetricsUnavailableException;
import io.retrobridge.transport.HttpTarget;
import io.retrobridge.transport.OutboundResponse;
import io.retrobridge.transport.RemoteCallException;
import java.util.Optional;

/**
 * Turns what Prometheus answered (or that it did not) into a {@link MetricsUnavailableException} an admin acts on:
 * which query, what Prometheus said, which setting or mapping to look at, and whether asking again later may help.
 * Prometheus says 400 (bad_data) for a query it cannot parse, 422 (execution) for one it cannot run, 503 for a
 * timeout or an overloaded server; errors before its API is reached (a proxy, a gateway) come with other statuses
 * and often another body. The message never holds a credential.
 */
final class QueryFailures {

    private static final int QUERY_SHOWN = 200;

    private final HttpTarget target;
    private final String authKind;

    QueryFailures(HttpTarget target, String authKind) {
        this.target = target;
        this.authKind = authKind;
    }

    /** A non-2xx answer, or a 2xx one saying {@code status: error}. */
    MetricsUnavailableException refused(String query, OutboundResponse response) {
        Optional<QueryAnswer> envelope = envelope(response.body());
        String error = envelope.map(QueryAnswer::error).filter(e -> !e.isBlank()).map(e -> QueryAnswer.abbreviate(e, 300))
                .orElse(null);
        String errorType = envelope.map(QueryAnswer::errorType).orElse(null);
        String warnings = envelope.flatMap(QueryAnswer::warningsLine).map(w -> " (warnings: " + w + ")").orElse("");
        int status = response.status();
        if (status == 401) {
            return new MetricsUnavailableException(prefix(query) + "Prometheus refused the credentials (401): "
                    + credentialsHint() + warnings, true);
        }
        if (status == 403) {
            return new MetricsUnavailableException(prefix(query) + "Prometheus (or the proxy in front of it) refused "
                    + "access (403): the account or token in " + credentialSettings() + " may not query this "
                    + "Prometheus; give it read access" + warnings, true);
        }
        if (status == 404) {
            return new MetricsUnavailableException(prefix(query) + "no Prometheus query API at " + target.baseUrl()
                    + "/api/v1 (404): check retrobridge.prometheus.base-url (the server root, or the path prefix "
                    + "before /api/v1)", true);
        }
        if (status == 429) {
            return new MetricsUnavailableException(prefix(query) + "Prometheus asks us to slow down (429)"
                    + response.header("Retry-After").map(wait -> " (Retry-After: " + wait + ")").orElse("")
                    + "; asked again later; lower retrobridge.resilience.prometheus.requests-per-second if it lasts",
                    true);
        }
        if (envelope.isEmpty()) {
            String what = status >= 200 && status < 300
                    ? "answered " + status + " but not with its API's JSON (status, data): does "
                            + "retrobridge.prometheus.base-url point at Prometheus's query API?"
                    : "answered " + status + " with a body that is not Prometheus's API JSON (a proxy or gateway in "
                            + "front of it?); asked again later";
            return new MetricsUnavailableException(prefix(query) + "Prometheus " + what, true);
        }
        return byErrorType(query, status, errorType == null ? typeOf(status) : errorType, error, warnings);
    }

    private MetricsUnavailableException byErrorType(String query, int status, String errorType, String error,
            String warnings) {
        String said = (error == null ? "no reason given" : error) + warnings;
        String answered = " (" + status + ", " + errorType + ")";
        return switch (errorType) {
            case "bad_data" -> said.contains("exceeded maximum resolution")
                    ? new MetricsUnavailableException(prefix(query) + "Prometheus refused the query as invalid: " + said
                            + "; the window holds too many steps: raise the step or shorten the window in "
                            + "pir-metrics.yaml", false)
                    : new MetricsUnavailableException(prefix(query) + "Prometheus refused the query as invalid: " + said
                            + "; fix the query of this metric in pir-metrics.yaml", false);
            case "execution" -> new MetricsUnavailableException(prefix(query) + "Prometheus could not run the query"
                    + answered + ": " + said + "; if it loads too many samples, narrow the query (more label matchers, "
                    + "a shorter window) or raise the step in pir-metrics.yaml; otherwise fix the query there", false);
            case "timeout", "canceled" -> new MetricsUnavailableException(prefix(query) + "Prometheus gave up running "
                    + "the query" + answered + ": " + said + "; asked again later; if it keeps happening, make the "
                    + "query cheaper (fewer series, a larger step) or raise Prometheus's -query.timeout", true);
            case "not_acceptable" -> new MetricsUnavailableException(prefix(query) + "Prometheus cannot answer in "
                    + "the format asked" + answered + ": " + said, false);
            case "not_found" -> new MetricsUnavailableException(prefix(query) + "Prometheus found nothing to answer"
                    + answered + ": " + said + "; check retrobridge.prometheus.base-url", true);
            default -> new MetricsUnavailableException(prefix(query) + "Prometheus could not answer" + answered + ": "
                    + said + "; it is down, starting or overloaded; asked again later", true);
        };
    }

    /** Nothing came back: unreachable, too slow, TLS, or the breaker held the call back. */
    MetricsUnavailableException unanswered(String query, RemoteCallException failure) {
        if (failure.circuitOpen()) {
            return new MetricsUnavailableException(prefix(query) + "Prometheus was not asked: " + failure.getMessage(),
                    true, failure);
        }
        if (failure.status().isPresent()) {
            // The sender gave the answer up (e.g. Retry-After longer than it waits): still Prometheus's answer.
            return new MetricsUnavailableException(prefix(query) + failure.getMessage() + "; asked again later", true,
                    failure);
        }
        String message = switch (failure.failure()) {
            case TIMEOUT -> "Prometheus did not answer in time (" + target.connectTimeout().toSeconds()
                    + " s to connect, retrobridge.prometheus.connect-timeout; " + target.readTimeout().toSeconds()
                    + " s to answer, retrobridge.prometheus.read-timeout); asked again later; if it keeps happening, "
                    + "make the query cheaper or raise read-timeout";
            case TLS -> "the TLS handshake with " + target.hostAndPort() + " failed: " + failure.getMessage()
                    + "; its certificate must be valid for that host and trusted by this JVM";
            default -> "cannot reach Prometheus at " + target.hostAndPort() + ": " + failure.getMessage()
                    + "; check retrobridge.prometheus.base-url, DNS and firewall; asked again later";
        };
        return new MetricsUnavailableException(prefix(query) + message, true, failure);
    }

    /** A 2xx envelope saying success whose data cannot be read as series. */
    MetricsUnavailableException unreadable(String query, String what) {
        return new MetricsUnavailableException(prefix(query) + "Prometheus answered, but " + what, false);
    }

    private static Optional<QueryAnswer> envelope(String body) {
        try {
            QueryAnswer answer = QueryAnswer.read(body);
            return "error".equals(answer.status()) || answer.success() ? Optional.of(answer) : Optional.empty();
        } catch (QueryAnswer.NotTheEnvelope notIt) {
            return Optional.empty();
        }
    }

    /** Prometheus's own mapping of error types to statuses, read backwards, for an envelope without errorType. */
    private static String typeOf(int status) {
        return switch (status) {
            case 400 -> "bad_data";
            case 422 -> "execution";
            case 503 -> "timeout";
            case 406 -> "not_acceptable";
            default -> "internal";
        };
    }

    private String credentialsHint() {
        return switch (authKind) {
            case "bearer" -> "check RETROBRIDGE_PROMETHEUS_BEARER_TOKEN (retrobridge.prometheus.bearer-token): "
                    + "expired, revoked, or a token of another stack";
            case "basic" -> "check retrobridge.prometheus.username and RETROBRIDGE_PROMETHEUS_PASSWORD";
            default -> "this Prometheus wants credentials: set retrobridge.prometheus.username and "
                    + "RETROBRIDGE_PROMETHEUS_PASSWORD, or RETROBRIDGE_PROMETHEUS_BEARER_TOKEN";
        };
    }

    private String credentialSettings() {
        return "bearer".equals(authKind) ? "retrobridge.prometheus.bearer-token" : "retrobridge.prometheus.username";
    }

    /** Which query failed, cut short: a query is no secret, but it can be long. */
    static String prefix(String query) {
        return "query " + QueryAnswer.abbreviate(query, QUERY_SHOWN) + ": ";
    }
}
