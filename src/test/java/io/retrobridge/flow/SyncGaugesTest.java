package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.Watermark;
import io.retrobridge.jira.JiraPoller;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.WatermarkStore;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The gauges an operator watches move with the inbox and the pollers' watermarks. */
@SpringBootTest
@ActiveProfiles("test")
class SyncGaugesTest {

    @Autowired
    MeterRegistry registry;

    @Autowired
    EventInbox inbox;

    @Autowired
    WatermarkStore watermarks;

    @Test
    void pendingEventsAndWatermarkLagAreGauged() {
        double before = registry.get("retrobridge.inbox.pending").gauge().value();
        assertThat(registry.get("retrobridge.poll.watermark.lag").tag("system", "jira").gauge().value()).isNaN();

        inbox.accept(InboundEvent.received(ExternalSystem.JIRA, "jira:issue_updated", "10001", "gauge-test-1",
                Instant.now(), "{}"));
        watermarks.save(new Watermark(JiraPoller.WATERMARK, Instant.now().minusSeconds(90), Set.of("10001")));

        assertThat(registry.get("retrobridge.inbox.pending").gauge().value()).isEqualTo(before + 1);
        assertThat(registry.get("retrobridge.poll.watermark.lag").tag("system", "jira").gauge().value())
                .isBetween(89.0, 120.0);
        assertThat(registry.get("retrobridge.poll.watermark.lag").tag("system", "servicenow").gauge().value()).isNaN();
        assertThat(registry.get("retrobridge.links").gauge().value()).isGreaterThanOrEqualTo(0);
    }
}
