package io.retrobridge.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Which pacing the application's outbound sender uses: its own by default, the database's buckets when asked. */
class RateLimitsWiringTest {

    static WireMockServer wire = new WireMockServer(options().dynamicPort());

    @BeforeAll
    static void startWireMock() {
        wire.start();
        wire.stubFor(get("/api/now/table/sys_user").willReturn(aResponse().withStatus(200).withBody("{\"result\":[]}")));
    }

    @AfterAll
    static void stopWireMock() {
        wire.stop();
    }

    static void callServiceNow(OutboundSender sender) {
        HttpTarget serviceNow = new HttpTarget("ServiceNow", URI.create("http://localhost:" + wire.port()),
                Duration.ofSeconds(2), Duration.ofSeconds(5));
        sender.send(serviceNow, OutboundRequest.get("/api/now/table/sys_user"));
    }

    static List<Map<String, Object>> buckets(JdbcClient jdbc) {
        return jdbc.sql("SELECT remote_system, requests_per_second, burst FROM rate_buckets").query().listOfRows();
    }

    /** A single instance with nothing set paces itself, as it always has, and writes no bucket. */
    @Nested
    @SpringBootTest
    @ActiveProfiles("test")
    class ByDefault {

        @Autowired
        OutboundSender sender;

        @Autowired
        JdbcClient jdbc;

        @Test
        void aCallIsPacedHereAndLeavesNoBucket() {
            callServiceNow(sender);

            wire.verify(getRequestedFor(urlPathEqualTo("/api/now/table/sys_user")));
            assertThat(buckets(jdbc)).isEmpty();
        }
    }

    /** Asked to share, the first call writes the system's bucket from this instance's settings and takes a permit. */
    @Nested
    @SpringBootTest(properties = {"retrobridge.resilience.rate-limits=shared",
        "retrobridge.resilience.servicenow.requests-per-second=7", "retrobridge.resilience.shared-burst=2"})
    @ActiveProfiles("test")
    class Shared {

        @Autowired
        OutboundSender sender;

        @Autowired
        JdbcClient jdbc;

        @Test
        void theFirstCallWritesTheBucketFromThisInstancesSettings() {
            callServiceNow(sender);

            wire.verify(getRequestedFor(urlPathEqualTo("/api/now/table/sys_user")));
            // The application's own start-up calls may have written other systems' buckets too.
            assertThat(buckets(jdbc)).filteredOn(bucket -> "ServiceNow".equals(bucket.get("REMOTE_SYSTEM")))
                    .singleElement().satisfies(bucket -> {
                        assertThat(((Number) bucket.get("REQUESTS_PER_SECOND")).doubleValue()).isEqualTo(7.0);
                        assertThat(((Number) bucket.get("BURST")).intValue()).isEqualTo(2);
                    });
        }
    }
}
