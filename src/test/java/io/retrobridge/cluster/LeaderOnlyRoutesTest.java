package io.retrobridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.retrobridge.sync.Fence;
import io.retrobridge.sync.LeadershipLoss;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The leader routes run while this instance leads, and only then; every other route runs as ever. */
class LeaderOnlyRoutesTest {

    private final AtomicInteger forgotten = new AtomicInteger();
    private final LeadershipLoss gauges = forgotten::incrementAndGet;
    private final LeaderOnlyRoutes routes = new LeaderOnlyRoutes(Set.of("poll", "switched-off-poll"), List.of(gauges));
    private CamelContext camel;

    @BeforeEach
    void startCamel() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutePolicyFactory(routes);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:poll?period=60000").routeId("poll").log("poll");
                from("timer:switched-off-poll?period=60000").routeId("switched-off-poll").autoStartup(false).log("off");
                from("timer:inbox-worker?period=60000").routeId("inbox-worker").log("drain");
            }
        });
        routes.beforeApplicationStart(camel);
        camel.start();
        routes.afterApplicationStart(camel);
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
        routes.destroy();
    }

    private ServiceStatus status(String routeId) {
        return camel.getRouteController().getRouteStatus(routeId);
    }

    @Test
    void aLeaderRouteWaitsForTheElectionWhileOtherRoutesStart() {
        assertThat(status("inbox-worker")).isEqualTo(ServiceStatus.Started);
        assertThat(status("poll")).isEqualTo(ServiceStatus.Stopped);
        assertThat(routes.isManaged("poll")).isTrue();
        assertThat(routes.isManaged("inbox-worker")).isFalse();
    }

    @Test
    void electedTheLeaderRoutesStartAndARouteSwitchedOffByItsSettingStaysOff() {
        routes.granted(new Fence("retrobridge", 1));

        await().atMost(Duration.ofSeconds(10)).until(() -> status("poll") == ServiceStatus.Started);
        assertThat(status("switched-off-poll")).isEqualTo(ServiceStatus.Stopped);
        assertThat(status("inbox-worker")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void noLongerLeadingTheLeaderRoutesStopAndWhatTheyShowedIsForgotten() {
        routes.granted(new Fence("retrobridge", 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> status("poll") == ServiceStatus.Started);

        routes.revoked();

        await().atMost(Duration.ofSeconds(10)).until(() -> status("poll") == ServiceStatus.Stopped);
        await().atMost(Duration.ofSeconds(10)).until(() -> forgotten.get() == 1);
        assertThat(status("inbox-worker")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void electedBeforeCamelWasUpTheLeaderRoutesStartOnceItIs() throws Exception {
        CamelContext later = new DefaultCamelContext();
        LeaderOnlyRoutes early = new LeaderOnlyRoutes(Set.of("poll"), List.of());
        later.addRoutePolicyFactory(early);
        later.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:poll?period=60000").routeId("poll").log("poll");
            }
        });
        try {
            early.granted(new Fence("retrobridge", 3));
            later.start();
            assertThat(later.getRouteController().getRouteStatus("poll")).isEqualTo(ServiceStatus.Stopped);

            early.afterApplicationStart(later);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> later.getRouteController().getRouteStatus("poll") == ServiceStatus.Started);
        } finally {
            later.stop();
            early.destroy();
        }
    }
}
