package io.retrobridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.apache.camel.component.timer.TimerEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The route files name their settings without defaults: what nobody set comes from the settings class, what an
 * application property sets wins.
 */
@SpringBootTest(properties = {
        "retrobridge.sync.poll-interval=7s",
        "retrobridge.resilience.servicenow.breaker-wait-seconds=12"})
@ActiveProfiles("test")
class RouteSettingsTest {

    @Autowired
    CamelContext camel;

    @Test
    void anUnsetSettingTakesTheClassDefaultAndASetOneItsValue() {
        TimerEndpoint poll = timer("jira-poll");
        assertThat(poll.getPeriod()).as("set as an application property").isEqualTo(7_000);
        assertThat(poll.getDelay()).as("first-poll-delay: set nowhere, InboxProperties says 2s").isEqualTo(2_000);
        assertThat(timer("unreadable-recheck").getPeriod()).as("UnreadableProperties says 5m").isEqualTo(300_000);
        assertThat(timer("mappings-reload").getPeriod()).as("MappingsProperties says 2s").isEqualTo(2_000);
        assertThat(camel.getRoute("jira-poll").isAutoStartup()).as("the test profile turns the sync off").isFalse();
    }

    @Test
    void eachTemplatedOutboundRouteGetsItsSystemsBreakerSettings() {
        assertThat(breaker("servicenow-breaker").getWaitIntervalFunctionInOpenState().apply(1))
                .isEqualTo(Duration.ofSeconds(12).toMillis());
        assertThat(breaker("jira-breaker").getWaitIntervalFunctionInOpenState().apply(1))
                .isEqualTo(Duration.ofSeconds(30).toMillis());
        assertThat(breaker("jira-breaker").getSlidingWindowSize()).isEqualTo(20);
        assertThat(breaker("jira-breaker").getMinimumNumberOfCalls()).isEqualTo(10);
    }

    private TimerEndpoint timer(String routeId) {
        return (TimerEndpoint) camel.getRoute(routeId).getEndpoint();
    }

    private CircuitBreakerConfig breaker(String id) {
        return ((ResilienceProcessor) camel.getProcessor(id)).getCircuitBreaker().getCircuitBreakerConfig();
    }
}
