package io.retrobridge.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retrobridge.testsupport.MutableClock;
import io.retrobridge.transport.RemoteCallException.Failure;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retries, waits, rate limiting and the circuit breaker, against WireMock through the real
 * routes/outbound.yaml. Waits go to a recording sleeper that moves a test clock, so nothing sleeps.
 */
class ResilientSenderTest {

    WireMockServer wire;
    DefaultCamelContext camel;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    List<Duration> waits = new ArrayList<>();
    ClockScheduler refreshes = new ClockScheduler(clock);
    Sleeper recordingSleeper = wait -> {
        waits.add(wait);
        clock.advance(wait);
        refreshes.runDue();
    };
    OutboundBreakers breakers;

    @BeforeEach
    void start() throws Exception {
        wire = new WireMockServer(options().dynamicPort());
        wire.start();
        camel = OutboundRoutesFixture.startWithOutboundRoutes(new Properties());
        breakers = new OutboundBreakers(camel);
        breakers.bindTo(meters);
    }

    @AfterEach
    void stop() {
        camel.stop();
        wire.stop();
    }

    RemoteSystem jira(ResilienceProperties settings) {
        ResilientSender sender = new ResilientSender(new CamelHttpSender(camel, camel.createProducerTemplate(), true),
                settings, new OutboundMetrics(meters), clock, recordingSleeper, () -> 0.5, pacing());
        return new RemoteSystem(new HttpTarget("Jira", URI.create("http://localhost:" + wire.port()),
                Duration.ofSeconds(2), Duration.ofSeconds(5)), Credentials.basic("bot@acme.example", "tok-1"), sender);
    }

    /** The real rate limiters, refreshed on the test clock. */
    OutboundPacing pacing() {
        return new OutboundPacing(refreshes, refreshes::nanoTime, recordingSleeper);
    }

    RemoteSystem jira() {
        return jira(ResilienceProperties.defaults());
    }

    /** Answers the statuses in order, then 200 for ever. */
    void answersInTurn(String method, int... statuses) {
        String state = STARTED;
        for (int i = 0; i < statuses.length; i++) {
            String next = "after-" + (i + 1);
            var mapping = "POST".equals(method) ? post(anyUrl()) : get(anyUrl());
            wire.stubFor(mapping.inScenario("flaky").whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(statuses[i])).willSetStateTo(next));
            state = next;
        }
        var ok = "POST".equals(method) ? post(anyUrl()) : get(anyUrl());
        wire.stubFor(ok.inScenario("flaky").whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));
    }

    int requestsSeen() {
        return wire.findAll(anyRequestedFor(anyUrl())).size();
    }

    double counter(String name, String tag, String value) {
        var counter = meters.find(name).tag("system", "Jira").tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void a429WithRetryAfterIsRetriedOnceAfterWaitingAtLeastThatLong() {
        wire.stubFor(get(anyUrl()).inScenario("limited").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("calm"));
        wire.stubFor(get(anyUrl()).inScenario("limited").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));

        OutboundResponse answer = jira().call(OutboundRequest.get("/rest/api/3/myself"));

        assertThat(answer.body()).isEqualTo("{\"ok\":true}");
        assertThat(requestsSeen()).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        assertThat(counter("retrobridge.outbound.retries", "reason", "rate_limited")).isEqualTo(1);
        assertThat(counter("retrobridge.outbound.calls", "outcome", "success")).isEqualTo(1);
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateIsWaitedOutBeforeTheNextAttempt() {
        String inTwentySeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(20));
        wire.stubFor(get(anyUrl()).inScenario("down").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", inTwentySeconds)).willSetStateTo("up"));
        wire.stubFor(get(anyUrl()).inScenario("down").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));

        assertThat(jira().call(OutboundRequest.get("/rest/api/3/myself")).status()).isEqualTo(200);

        // Without the date the pinned jitter would wait 250 ms; the date's whole seconds are waited instead.
        assertThat(requestsSeen()).isEqualTo(2);
        assertThat(waits).singleElement().satisfies(wait -> assertThat(wait).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(20)));
        assertThat(counter("retrobridge.outbound.retries", "reason", "server_error")).isEqualTo(1);
    }

    @Test
    void aRetryAfterLongerThanMaxBackoffIsHandedToTheCallerInsteadOfWaitedOut() {
        wire.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> jira().call(OutboundRequest.get("/rest/api/3/myself")))
                .isInstanceOfSatisfying(RemoteCallException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
        assertThat(requestsSeen()).isEqualTo(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void a429WithoutRetryAfterWaitsTheRateLimitFloor() {
        answersInTurn("GET", 429);

        jira().call(OutboundRequest.get("/rest/api/3/myself"));

        // Jittered first step would be 250 ms; a limited system gets at least the 5 s floor.
        assertThat(waits).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void threeServiceUnavailableAnswersAreRiddenOutWithGrowingWaits() {
        answersInTurn("GET", 503, 503, 503);

        OutboundResponse answer = jira().call(OutboundRequest.get("/rest/api/3/issue/RB-1"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(requestsSeen()).isEqualTo(4);
        // Half of 500 ms, 1 s, 2 s: exponential, with the pinned jitter.
        assertThat(waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(counter("retrobridge.outbound.retries", "reason", "server_error")).isEqualTo(3);
    }

    @Test
    void aServerThatKeepsFailingGivesUpAfterMaxAttemptsThenTheBreakerOpensAndCallsFailFast() {
        wire.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500)));
        RemoteSystem jira = jira();

        assertThatThrownBy(() -> jira.call(OutboundRequest.get("/rest/api/3/issue/RB-1")))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.SERVER_ERROR);
                    assertThat(e.status()).hasValue(500);
                });
        assertThat(requestsSeen()).isEqualTo(5);
        assertThat(breakers.stateCode("Jira")).isZero();

        // Five more failures make 10 of 10: past the 50 % threshold with the minimum of calls seen.
        assertThatThrownBy(() -> jira.call(OutboundRequest.get("/rest/api/3/issue/RB-1")))
                .isInstanceOf(RemoteCallException.class);
        assertThat(requestsSeen()).isEqualTo(10);
        assertThat(meters.get("retrobridge.outbound.breaker.state").tag("system", "Jira").gauge().value()).isEqualTo(1.0);

        assertThatThrownBy(() -> jira.call(OutboundRequest.get("/rest/api/3/issue/RB-2")))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.circuitOpen()).isTrue();
                    assertThat(e.getMessage()).matches("Jira GET /rest/api/3/issue/RB-2 not sent: circuit open for Jira: "
                            + "10 recent failures; calls resume after \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ "
                            + "\\(30 s after it opened\\) once a trial call succeeds "
                            + "\\(wait set by retrobridge.resilience.jira.breaker-wait-seconds\\)");
                });
        assertThat(requestsSeen()).as("refused without reaching Jira").isEqualTo(10);
        assertThat(counter("retrobridge.outbound.calls", "outcome", "circuit_open")).isEqualTo(1);
        assertThat(counter("retrobridge.outbound.calls", "outcome", "server_error")).isEqualTo(2);
    }

    @Test
    void unauthorizedAndNotFoundAreNeitherRetriedNorHeldAgainstTheSystem() {
        wire.stubFor(get("/refused").willReturn(aResponse().withStatus(401)));
        wire.stubFor(get("/gone").willReturn(aResponse().withStatus(404)));
        RemoteSystem jira = jira();

        for (int i = 0; i < 12; i++) {
            assertThat(jira.exchange(OutboundRequest.get("/gone")).status()).isEqualTo(404);
        }
        assertThatThrownBy(() -> jira.call(OutboundRequest.get("/refused")))
                .isInstanceOfSatisfying(RemoteCallException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.UNAUTHORIZED));

        assertThat(requestsSeen()).isEqualTo(13);
        assertThat(meters.find("retrobridge.outbound.retries").counters()).isEmpty();
        // 13 calls at 10 per second: only rate-limiter spacing, no retry wait.
        assertThat(waits).hasSize(12).containsOnly(Duration.ofMillis(100));
        assertThat(breakers.stateCode("Jira")).as("breaker still closed").isZero();
        assertThat(counter("retrobridge.outbound.calls", "outcome", "not_found")).isEqualTo(12);
    }

    @Test
    void rateLimitingAndConflictsDoNotOpenTheBreakerButTimeoutsDo() {
        wire.stubFor(get("/limited").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        wire.stubFor(get("/conflict").willReturn(aResponse().withStatus(409)));
        wire.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(1_000)));
        ResilienceProperties once = new ResilienceProperties(
                new ResilienceProperties.PerSystem(1, null, null, null, null, null, null, null, null), null);
        ResilientSender sender = new ResilientSender(new CamelHttpSender(camel, camel.createProducerTemplate(), true),
                once, new OutboundMetrics(meters), clock, recordingSleeper, () -> 0.5, pacing());
        HttpTarget impatient = new HttpTarget("Jira", URI.create("http://localhost:" + wire.port()),
                Duration.ofSeconds(1), Duration.ofMillis(150));

        for (int i = 0; i < 6; i++) {
            assertThat(sender.send(impatient, OutboundRequest.get("/limited")).status()).isEqualTo(429);
            assertThat(sender.send(impatient, OutboundRequest.get("/conflict")).status()).isEqualTo(409);
        }
        assertThat(breakers.stateCode("Jira")).isZero();

        for (int i = 0; i < 12; i++) {
            try {
                sender.send(impatient, OutboundRequest.get("/slow"));
            } catch (RemoteCallException expected) {
                assertThat(expected.failure()).isIn(Failure.TIMEOUT, Failure.UNREACHABLE);
            }
        }
        // After ten timeouts the last 20 calls are half failures: the breaker opens, the rest fail fast.
        assertThat(breakers.stateCode("Jira")).isEqualTo(1.0);
    }

    @Test
    void aPostThatFailedWithAServerErrorIsNotSentTwice() {
        answersInTurn("POST", 500);

        assertThatThrownBy(() -> jira().call(OutboundRequest.post("/rest/api/3/issue", "{}")))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> assertThat(e.status()).hasValue(500));
        assertThat(requestsSeen()).isEqualTo(1);
    }

    @Test
    void aPostThatOnlyReadsIsSentAgainAfterAServerErrorLikeAGet() {
        answersInTurn("POST", 500, 500);

        OutboundRequest query = OutboundRequest.postForm("/api/v1/query", java.util.Map.of("query", "up")).asReadOnly();
        assertThat(jira().call(query).status()).isEqualTo(200);
        assertThat(requestsSeen()).isEqualTo(3);
    }

    @Test
    void aPostRefusedWithServiceUnavailableIsSentAgain() {
        answersInTurn("POST", 503);

        assertThat(jira().call(OutboundRequest.post("/rest/api/3/issue", "{}")).status()).isEqualTo(200);
        assertThat(requestsSeen()).isEqualTo(2);
    }

    @Test
    void aRefusedConnectionIsRetriedEvenForAPost() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ResilientSender sender = new ResilientSender(new CamelHttpSender(camel, camel.createProducerTemplate(), true),
                ResilienceProperties.defaults(), new OutboundMetrics(meters), clock, recordingSleeper, () -> 0.5, pacing());
        HttpTarget nowhere = new HttpTarget("Jira", URI.create("http://127.0.0.1:" + closed), Duration.ofSeconds(1),
                Duration.ofSeconds(1));

        assertThatThrownBy(() -> sender.send(nowhere, OutboundRequest.post("/rest/api/3/issue", "{}")))
                .isInstanceOfSatisfying(RemoteCallException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.UNREACHABLE));
        assertThat(waits).hasSize(4);
        assertThat(counter("retrobridge.outbound.retries", "reason", "unreachable")).isEqualTo(4);
    }

    @Test
    void aConnectionCheckTriesOnceAndReportsWhatItGot() {
        answersInTurn("GET", 503);

        OutboundResponse answer = ResilientSender.singleAttempt(() -> jira().exchange(OutboundRequest.get("/rest/api/3/myself")));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(requestsSeen()).isEqualTo(1);
    }

    @Test
    void serviceNowHasItsOwnDefaultsAndUnknownSystemsAreNamed() {
        ResilienceProperties defaults = ResilienceProperties.defaults();

        assertThat(defaults.forSystem("Jira").requestsPerSecond()).isEqualTo(10.0);
        assertThat(defaults.forSystem("ServiceNow").requestsPerSecond()).isEqualTo(20.0);
        assertThat(defaults.forSystem("ServiceNow").maxAttempts()).isEqualTo(5);
        assertThatThrownBy(() -> defaults.forSystem("Acme")).hasMessageContaining("no resilience settings for system Acme");
        assertThatThrownBy(() -> new ResilienceProperties.PerSystem(0, null, null, null, null, null, null, null, null))
                .hasMessage("retrobridge.resilience: max-attempts must be at least 1 (1 means: never retry)");
        assertThatThrownBy(() -> new ResilienceProperties.PerSystem(null, null, Duration.ofMinutes(1), Duration.ofSeconds(30),
                null, null, null, null, null))
                .hasMessage("retrobridge.resilience: initial-backoff must be at least 1ms and at most max-backoff, "
                        + "e.g. 500ms and 30s");
        assertThatThrownBy(() -> new ResilienceProperties.PerSystem(null, null, null, null, Duration.ofSeconds(-1),
                null, null, null, null))
                .hasMessage("retrobridge.resilience: rate-limit-floor must not be negative, e.g. 5s");
    }

    @Test
    void theRateLimiterSpacesCallsEvenly() {
        wire.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)));
        RemoteSystem jira = jira(new ResilienceProperties(
                new ResilienceProperties.PerSystem(null, 5.0, null, null, null, null, null, null, null), null));
        Instant begin = clock.instant();

        for (int i = 0; i < 10; i++) {
            jira.call(OutboundRequest.get("/rest/api/3/myself"));
        }

        assertThat(Duration.between(begin, clock.instant())).isGreaterThanOrEqualTo(Duration.ofMillis(1800));
        assertThat(waits).hasSize(9).allSatisfy(w -> assertThat(w).isEqualTo(Duration.ofMillis(200)));
        var timer = meters.get("retrobridge.outbound.ratelimiter.waits").tag("system", "Jira").timer();
        assertThat(timer.count()).isEqualTo(10);
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(1800.0);
    }
}
