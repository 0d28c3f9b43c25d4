package io.retrobridge.insight.gauges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.timer.TimerEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** routes/report-gauges.yaml runs the refresh on its timer, with the timing its settings give, and not without sync. */
class ReportGaugesRouteTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final Refreshes refreshes = new Refreshes();

    /** Stands in for {@link ReportGauges}: counts the refreshes the route asks for. */
    public static final class Refreshes {
        final AtomicInteger runs = new AtomicInteger();

        public void refresh() {
            runs.incrementAndGet();
        }
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void theTimerRunsTheRefreshWithItsSettings() throws Exception {
        start("true");

        TimerEndpoint timer = (TimerEndpoint) camel.getRoute("report-gauges").getEndpoint();
        assertThat(timer.getPeriod()).isEqualTo(3_600_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> refreshes.runs.get() == 1);
    }

    @Test
    void noRefreshRunsWhenTheSyncIsOff() throws Exception {
        start("false");

        assertThat(camel.getRouteController().getRouteStatus("report-gauges")).isEqualTo(ServiceStatus.Stopped);
        assertThat(refreshes.runs.get()).isZero();
    }

    private void start(String syncEnabled) throws Exception {
        camel.getRegistry().bind("reportGauges", refreshes);
        Properties settings = new Properties();
        settings.put("retrobridge.sync.enabled", syncEnabled);
        settings.put("retrobridge.report-gauges.first-refresh-delay", "0s");
        settings.put("retrobridge.report-gauges.refresh-interval", "1h");
        camel.getPropertiesComponent().setInitialProperties(settings);
        PluginHelper.getRoutesLoader(camel).loadRoutes(
                ResourceHelper.resolveMandatoryResource(camel, "file:routes/report-gauges.yaml"));
        camel.start();
    }
}
