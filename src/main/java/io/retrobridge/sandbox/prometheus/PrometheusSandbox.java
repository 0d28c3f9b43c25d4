package io.retrobridge.sandbox.prometheus;

import io.retrobridge.sandbox.FaultPlan;
import io.retrobridge.sandbox.PresentedCredentials;
import io.retrobridge.sandbox.SandboxRequest;
import io.retrobridge.sandbox.SandboxResponse;
import io.retrobridge.sandbox.SimulatedSystem;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A Prometheus server's query API in a box: {@code /api/v1/query} and {@code /api/v1/query_range} (GET, or POST
 * with a form body), {@code /api/v1/status/buildinfo} and {@code /-/ready}, with Prometheus's answer and error
 * shapes. It evaluates no PromQL: it holds recorded series under the text of the query that reads them, and a query
 * it holds nothing for gets an empty result, as a selector that matches nothing does. Misbehaviour on demand:
 * timeouts, execution errors, slow answers, answers without data, warnings.
 *
 * <pre>{@code
 * try (PrometheusSandbox prometheus = new PrometheusSandbox(0, Clock.systemUTC()).start()) {
 *     prometheus.record("sum(rate(http_requests_total[5m]))", Map.of(), Signal.constant(120));
 *     // GET prometheus.baseUrl() + "/api/v1/query?query=sum(rate(http_requests_total[5m]))"
 * }
 * }</pre>
 */
public final class PrometheusSandbox extends SimulatedSystem<PrometheusSandbox> {

    private final Recordings recordings = new Recordings();
    private final QueryEndpoints queries;
    private volatile Optional<PresentedCredentials.Basic> basic = Optional.empty();
    private volatile Optional<String> bearer = Optional.empty();

    /** @param port 0 picks a free port */
    public PrometheusSandbox(int port, Clock clock) throws IOException {
        super("Prometheus", port, new PrometheusErrors(), clock);
        this.queries = new QueryEndpoints(recordings, clock);
        queries.register(server());
        StatusEndpoints.register(server());
    }

    /**
     * From now on {@code query} (as a client sends it; whitespace between tokens does not matter) answers one more
     * series with these labels, measuring {@code signal}.
     *
     * @throws IllegalArgumentException when Prometheus could not parse the query either (unbalanced brackets)
     */
    public PrometheusSandbox record(String query, Map<String, String> labels, Signal signal) {
        recordings.add(query, new RecordedSeries(labels, signal));
        return this;
    }

    /** Forgets every recording: every query answers an empty result. */
    public PrometheusSandbox forgetRecordings() {
        recordings.clear();
        return this;
    }

    /** Puts recordings in place: the demo's, or the PIR queries for any service. */
    public PrometheusSeed seed() {
        return new PrometheusSeed(this);
    }

    /** Callers must send Basic credentials {@code user:password} (or the bearer token, when one is required too). */
    public PrometheusSandbox requireBasic(String user, String password) {
        this.basic = Optional.of(new PresentedCredentials.Basic(user, password));
        return this;
    }

    /** Callers must send {@code Authorization: Bearer token} (or the Basic credentials, when they are required too). */
    public PrometheusSandbox requireBearer(String token) {
        this.bearer = Optional.of(token);
        return this;
    }

    /** The next {@code times} queries get 503 with Prometheus's timeout error. */
    public PrometheusSandbox timeoutNext(int times) {
        faults().next(times, isQuery(), new FaultPlan.Respond(PrometheusErrors.timeout()));
        return this;
    }

    /** The next {@code times} queries get 422, the execution error of a query that failed while evaluated. */
    public PrometheusSandbox executionErrorNext(int times, String message) {
        faults().next(times, isQuery(), new FaultPlan.Respond(PrometheusErrors.execution(message)));
        return this;
    }

    /**
     * The next {@code times} queries get 200 {@code {"status":"success"}} with no {@code data}, as a broken proxy
     * might give.
     */
    public PrometheusSandbox answerWithoutDataNext(int times) {
        faults().next(times, isQuery(),
                new FaultPlan.Respond(SandboxResponse.json(200, Map.of("status", "success"))));
        return this;
    }

    /** The next {@code times} successful query answers carry {@code warnings}, as a partial answer does. */
    public PrometheusSandbox warnNext(int times, String... warnings) {
        queries.warnNext(times, List.of(warnings));
        return this;
    }

    /** Every request waits {@code delay} before it is answered ({@link Duration#ZERO} to stop). */
    public PrometheusSandbox delayAnswers(Duration delay) {
        faults().latency(delay);
        return this;
    }

    /** Forgets every injected fault, delay and pending warning; recordings and credentials stay. */
    public PrometheusSandbox behave() {
        faults().clear();
        queries.clearWarnings();
        return this;
    }

    private static Predicate<SandboxRequest> isQuery() {
        return request -> request.path().startsWith("/api/v1/query");
    }

    /** Open when no credentials are required, as Prometheus is without a web configuration. */
    @Override
    protected Optional<SandboxResponse> refuseUnknownCaller(SandboxRequest request) {
        if (basic.isEmpty() && bearer.isEmpty()) {
            return Optional.empty();
        }
        Optional<PresentedCredentials> presented = PresentedCredentials.of(request);
        boolean accepted = presented.map(this::accepts).orElse(false);
        return accepted ? Optional.empty() : Optional.of(PrometheusErrors.unauthorized());
    }

    private boolean accepts(PresentedCredentials credentials) {
        if (credentials instanceof PresentedCredentials.Basic given) {
            return basic.filter(expected -> expected.user().equals(given.user())
                    && PresentedCredentials.sameSecret(expected.secret(), given.secret())).isPresent();
        }
        PresentedCredentials.Bearer given = (PresentedCredentials.Bearer) credentials;
        return bearer.filter(expected -> PresentedCredentials.sameSecret(expected, given.token())).isPresent();
    }
}
