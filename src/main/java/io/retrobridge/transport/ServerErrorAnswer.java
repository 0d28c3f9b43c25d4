package io.retrobridge.transport;

/**
 * A 5xx answer, raised inside the circuit breaker so that it counts as a failure there, and turned
 * back into the plain answer by {@link CamelHttpSender} afterwards (callers still see every status).
 */
public final class ServerErrorAnswer extends RuntimeException {

    private final transient OutboundResponse response;

    public ServerErrorAnswer(OutboundResponse response) {
        super("remote system answered " + response.status(), null, false, false);
        this.response = response;
    }

    public OutboundResponse response() {
        return response;
    }
}
