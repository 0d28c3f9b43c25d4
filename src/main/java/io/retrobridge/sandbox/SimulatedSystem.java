package io.retrobridge.sandbox;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What every simulated system has in common: its HTTP server with fault injection and request log, the
 * start/stop lifecycle, and a check that refuses callers without valid credentials.
 *
 * @param <S> the system itself, so {@link #start()} chains into its own methods
 */
public abstract class SimulatedSystem<S extends SimulatedSystem<S>> implements AutoCloseable {

    private final SandboxHttpServer server;

    /** @param port 0 picks a free port */
    protected SimulatedSystem(String name, int port, ErrorBodies errors, Clock clock) throws IOException {
        Objects.requireNonNull(clock, "clock");
        // Only asked once requests arrive, which is after start(), when the subclass is fully built.
        this.server = new SandboxHttpServer(name, port, errors, this::refuseUnknownCaller, clock);
    }

    /** An error answer when the request's credentials are not accepted; empty lets it through. */
    protected abstract Optional<SandboxResponse> refuseUnknownCaller(SandboxRequest request);

    protected final SandboxHttpServer server() {
        return server;
    }

    @SuppressWarnings("unchecked")
    public S start() {
        server.start();
        return (S) this;
    }

    public URI baseUrl() {
        return server.baseUrl();
    }

    public FaultPlan faults() {
        return server.faults();
    }

    public RequestLog requests() {
        return server.requests();
    }

    @Override
    public void close() {
        server.close();
    }
}
