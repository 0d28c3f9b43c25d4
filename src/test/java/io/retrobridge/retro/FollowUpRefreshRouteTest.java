package io.retrobridge.retro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.retrobridge.domain.Retrospective;
import io.retrobridge.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.camel.component.timer.TimerEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** routes/retrospective-follow-ups.yaml runs the refresh on its timer, with the timing its settings give. */
class FollowUpRefreshRouteTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private final DefaultCamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void theTimerRunsTheRefreshBean() throws Exception {
        FollowUpRefreshTest.Retrospectives retrospectives = new FollowUpRefreshTest.Retrospectives();
        FollowUpRefreshTest.Tasks tasks = new FollowUpRefreshTest.Tasks();
        FollowUpRefreshTest.FollowUps followUps = new FollowUpRefreshTest.FollowUps();
        Retrospective retrospective = retrospectives.opened("change:CHG0030001", NOW.minus(Duration.ofDays(1)));
        tasks.under(retrospective, "task-1");
        camel.getRegistry().bind("followUpRefresh", new FollowUpRefresh(retrospectives, tasks, followUps,
                new FollowUpRefreshTest.Deletions(), RetrospectivesProperties.defaults(), new MutableClock(NOW)));
        Properties settings = new Properties();
        settings.put("retrobridge.sync.enabled", "true");
        settings.put("retrobridge.retrospectives.follow-up-first-refresh-delay", "1");
        settings.put("retrobridge.retrospectives.follow-up-refresh-interval", "3600000");
        camel.getPropertiesComponent().setInitialProperties(settings);
        PluginHelper.getRoutesLoader(camel).loadRoutes(
                ResourceHelper.resolveMandatoryResource(camel, "file:routes/retrospective-follow-ups.yaml"));

        camel.start();

        TimerEndpoint timer = (TimerEndpoint) camel.getRoute("retrospective-follow-ups").getEndpoint();
        assertThat(timer.getPeriod()).isEqualTo(3_600_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> followUps.refreshedAt(retrospective.id()).isPresent());
        assertThat(followUps.of(retrospective.id())).containsExactly("task-1");
    }
}
