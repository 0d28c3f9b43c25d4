package io.retrobridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.flow.inbox.InboxProperties;
import io.retrobridge.flow.items.UnreadableProperties;
import io.retrobridge.transport.ResilienceProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.component.timer.TimerEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a {{retrobridge.*}} placeholder of a route file finds its value in the settings beans. */
class SettingsPlaceholdersTest {

    static final InboxProperties SYNC = new InboxProperties(1, Duration.ofMinutes(5), null, Duration.ofHours(24),
            true, Duration.ofSeconds(7), Duration.ofMillis(1500), Duration.ofSeconds(1), Duration.ofSeconds(30));
    static final UnreadableProperties UNREADABLE = new UnreadableProperties(5, Duration.ofMinutes(15),
            Duration.ofMinutes(4));

    final SettingsPlaceholders placeholders = SettingsPlaceholders.of(Map.of(
            "retrobridge.sync", SYNC,
            "retrobridge.sync.unreadable", UNREADABLE,
            "retrobridge.resilience", ResilienceProperties.defaults()));

    DefaultCamelContext camel;

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
    }

    @Test
    void durationsAreGivenInMillisecondsTheUnitOfTimerAndBreakerOptions() {
        assertThat(placeholders.getProperty("retrobridge.sync.poll-interval")).isEqualTo("7000");
        assertThat(placeholders.getProperty("retrobridge.sync.first-poll-delay")).isEqualTo("1500");
        assertThat(placeholders.getProperty("retrobridge.sync.enabled")).isEqualTo("true");
    }

    @Test
    void theLongestPrefixDecidesWhichSettingsAnswer() {
        assertThat(placeholders.getProperty("retrobridge.sync.unreadable.recheck-interval")).isEqualTo("240000");
    }

    @Test
    void nestedSettingsAndRelaxedNamesAreFollowed() {
        assertThat(placeholders.getProperty("retrobridge.resilience.servicenow.breaker-window")).isEqualTo("20");
        assertThat(placeholders.getProperty("retrobridge.resilience.jira.breakerWaitSeconds")).isEqualTo("30");
        assertThat(placeholders.getProperty("retrobridge.sync.POLL_INTERVAL")).isEqualTo("7000");
    }

    @Test
    void settingsWrittenAsJavaBeansAreReadThroughTheirGetters() {
        SettingsPlaceholders beans = SettingsPlaceholders.of(Map.of("retrobridge.watch", new WatchSettings()));

        assertThat(beans.getProperty("retrobridge.watch.check-interval")).isEqualTo("90000");
        assertThat(beans.getProperty("retrobridge.watch.unknown")).isNull();
    }

    @Test
    void whatNoSettingsClassDeclaresGetsNoAnswer() {
        assertThat(placeholders.getProperty("retrobridge.sync.pol-interval")).isNull();
        assertThat(placeholders.getProperty("retrobridge.resilience.jira")).as("a group, not a value").isNull();
        assertThat(placeholders.getProperty("retrobridge.resilience.jira.breaker-window.x")).isNull();
        assertThat(placeholders.getProperty("retrobridge.escalation.enabled")).as("no bean for the prefix").isNull();
        assertThat(placeholders.getProperty("server.port")).isNull();
    }

    @Test
    void aRouteFileReadsTheSettingsWithoutDefaultsOfItsOwn(@TempDir Path dir) throws Exception {
        Path route = dir.resolve("poll.yaml");
        Files.writeString(route, timerRoute("retrobridge.sync.poll-interval"));

        camel = startWith(route);

        TimerEndpoint timer = (TimerEndpoint) camel.getRoute("poll").getEndpoint();
        assertThat(timer.getPeriod()).isEqualTo(7000);
        assertThat(timer.getDelay()).isEqualTo(1500);
    }

    @Test
    void anUnknownKeyStopsTheRouteWithTheKeyAndTheFileNamed(@TempDir Path dir) throws Exception {
        Path route = dir.resolve("poll.yaml");
        Files.writeString(route, timerRoute("retrobridge.sync.pol-interval"));

        assertThatThrownBy(() -> camel = startWith(route))
                .hasMessageContaining("retrobridge.sync.pol-interval")
                .hasMessageContaining(route.toString());
    }

    /** Settings the JavaBean way, as Boot binds a class with setters. */
    public static class WatchSettings {
        private Duration checkInterval = Duration.ofSeconds(90);

        public Duration getCheckInterval() {
            return checkInterval;
        }

        public void setCheckInterval(Duration checkInterval) {
            this.checkInterval = checkInterval;
        }
    }

    private DefaultCamelContext startWith(Path route) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().addPropertiesSource(placeholders);
        try {
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "file:" + route));
            context.start();
        } catch (Exception | Error e) {
            context.stop();
            throw e;
        }
        return context;
    }

    private static String timerRoute(String periodKey) {
        return """
                - route:
                    id: poll
                    from:
                      uri: timer:poll
                      parameters:
                        delay: "{{retrobridge.sync.first-poll-delay}}"
                        period: "{{%s}}"
                      steps:
                        - log: polled
                """.formatted(periodKey);
    }
}
