package io.retrobridge.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances' outbound senders, through the breaker route and Camel HTTP, sharing one bucket on PostgreSQL:
 * what reaches Jira together stays within Jira's requests-per-second, where each pacing itself would send twice that.
 */
class SharedRateLimitHttpTest {

    static final double PER_SECOND = 8;
    static final int THREADS_PER_INSTANCE = 2;
    static final int CALLS_PER_THREAD = 6;
    /**
     * Arrivals are stamped by the server, after the network and the scheduler have added their delay to each start
     * (the starts themselves are counted exactly, per second). No more than the rate in any window this much shorter
     * than a second allows for 250 ms of such delay and still refuses what two instances pacing alone would send:
     * twice the rate, 12 calls in such a window.
     */
    static final long ARRIVAL_WINDOW_MILLIS = 750;

    WireMockServer jira;
    DefaultCamelContext camel;

    @BeforeEach
    void start() throws Exception {
        jira = new WireMockServer(options().dynamicPort());
        jira.start();
        jira.stubFor(get(urlPathEqualTo("/rest/api/3/myself")).willReturn(aResponse().withStatus(200).withBody("{}")));
        camel = OutboundRoutesFixture.startWithOutboundRoutes(new Properties());
    }

    @AfterEach
    void stop() {
        camel.stop();
        jira.stop();
    }

    @Test
    void twoInstancesSharingTheBucketTogetherStayWithinJirasLimit() throws Exception {
        ResilienceProperties settings = new ResilienceProperties(
                new ResilienceProperties.PerSystem(1, PER_SECOND, null, null, null, null, null, null, null), null);
        try (SharedBucketsDatabase database = new SharedBucketsDatabase()) {
            List<RemoteSystem> instances = List.of(instance(settings, database), instance(settings, database));
            // The first call of each thread opens connections and warms the HTTP client, which delays its arrival
            // by far more than a start interval: measure the instances as they run, after one call each.
            callTogether(instances, 1);
            jira.resetRequests();
            database.forgetStarts();

            int calls = callTogether(instances, CALLS_PER_THREAD);

            List<Long> arrivals = jira.getAllServeEvents().stream()
                    .map(ServeEvent::getRequest).map(request -> request.getLoggedDate().getTime()).sorted().toList();
            assertThat(arrivals).hasSize(calls).hasSize(2 * THREADS_PER_INSTANCE * CALLS_PER_THREAD);
            assertThat(mostIn(arrivals, ARRIVAL_WINDOW_MILLIS)).as("arrivals at Jira in any %d ms", ARRIVAL_WINDOW_MILLIS)
                    .isLessThanOrEqualTo((int) PER_SECOND);
            assertThat(database.startsMicros()).as("every call took a permit").hasSize(calls);
            assertThat(SharedBucketsDatabase.mostStartsInOneSecond(database.startsMicros()))
                    .as("starts in any one second").isLessThanOrEqualTo((int) PER_SECOND);
        }
    }

    /** Every instance's threads call Jira {@code callsPerThread} times, all released at once; answers the calls made. */
    private static int callTogether(List<RemoteSystem> instances, int callsPerThread) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(instances.size() * THREADS_PER_INSTANCE);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answered = new ArrayList<>();
        for (RemoteSystem instance : instances) {
            for (int thread = 0; thread < THREADS_PER_INSTANCE; thread++) {
                answered.add(callers.submit(() -> {
                    go.await();
                    for (int call = 0; call < callsPerThread; call++) {
                        instance.call(new OutboundRequest("GET", "/rest/api/3/myself", List.of(), Map.of(), null));
                    }
                    return callsPerThread;
                }));
            }
        }
        go.countDown();
        callers.shutdown();
        assertThat(callers.awaitTermination(2, TimeUnit.MINUTES)).as("every caller finished").isTrue();
        int calls = 0;
        for (Future<Integer> caller : answered) {
            calls += caller.get();
        }
        return calls;
    }

    private RemoteSystem instance(ResilienceProperties settings, SharedBucketsDatabase database) {
        OutboundSender sender = new ResilientSender(new CamelHttpSender(camel, camel.createProducerTemplate(), true),
                settings, new OutboundMetrics(new SimpleMeterRegistry()), database.node(1));
        return new RemoteSystem(new HttpTarget("Jira", URI.create("http://localhost:" + jira.port()),
                Duration.ofSeconds(2), Duration.ofSeconds(5)), Credentials.basic("bot@acme.example", "jira-token"), sender);
    }

    private static int mostIn(List<Long> sortedMillis, long windowMillis) {
        int most = 0;
        int end = 0;
        for (int first = 0; first < sortedMillis.size(); first++) {
            while (end < sortedMillis.size() && sortedMillis.get(end) < sortedMillis.get(first) + windowMillis) {
                end++;
            }
            most = Math.max(most, end - first);
        }
        return most;
    }
}
