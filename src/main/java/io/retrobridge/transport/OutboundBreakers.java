package io.retrobridge.transport;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.resilience4j.ResilienceProcessor;

/**
 * What the breaker routes in {@code routes/outbound.yaml} call (bean {@code outboundBreakers}), and the
 * breaker state as a metric. The breakers themselves are the ones Camel's circuit breaker EIP builds
 * from the route; they are found by the node id {@code <system>-breaker}.
 */
public final class OutboundBreakers implements MeterBinder {

    /** The systems that have an outbound route, as {@link HttpTarget#system()} names them. */
    public static final List<String> SYSTEMS = List.of("Jira", "ServiceNow", "Prometheus", "GitHub-API", "GitLab",
            "Azure-DevOps");

    private final CamelContext camel;
    /** When each breaker last opened, learnt from its events; breakers are watched from their first call. */
    private final Map<CircuitBreaker, Instant> openedAt = new ConcurrentHashMap<>();

    public OutboundBreakers(CamelContext camel) {
        this.camel = camel;
    }

    /** "jira", "servicenow": the part of route and property names that names the system. */
    public static String key(String system) {
        return system.toLowerCase(Locale.ROOT);
    }

    /** Route step after the HTTP call: a 5xx answer is a failure the breaker must count. */
    public void countServerError(Exchange exchange) {
        watch(exchange);
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status >= 500) {
            throw new ServerErrorAnswer(CamelHttpSender.answerOf(exchange.getMessage()));
        }
    }

    /**
     * The breaker's fallback runs after every failure, and also when the breaker refused the call. A
     * real failure is passed on unchanged; a refusal becomes {@link CircuitOpenException}.
     */
    public void afterFailure(Exchange exchange, String system) throws Exception {
        watch(exchange);
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (caught instanceof Exception failure) {
            throw failure;
        }
        if (caught instanceof Error error) {
            throw error;
        }
        throw new CircuitOpenException(refusal(system));
    }

    String refusal(String system) {
        Optional<CircuitBreaker> breaker = breakerOf(system);
        int failures = breaker.map(b -> b.getMetrics().getNumberOfFailedCalls()).orElse(0);
        long waitSeconds = breaker.map(b -> b.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1))
                .orElse(0L) / 1000;
        String state = breaker.map(b -> b.getState() == CircuitBreaker.State.HALF_OPEN ? "half-open" : "open")
                .orElse("open");
        Instant opened = breaker.map(openedAt::get).filter(at -> !Instant.EPOCH.equals(at)).orElse(null);
        String resume = opened == null ? "the " + waitSeconds + " s wait"
                : opened.plusSeconds(waitSeconds).truncatedTo(ChronoUnit.SECONDS) + " (" + waitSeconds + " s after it opened)";
        return "circuit " + state + " for " + system + ": " + failures + " recent failures; calls resume after "
                + resume + " once a trial call succeeds (wait set by retrobridge.resilience." + key(system)
                + ".breaker-wait-seconds)";
    }

    /** Starts following a breaker's state changes the first time one of its calls passes here. */
    private void watch(Exchange exchange) {
        String routeId = exchange.getFromRouteId();
        if (routeId == null || !routeId.startsWith("outbound-")) {
            return;
        }
        Processor processor = camel.getProcessor(routeId.substring("outbound-".length()) + "-breaker");
        if (processor instanceof ResilienceProcessor breakerProcessor && breakerProcessor.getCircuitBreaker() != null) {
            CircuitBreaker breaker = breakerProcessor.getCircuitBreaker();
            openedAt.computeIfAbsent(breaker, b -> {
                b.getEventPublisher().onStateTransition(event -> {
                    if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                        openedAt.put(b, event.getCreationTime().toInstant());
                    }
                });
                return Instant.EPOCH;
            });
        }
    }

    /** 0 closed, 1 open, 2 half-open; NaN while the route is not (yet) there. */
    public double stateCode(String system) {
        return breakerOf(system).map(b -> switch (b.getState()) {
            case OPEN, FORCED_OPEN -> 1.0;
            case HALF_OPEN -> 2.0;
            default -> 0.0;
        }).orElse(Double.NaN);
    }

    /** Looked up on each use: a reloaded route brings a new breaker. */
    Optional<CircuitBreaker> breakerOf(String system) {
        Processor processor = camel.getProcessor(key(system) + "-breaker");
        return processor instanceof ResilienceProcessor breaker ? Optional.ofNullable(breaker.getCircuitBreaker())
                : Optional.empty();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String system : SYSTEMS) {
            Gauge.builder("retrobridge.outbound.breaker.state", this, b -> b.stateCode(system))
                    .description("Circuit breaker per system: 0 closed, 1 open, 2 half-open")
                    .tag("system", system)
                    .register(registry);
        }
    }
}
