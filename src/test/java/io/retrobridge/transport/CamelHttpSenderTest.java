package io.retrobridge.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.retrobridge.transport.RemoteCallException.Failure;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What goes on the wire through Camel HTTP, and how every kind of failure comes back. */
class CamelHttpSenderTest {

    static final String TOKEN = "jira-token-Zq81Lm";

    WireMockServer wire;
    DefaultCamelContext camel;
    CamelHttpSender sender;

    @BeforeEach
    void start() throws Exception {
        wire = new WireMockServer(options().dynamicPort().dynamicHttpsPort());
        wire.start();
        // Through the real breaker route, as in the application.
        camel = OutboundRoutesFixture.startWithOutboundRoutes(new Properties());
        sender = new CamelHttpSender(camel, camel.createProducerTemplate(), true);
    }

    @AfterEach
    void stop() {
        camel.stop();
        wire.stop();
    }

    RemoteSystem jira(String baseUrl, Duration readTimeout) {
        return new RemoteSystem(new HttpTarget("Jira", URI.create(baseUrl), Duration.ofSeconds(2), readTimeout),
                Credentials.basic("bot@acme.example", TOKEN), sender);
    }

    String http() {
        return "http://localhost:" + wire.port();
    }

    RemoteSystem jira() {
        return jira(http(), Duration.ofSeconds(5));
    }

    @Test
    void queryValuesArriveExactlyAsGivenWhateverTheyHold() {
        wire.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).willReturn(aResponse().withStatus(200).withBody("{}")));
        String jql = "project = \"R&D\" AND summary ~ \"50% done^=x\" ORDER BY key";

        jira().call(OutboundRequest.get("/rest/api/3/search/jql").withQuery("jql", jql).withQuery("fields", "summary,ü"));

        wire.verify(getRequestedFor(urlPathEqualTo("/rest/api/3/search/jql"))
                .withQueryParam("jql", equalTo(jql))
                .withQueryParam("fields", equalTo("summary,ü"))
                .withHeader("Authorization", equalTo("Basic Ym90QGFjbWUuZXhhbXBsZTpqaXJhLXRva2VuLVpxODFMbQ=="))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void jsonBodyAndHeadersGoOutAndTheAnswerComesBackWithItsHeaders() {
        wire.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(201)
                .withHeader("X-RateLimit-Remaining", "99").withBody("{\"key\":\"RB-1\"}")));

        OutboundResponse created = jira().call(OutboundRequest.post("/rest/api/3/issue", "{\"fields\":{\"summary\":\"Fix\"}}"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("{\"key\":\"RB-1\"}");
        assertThat(created.header("x-ratelimit-remaining")).contains("99");
        assertThat(created.headers().keySet()).noneMatch(name -> name.equalsIgnoreCase("Authorization"));
        wire.verify(postRequestedFor(urlPathEqualTo("/rest/api/3/issue"))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("application/json"))
                .withRequestBody(equalToJson("{\"fields\":{\"summary\":\"Fix\"}}")));
    }

    @Test
    void aContextPathInTheBaseUrlIsKept() {
        wire.stubFor(get("/jira/rest/api/2/myself").willReturn(aResponse().withStatus(200).withBody("{}")));

        assertThat(jira(http() + "/jira/", Duration.ofSeconds(5))
                .call(OutboundRequest.get("/rest/api/2/myself")).status()).isEqualTo(200);
    }

    @Test
    void cookiesAreNeverSentBack() {
        // A session cookie would keep us "signed in" after our credentials were revoked.
        wire.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Set-Cookie", "JSESSIONID=abc123; Path=/").withBody("{}")));

        jira().call(OutboundRequest.get("/one"));
        jira().call(OutboundRequest.get("/two"));

        wire.verify(getRequestedFor(urlPathEqualTo("/two")).withHeader("Cookie", absent()));
    }

    @Test
    void statusCodesComeBackAsTypedFailuresWithoutAutomaticRetries() {
        wire.stubFor(get("/limited").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
        wire.stubFor(get("/broken").willReturn(aResponse().withStatus(503)));
        wire.stubFor(get("/gone").willReturn(aResponse().withStatus(404)));
        wire.stubFor(get("/denied").willReturn(aResponse().withStatus(403)));
        wire.stubFor(get("/refused").willReturn(aResponse().withStatus(401)));
        wire.stubFor(get("/bad").willReturn(aResponse().withStatus(400)));

        assertThatThrownBy(() -> jira().call(OutboundRequest.get("/limited")))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.RATE_LIMITED);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                    assertThat(e).hasMessage("Jira GET /limited answered 429 (rate limited); retry after 7 s");
                });
        assertThat(failureOf("/broken")).isEqualTo(Failure.SERVER_ERROR);
        assertThat(failureOf("/gone")).isEqualTo(Failure.NOT_FOUND);
        assertThat(failureOf("/denied")).isEqualTo(Failure.FORBIDDEN);
        assertThat(failureOf("/refused")).isEqualTo(Failure.UNAUTHORIZED);
        assertThat(failureOf("/bad")).isEqualTo(Failure.CLIENT_ERROR);
        // The HTTP client would otherwise retry 429/503 on its own, hidden from our resilience layer.
        wire.verify(1, getRequestedFor(urlPathEqualTo("/limited")));
        wire.verify(1, getRequestedFor(urlPathEqualTo("/broken")));
    }

    @Test
    void exchangeHandsBackAnyStatusForTheAdapterToJudge() {
        wire.stubFor(get("/gone").willReturn(aResponse().withStatus(404).withBody("{\"errorMessages\":[\"no\"]}")));

        OutboundResponse answer = jira().exchange(OutboundRequest.get("/gone"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("errorMessages");
    }

    @Test
    void aPortNobodyListensOnIsUnreachable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        assertThatThrownBy(() -> jira("http://127.0.0.1:" + closed, Duration.ofSeconds(5)).call(OutboundRequest.get("/x")))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.UNREACHABLE);
                    assertThat(e.getMessage()).startsWith("Jira GET /x cannot reach 127.0.0.1:" + closed)
                            .doesNotContain(TOKEN);
                });
    }

    @Test
    void aSlowAnswerIsATimeout() {
        wire.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));

        assertThatThrownBy(() -> jira(http(), Duration.ofMillis(300)).call(OutboundRequest.get("/slow")))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> assertThat(e.failure()).isEqualTo(Failure.TIMEOUT));
    }

    @Test
    void aSelfSignedCertificateIsATlsFailure() {
        wire.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        assertThatThrownBy(() -> jira("https://localhost:" + wire.httpsPort(), Duration.ofSeconds(5))
                .call(OutboundRequest.get("/secure")))
                .isInstanceOfSatisfying(RemoteCallException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.TLS);
                    assertThat(e.getMessage()).contains("TLS handshake with localhost:" + wire.httpsPort());
                });
    }

    @Test
    void requestsRefuseAPathThatSmugglesAQuery() {
        assertThatThrownBy(() -> OutboundRequest.get("/rest/api/3/issue?jql=x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no query");
        assertThat(OutboundRequest.segment("RB 1/2")).isEqualTo("RB%201%2F2");
    }

    @Test
    void credentialsAndBaseUrlUserInfoNeverShowInText() {
        RemoteSystem system = new RemoteSystem(new HttpTarget("Jira", URI.create("https://me:pw-Q9@acme.example/"),
                Duration.ofSeconds(1), Duration.ofSeconds(1)), Credentials.basic("bot@acme.example", TOKEN), sender);

        assertThat(system.baseUrl()).hasToString("https://acme.example");
        assertThat(system.toString()).doesNotContain(TOKEN).doesNotContain("pw-Q9");
        assertThat(Credentials.bearer(TOKEN, "pat").toString()).doesNotContain(TOKEN);
    }

    private Failure failureOf(String path) {
        try {
            jira().call(OutboundRequest.get(path));
        } catch (RemoteCallException e) {
            assertThat(e.getMessage()).startsWith("Jira GET " + path + " answered ").doesNotContain(TOKEN);
            return e.failure();
        }
        throw new AssertionError(path + " did not fail");
    }
}
