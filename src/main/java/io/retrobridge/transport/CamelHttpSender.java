package io.retrobridge.transport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Sends through Camel's {@code http}/{@code https} component. One endpoint per target, keyed by base
 * URL and timeouts; method, path and query travel in the exchange headers, so endpoints are not
 * multiplied per request. Every status comes back as an answer ({@code throwExceptionOnFailure=false}).
 * The HTTP client keeps no cookies (a session cookie would keep a caller "logged in" after its
 * credentials were revoked), follows no redirects and does not retry on its own: retries are a
 * decision for the resilience layer, which must see every attempt.
 *
 * <p>Each call goes through the route {@code direct:outbound-<system>} of {@code routes/outbound.yaml},
 * which wraps the HTTP call in that system's circuit breaker; the route sends to the endpoint named in
 * the exchange property {@link #ENDPOINT}.
 */
public class CamelHttpSender implements OutboundSender {

    /** Exchange property holding the endpoint URI the outbound route sends to. */
    public static final String ENDPOINT = "retrobridgeEndpoint";

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final boolean breakerRequired;
    private final Map<HttpTarget, HttpEndpoint> endpoints = new ConcurrentHashMap<>();

    /**
     * Goes through the system's outbound route when the context has it, else straight to the endpoint
     * (a bare CamelContext without routes, as in adapter tests).
     */
    public CamelHttpSender(CamelContext camel, ProducerTemplate producer) {
        this(camel, producer, false);
    }

    /**
     * @param breakerRequired refuse to send when the system's outbound route is missing, so no call
     *                        ever leaves without its circuit breaker
     */
    public CamelHttpSender(CamelContext camel, ProducerTemplate producer, boolean breakerRequired) {
        this.camel = camel;
        this.producer = producer;
        this.breakerRequired = breakerRequired;
    }

    @Override
    public OutboundResponse send(HttpTarget target, OutboundRequest request) {
        HttpEndpoint endpoint = endpoints.computeIfAbsent(target, this::createEndpoint);
        String routeId = "outbound-" + target.system().toLowerCase(Locale.ROOT);
        boolean routed = camel.getRoute(routeId) != null;
        if (!routed && breakerRequired) {
            throw new IllegalStateException("route " + routeId + " is missing: routes/outbound.yaml must define "
                    + "direct:" + routeId + " (the circuit breaker for " + target.system() + "); not sending "
                    + request.describe() + " without it");
        }
        Exchange result = producer.send(routed ? "direct:" + routeId : endpoint.getEndpointUri(), exchange -> {
            exchange.setProperty(ENDPOINT, endpoint.getEndpointUri());
            Message in = exchange.getIn();
            in.setHeader(Exchange.HTTP_METHOD, request.method());
            in.setHeader(Exchange.HTTP_PATH, request.path());
            if (!request.query().isEmpty()) {
                // Already encoded once; RAW keeps Camel from encoding it a second time.
                in.setHeader(Exchange.HTTP_RAW_QUERY, request.encodedQuery());
            }
            request.headers().forEach(in::setHeader);
            in.setBody(request.body());
        });
        Exception failure = result.getException();
        if (failure == null) {
            return answerOf(result.getMessage());
        }
        ServerErrorAnswer serverError = result.getException(ServerErrorAnswer.class);
        if (serverError != null) {
            return serverError.response();
        }
        CircuitOpenException refused = result.getException(CircuitOpenException.class);
        if (refused != null) {
            throw RemoteCallException.forOpenCircuit(target.system(), request, refused.getMessage());
        }
        throw RemoteCallException.forTransportFailure(target.system(), request, target.hostAndPort(), failure);
    }

    /** The HTTP answer in a Camel message, as the plain answer callers see. */
    static OutboundResponse answerOf(Message answer) {
        int status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        return new OutboundResponse(status, responseHeaders(answer), answer.getBody(String.class));
    }

    private HttpEndpoint createEndpoint(HttpTarget target) {
        // Options that never carry a secret: credentials go in the Authorization header per call.
        String uri = target.baseUrl() + "?throwExceptionOnFailure=false&copyHeaders=false"
                + "&connectTimeout=" + target.connectTimeout().toMillis()
                + "&connectionRequestTimeout=" + target.connectTimeout().toMillis()
                + "&responseTimeout=" + target.readTimeout().toMillis()
                + "&soTimeout=" + target.readTimeout().toMillis();
        HttpEndpoint endpoint = camel.getEndpoint(uri, HttpEndpoint.class);
        endpoint.setHttpClientConfigurer(CamelHttpSender::predictableClient);
        return endpoint;
    }

    private static void predictableClient(HttpClientBuilder builder) {
        builder.disableCookieManagement().disableAutomaticRetries().disableRedirectHandling();
    }

    private static Map<String, List<String>> responseHeaders(Message answer) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        answer.getHeaders().forEach((name, value) -> {
            if (name.startsWith("Camel") || value == null) {
                return;
            }
            List<String> values = new ArrayList<>();
            if (value instanceof Collection<?> many) {
                many.forEach(v -> values.add(String.valueOf(v)));
            } else {
                values.add(String.valueOf(value));
            }
            headers.put(name, values);
        });
        return headers;
    }
}
