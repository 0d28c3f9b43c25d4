package io.retrobridge.transport;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of one connection check.
 *
 * @param system          "Jira" or "ServiceNow"
 * @param url             base URL, never with credentials
 * @param up              the system answered and accepted our credentials
 * @param authenticatedAs who the system says we are (UP only)
 * @param latencyMs       how long the check took
 * @param reason          what is wrong and what to do about it (DOWN only)
 * @param failure         the kind of failure (DOWN only; null when the check was refused before sending)
 */
public record ConnectionStatus(String system, URI url, boolean up, String authenticatedAs, long latencyMs,
        String reason, RemoteCallException.Failure failure, Instant checkedAt) {

    public ConnectionStatus {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(checkedAt, "checkedAt");
        if (!up) {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static ConnectionStatus up(String system, URI url, String authenticatedAs, long latencyMs, Instant at) {
        return new ConnectionStatus(system, url, true, authenticatedAs, latencyMs, null, null, at);
    }

    static ConnectionStatus down(String system, URI url, String reason, RemoteCallException.Failure failure,
            long latencyMs, Instant at) {
        return new ConnectionStatus(system, url, false, null, latencyMs, reason, failure, at);
    }

    /** Two results say the same thing to a person when both are UP, or both DOWN for the same kind of reason. */
    public boolean sameStateAs(ConnectionStatus other) {
        return other != null && up == other.up && failure == other.failure
                && (up || failure != null || Objects.equals(reason, other.reason));
    }

    /** "Jira https://acme.atlassian.net" */
    public String title() {
        return system + " " + url;
    }
}
