package io.retrobridge.transport;

/**
 * Puts one request on the wire and brings back whatever the remote system answered. The application's
 * sender is {@link ResilientSender} (rate limiter, retries honouring Retry-After) around
 * {@link CamelHttpSender}, whose calls pass each system's circuit breaker route in
 * {@code routes/outbound.yaml}; {@link RemoteSystem} uses it unchanged.
 */
@FunctionalInterface
public interface OutboundSender {

    /**
     * @return the answer, whatever its status
     * @throws RemoteCallException when no answer came (UNREACHABLE, TIMEOUT, TLS)
     */
    OutboundResponse send(HttpTarget target, OutboundRequest request);
}
