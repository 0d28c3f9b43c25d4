package io.retrobridge.sandbox;

import java.net.BindException;

/** A simulator could not listen because another process already holds its port. */
public class SandboxPortInUseException extends BindException {

    private final String sandbox;
    private final int port;

    public SandboxPortInUseException(String sandbox, int port, BindException cause) {
        super("The " + sandbox + " sandbox cannot listen on port " + port + ": the port is already in use");
        initCause(cause);
        this.sandbox = sandbox;
        this.port = port;
    }

    public String sandbox() {
        return sandbox;
    }

    public int port() {
        return port;
    }
}
