package io.retrobridge.transport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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
 */
public class CamelHttpSender implements OutboundSender {

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final Map<HttpTarget, HttpEndpoint> endpoints = new ConcurrentHashMap<>();

    public CamelHttpSender(CamelContext camel, ProducerTemplate producer) {
        this.camel = camel;
        this.producer = producer;
    }

    @Override
    public OutboundResponse send(HttpTarget target, OutboundRequest request) {
        HttpEndpoint endpoint = endpoints.computeIfAbsent(target, this::createEndpoint);
        Exchange result = producer.send(endpoint, exchange -> {
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
        if (result.getException() != null) {
            throw RemoteCallException.forTransportFailure(target.system(), request, target.hostAndPort(),
                    result.getException());
        }
        Message answer = result.getMessage();
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
