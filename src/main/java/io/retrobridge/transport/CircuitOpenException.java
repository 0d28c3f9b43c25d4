package io.retrobridge.transport;

/** The breaker refused the call without sending it; the message says why and for how long. */
public final class CircuitOpenException extends RuntimeException {

    public CircuitOpenException(String message) {
        super(message, null, false, false);
    }
}
