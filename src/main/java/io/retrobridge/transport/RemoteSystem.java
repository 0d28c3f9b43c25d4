package io.retrobridge.transport;

import java.net.URI;
import java.util.Objects;

/**
 * One remote system (Jira, ServiceNow) as every adapter reaches it: where it is, how long to wait,
 * which credentials to send, and through which {@link OutboundSender}. Adds the Authorization header
 * and, when credentials are tokens, fetches a fresh token once after a 401.
 */
public final class RemoteSystem {

    private final HttpTarget target;
    private final Credentials credentials;
    private final OutboundSender sender;

    public RemoteSystem(HttpTarget target, Credentials credentials, OutboundSender sender) {
        this.target = Objects.requireNonNull(target, "target");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    /** "Jira" or "ServiceNow". */
    public String name() {
        return target.system();
    }

    /** The base URL without any user info: safe to show. */
    public URI baseUrl() {
        return target.baseUrl();
    }

    public HttpTarget target() {
        return target;
    }

    /** Who we call as (never the secret). */
    public String principal() {
        return credentials.principal();
    }

    /**
     * Sends with credentials and returns the answer whatever its status, so an adapter can treat
     * e.g. 404 as "not there". Throws only when no answer came, or the token endpoint refused us.
     */
    public OutboundResponse exchange(OutboundRequest request) {
        OutboundResponse response = sendAuthorized(request);
        if (response.status() == 401 && credentials.renewAfterRefusal()) {
            response = sendAuthorized(request);
        }
        return response;
    }

    /** Like {@link #exchange}, but anything other than 2xx becomes a {@link RemoteCallException}. */
    public OutboundResponse call(OutboundRequest request) {
        OutboundResponse response = exchange(request);
        if (!response.isSuccess()) {
            throw RemoteCallException.forResponse(name(), request, response);
        }
        return response;
    }

    private OutboundResponse sendAuthorized(OutboundRequest request) {
        String authorization = credentials.authorization(this::callWithoutCredentials);
        // Null: the system is open to us without credentials (Credentials.none()).
        return sender.send(target, authorization == null ? request : request.withHeader("Authorization", authorization));
    }

    private OutboundResponse callWithoutCredentials(OutboundRequest request) {
        OutboundResponse response = sender.send(target, request);
        if (!response.isSuccess()) {
            throw RemoteCallException.forResponse(name(), request, response);
        }
        return response;
    }

    @Override
    public String toString() {
        return "RemoteSystem[" + name() + " " + baseUrl() + " as " + principal() + "]";
    }
}
