package io.retrobridge.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.common.Metadata;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * WireMock in front of a simulator: every request is passed through to it (so the simulator keeps the real
 * state), except the first K requests that match an injected fault, which meet the fault instead. The faults are
 * what a network or proxy does to a call: the connection reset, closed without an answer, an answer cut off in
 * the middle, garbage with a 200, or the real answer arriving too late.
 */
public final class FaultyProxy implements AutoCloseable {

    private static final String FAULT = "fault";

    private final WireMockServer wire;
    private final String target;
    private final AtomicInteger injections = new AtomicInteger();
    private final List<StubMapping> faults = new ArrayList<>();

    private FaultyProxy(URI target) {
        this.target = target.toString().replaceAll("/+$", "");
        this.wire = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new WithoutFields()));
        wire.start();
        wire.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().proxiedFrom(this.target)));
    }

    /** A proxy on a free local port that passes everything through to {@code target}. */
    public static FaultyProxy inFrontOf(URI target) {
        return new FaultyProxy(target);
    }

    public URI baseUrl() {
        return URI.create(wire.baseUrl());
    }

    /** What a fault does to a request, as WireMock's answer. */
    public interface Kind {
        String name();

        ResponseDefinitionBuilder answer(String target);
    }

    private record Named(String name, Function<String, ResponseDefinitionBuilder> build) implements Kind {
        @Override
        public ResponseDefinitionBuilder answer(String target) {
            return build.apply(target);
        }
    }

    /** The connection is reset by the peer before any answer; the request never reaches the system. */
    public static final Kind CONNECTION_RESET = new Named("connection-reset",
            t -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    /** The connection is closed without a byte of answer. */
    public static final Kind EMPTY_RESPONSE = new Named("empty-response", t -> aResponse().withFault(Fault.EMPTY_RESPONSE));
    /** A 200 whose chunked body breaks off with garbage. */
    public static final Kind MALFORMED_CHUNK = new Named("malformed-response-chunk",
            t -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
    /** A 200 with a JSON body that does not parse, as a confused proxy or a half-written cache would send. */
    public static final Kind GARBAGE_JSON = new Named("malformed-json-200", t -> aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json").withBody("{\"result\": [{\"sys_id\": \"9d3"));

    /**
     * The system really handles the request and answers 2xx, but the answer lacks {@code fields} (at its top level
     * and in a ServiceNow {@code result}), as a gateway that trims answers, or an answer shaped by a business rule,
     * would send it.
     */
    public static Kind answerWithout(String... fields) {
        return new Named("answer-without-" + String.join("-", fields), t -> aResponse().proxiedFrom(t)
                .withTransformers(WithoutFields.NAME).withTransformerParameter("remove", String.join(",", fields)));
    }

    /** Drops the named fields from a JSON answer. */
    private static final class WithoutFields implements ResponseTransformerV2 {
        static final String NAME = "without-fields";
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public Response transform(Response response, ServeEvent event) {
            try {
                JsonNode body = JSON.readTree(response.getBodyAsString());
                for (String field : event.getTransformerParameters().getString("remove").split(",")) {
                    if (body instanceof ObjectNode object) {
                        object.remove(field);
                        if (object.get("result") instanceof ObjectNode result) {
                            result.remove(field);
                        }
                    }
                }
                HttpHeaders headers = new HttpHeaders(response.getHeaders().all().stream()
                        .filter(h -> !h.keyEquals("Content-Length")).toList());
                return Response.Builder.like(response).but().headers(headers).body(JSON.writeValueAsString(body)).build();
            } catch (java.io.IOException notJson) {
                return response;
            }
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    /** The system really handles the request, but its answer arrives after {@code delay}. */
    public static Kind slow(Duration delay) {
        return new Named("slow-" + delay.toMillis() + "ms",
                t -> aResponse().proxiedFrom(t).withFixedDelay((int) delay.toMillis()));
    }

    /**
     * The next {@code times} requests whose method is {@code method} (or any, for null) and whose path matches
     * {@code pathRegex} meet {@code kind}; later ones reach the system again. A WireMock scenario counts them.
     */
    public synchronized void failNext(int times, String method, String pathRegex, Kind kind) {
        String scenario = "fault-" + injections.incrementAndGet();
        for (int i = 0; i < times; i++) {
            String state = i == 0 ? Scenario.STARTED : "after-" + i;
            var matcher = method == null ? any(urlPathMatching(pathRegex))
                    : request(method, urlPathMatching(pathRegex));
            StubMapping stub = wire.stubFor(matcher.atPriority(1)
                    .inScenario(scenario).whenScenarioStateIs(state).willSetStateTo("after-" + (i + 1))
                    .withMetadata(Metadata.metadata().attr(FAULT, kind.name()))
                    .willReturn(kind.answer(target)));
            faults.add(stub);
        }
    }

    /** Requests that met an injected fault since the last {@link #reset}. */
    public long injected() {
        return wire.getAllServeEvents().stream().filter(FaultyProxy::metFault).count();
    }

    /** Requests passed through since the last {@link #reset}, faults included. */
    public long requests() {
        return wire.getAllServeEvents().size();
    }

    private static boolean metFault(ServeEvent event) {
        StubMapping stub = event.getStubMapping();
        return stub != null && stub.getMetadata() != null && stub.getMetadata().containsKey(FAULT);
    }

    /** Forgets injected faults and the requests seen; everything passes through again. */
    public synchronized void reset() {
        faults.forEach(wire::removeStub);
        faults.clear();
        wire.resetScenarios();
        wire.resetRequests();
    }

    @Override
    public void close() {
        wire.stop();
    }
}
