package io.retrobridge.transport;

/**
 * Puts one request on the wire and brings back whatever the remote system answered. This is the seam
 * for per-system resilience: a decorator (circuit breaker, retry honouring Retry-After, rate limiter)
 * implements this interface around {@link CamelHttpSender}, or a Camel route does the same around the
 * HTTP endpoint, and {@link RemoteSystem} uses it unchanged.
 */
@FunctionalInterface
public interface OutboundSender {

    /**
     * @return the answer, whatever its status
     * @throws RemoteCallException when no answer came (UNREACHABLE, TIMEOUT, TLS)
     */
    OutboundResponse send(HttpTarget target, OutboundRequest request);
}
