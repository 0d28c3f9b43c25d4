package io.retrobridge.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The application loads routes/outbound.yaml and its outbound sender really goes through it. */
@SpringBootTest
@ActiveProfiles("test")
class OutboundRoutesSpringTest {

    static WireMockServer wire = new WireMockServer(options().dynamicPort());

    @Autowired
    CamelContext camel;

    @Autowired
    OutboundSender sender;

    @Autowired
    OutboundBreakers breakers;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void startWireMock() {
        wire.start();
    }

    @AfterAll
    static void stopWireMock() {
        wire.stop();
    }

    @Test
    void bothBreakerRoutesAreLoadedAndACallPassesThroughOne() {
        assertThat(camel.getRoute("outbound-jira")).isNotNull();
        assertThat(camel.getRoute("outbound-servicenow")).isNotNull();
        wire.stubFor(get("/api/now/table/sys_user").willReturn(aResponse().withStatus(200).withBody("{\"result\":[]}")));
        HttpTarget serviceNow = new HttpTarget("ServiceNow", URI.create("http://localhost:" + wire.port()),
                Duration.ofSeconds(2), Duration.ofSeconds(5));
        // The context is shared with other tests, whose failed calls may have left ServiceNow's breaker half-open.
        breakers.breakerOf("ServiceNow").orElseThrow().reset();
        int before = breakers.breakerOf("ServiceNow").orElseThrow().getMetrics().getNumberOfSuccessfulCalls();

        OutboundResponse answer = sender.send(serviceNow, OutboundRequest.get("/api/now/table/sys_user"));

        assertThat(answer.body()).isEqualTo("{\"result\":[]}");
        wire.verify(1, getRequestedFor(urlPathEqualTo("/api/now/table/sys_user")));
        assertThat(breakers.breakerOf("ServiceNow").orElseThrow().getMetrics().getNumberOfSuccessfulCalls())
                .as("the breaker saw the call").isEqualTo(before + 1);
        assertThat(meters.get("retrobridge.outbound.calls").tag("system", "ServiceNow").tag("outcome", "success")
                .counter().count()).isPositive();
        assertThat(meters.get("retrobridge.outbound.breaker.state").tag("system", "ServiceNow").gauge().value())
                .isZero();
        assertThat(meters.get("retrobridge.outbound.ratelimiter.waits").tag("system", "ServiceNow").timer().count())
                .isPositive();
    }
}
