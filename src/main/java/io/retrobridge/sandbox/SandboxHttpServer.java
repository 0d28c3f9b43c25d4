package io.retrobridge.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server for a simulated system: routes by method and path template, checks
 * credentials, injects the faults of its {@link FaultPlan} and logs every exchange. It uses the JDK's
 * own server so a simulator starts in milliseconds inside a test or the demo.
 */
public final class SandboxHttpServer implements AutoCloseable {

    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        SandboxResponse handle(SandboxRequest request);
    }

    private record Route(String method, Pattern pattern, List<String> variables, Handler handler) {
    }

    private static final Logger log = LoggerFactory.getLogger(SandboxHttpServer.class);
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private static final int BODY_LIMIT_BYTES = 10 * 1024 * 1024;

    private final String name;
    private final ErrorBodies errors;
    private final Function<SandboxRequest, Optional<SandboxResponse>> authentication;
    private final FaultPlan faults;
    private final RequestLog requests = new RequestLog();
    private final List<Route> routes = new ArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * @param port           0 picks a free port
     * @param authentication answers a refusal when the request's credentials are not accepted
     */
    public SandboxHttpServer(String name, int port, ErrorBodies errors,
            Function<SandboxRequest, Optional<SandboxResponse>> authentication, Clock clock) throws IOException {
        this.name = name;
        this.errors = errors;
        this.authentication = authentication;
        this.faults = new FaultPlan(errors, clock);
        this.server = bind(name, port);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-sandbox-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
    }

    private static HttpServer bind(String name, int port) throws IOException {
        try {
            return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        } catch (BindException e) {
            throw new SandboxPortInUseException(name, port, e);
        }
    }

    /** Registers a route; {@code pathTemplate} may hold {@code {variables}} that match one path segment. */
    public SandboxHttpServer route(String method, String pathTemplate, Handler handler) {
        List<String> variables = new ArrayList<>();
        Matcher m = VARIABLE.matcher(pathTemplate);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(pathTemplate.substring(last, m.start()))).append("([^/]+)");
            variables.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(pathTemplate.substring(last)));
        routes.add(new Route(method, Pattern.compile(regex.toString()), variables, handler));
        return this;
    }

    public SandboxHttpServer start() {
        server.start();
        log.info("{} sandbox listening on {}", name, baseUrl());
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + port());
    }

    public FaultPlan faults() {
        return faults;
    }

    public RequestLog requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        SandboxRequest request;
        try {
            request = read(exchange);
        } catch (IOException | RuntimeException e) {
            send(exchange, errors.error(400, "Unreadable request: " + e.getMessage()));
            return;
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        try {
            // As a real server does, the rate limit counts a request when it arrives, and the log says when it did;
            // the latency is the time the answer takes.
            Instant arrived = Instant.now();
            Optional<FaultPlan.Fault> fault = faults.faultFor(request);
            sleep(faults.latency().toMillis());
            if (fault.isPresent() && fault.get() instanceof FaultPlan.DropConnection) {
                requests.add(new RequestLog.Entry(arrived, request.method(), request.path(), rawQuery,
                        request.body(), 0));
                exchange.close();
                return;
            }
            SandboxResponse response = fault.map(f -> ((FaultPlan.Respond) f).response())
                    .or(() -> authentication.apply(request))
                    .orElseGet(() -> dispatch(request));
            requests.add(new RequestLog.Entry(arrived, request.method(), request.path(), rawQuery,
                    request.body(), response.status()));
            send(exchange, response);
        } catch (RuntimeException e) {
            log.warn("{} sandbox failed on {} {}: {}", name, request.method(), request.path(), e.toString());
            send(exchange, errors.error(500, "Internal server error"));
        }
    }

    private SandboxResponse dispatch(SandboxRequest request) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(request.path());
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equalsIgnoreCase(request.method())) {
                continue;
            }
            Map<String, String> variables = new LinkedHashMap<>();
            for (int i = 0; i < route.variables().size(); i++) {
                variables.put(route.variables().get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
            }
            SandboxRequest withVariables = new SandboxRequest(request.method(), request.path(), variables,
                    request.query(), request.headers(), request.body());
            try {
                return route.handler().handle(withVariables);
            } catch (SandboxJson.MalformedJson e) {
                return errors.error(400, "Unexpected character in request body: " + e.getMessage());
            }
        }
        return pathKnown ? errors.error(405, "Method " + request.method() + " is not allowed here")
                : errors.error(404, "No resource at " + request.path());
    }

    private static SandboxRequest read(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(BODY_LIMIT_BYTES + 1);
            if (bytes.length > BODY_LIMIT_BYTES) {
                throw new IOException("body larger than " + BODY_LIMIT_BYTES + " bytes");
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        URI uri = exchange.getRequestURI();
        return new SandboxRequest(exchange.getRequestMethod().toUpperCase(), uri.getPath(), Map.of(),
                decodeQuery(uri.getRawQuery()), Map.copyOf(exchange.getRequestHeaders()), body);
    }

    /** Decodes a query string or a form body ({@code application/x-www-form-urlencoded}); keeps repeated keys. */
    public static Map<String, List<String>> decodeQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static void send(HttpExchange exchange, SandboxResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] body = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
