package io.retrobridge.sync;

/**
 * A monitoring system could not answer a query. The message says why in words an admin can act on (which query,
 * what the system said, what to check); {@link #retryLater()} says whether asking again later may help (down, slow,
 * overloaded) or not (the query itself is wrong: fix the mapping).
 */
public class MetricsUnavailableException extends RuntimeException {

    private final boolean retryLater;

    public MetricsUnavailableException(String message, boolean retryLater, Throwable cause) {
        super(message, cause);
        this.retryLater = retryLater;
    }

    public MetricsUnavailableException(String message, boolean retryLater) {
        this(message, retryLater, null);
    }

    public boolean retryLater() {
        return retryLater;
    }
}
