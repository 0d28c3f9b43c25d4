package io.retrobridge.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Watermark;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.MappingLoader;
import io.retrobridge.mapping.TextFormatConverters;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import io.retrobridge.sandbox.servicenow.ServiceNowSeed.SeededRecord;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.PollRound;
import io.retrobridge.sync.WatermarkStore;
import io.retrobridge.testsupport.CamelHttpExtension;
import io.retrobridge.testsupport.InMemoryInbox;
import io.retrobridge.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A record dated in the future (an import, or an instance whose clock runs ahead) is polled like any other,
 * but the watermark stays at our "now": otherwise the next polls would read from the future and miss
 * every ordinary change until that day.
 */
class ServiceNowPollerWatermarkTest {

    static final String USER = "retrobridge.integration";
    static final String PASSWORD = "sn-password-Kq81Lm";
    static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

    final MutableClock sandboxClock = new MutableClock(NOW);
    final MutableClock ourClock = new MutableClock(NOW);
    @RegisterExtension
    final CamelHttpExtension camel = new CamelHttpExtension();
    final Map<String, Watermark> stored = new HashMap<>();
    final InMemoryInbox inbox = new InMemoryInbox();
    ServiceNowSandbox sandbox;
    ServiceNowPoller poller;
    SeededRecord problem;

    @BeforeEach
    void start() throws Exception {
        sandbox = new ServiceNowSandbox(0, sandboxClock).start();
        sandbox.addUser(USER, PASSWORD, "itil");
        problem = sandbox.seed().problem(Map.of("short_description", "Checkout failures"));
        ServiceNowProperties properties = new ServiceNowProperties(sandbox.baseUrl(), USER, PASSWORD, null, null,
                "hook", Duration.ofSeconds(2), Duration.ofSeconds(5));
        ServiceNowClient client = new ServiceNowClient(
                ServiceNowConnectionConfiguration.remoteSystem(properties, camel.sender(), ourClock),
                ServiceNowClient.DEFAULT_USER_REFERENCE_FIELDS, ourClock);
        CurrentMappings mappings = new CurrentMappings(new MappingLoader(TextFormatConverters.standard())
                .load(Path.of("mappings")));
        poller = new ServiceNowPoller(client, List.of(), new NoLinks(), mappings, inbox, new MapWatermarks(),
                (system, kind, result, amount) -> { }, Optional.of(ourClock));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    SeededRecord task(String description) {
        return sandbox.seed().problemTask(Map.of("short_description", description, "problem", problem.sysId(),
                "problem_task_type", "general"));
    }

    @Test
    void aRecordDatedInTheFutureIsQueuedButDoesNotPushTheWatermarkPastNow() {
        sandboxClock.advance(Duration.ofDays(30));
        SeededRecord imported = task("Imported with next month's date");
        sandboxClock.advance(Duration.ofDays(-30));

        poller.poll();

        assertThat(inbox.accepted()).extracting(InboundEvent::entityId).containsExactly(imported.sysId());
        Instant watermark = stored.get(ServiceNowPoller.WATERMARK).at();
        assertThat(watermark).isBeforeOrEqualTo(NOW.minus(PollRound.CLOCK_SKEW));

        sandboxClock.advance(Duration.ofMinutes(3));
        ourClock.advance(Duration.ofMinutes(3));
        SeededRecord ordinary = task("Changed today");
        ourClock.advance(Duration.ofSeconds(30));
        poller.poll();

        assertThat(inbox.accepted()).extracting(InboundEvent::entityId).contains(ordinary.sysId());
        assertThat(stored.get(ServiceNowPoller.WATERMARK).at()).isBeforeOrEqualTo(ourClock.instant());
    }

    @Test
    void aWatermarkStoredInTheFutureIsReadAsNowSoPollingResumes() {
        stored.put(ServiceNowPoller.WATERMARK, new Watermark(ServiceNowPoller.WATERMARK, NOW.plus(Duration.ofDays(30)),
                Set.of()));
        sandboxClock.advance(Duration.ofSeconds(20));
        ourClock.advance(Duration.ofSeconds(20));
        SeededRecord ordinary = task("Changed today");

        poller.poll();

        assertThat(inbox.accepted()).extracting(InboundEvent::entityId).containsExactly(ordinary.sysId());
        assertThat(stored.get(ServiceNowPoller.WATERMARK).at()).isBeforeOrEqualTo(ourClock.instant());
    }

    /** Nothing is linked yet: every record the poll reads is new to the connector. */
    private static final class NoLinks implements LinkStore {

        @Override
        public Link insert(Link link) {
            throw new UnsupportedOperationException("the poll only asks");
        }

        @Override
        public Optional<Link> findById(UUID id) {
            return Optional.empty();
        }

        @Override
        public Optional<Link> findByExternal(ExternalRef ref) {
            return Optional.empty();
        }

        @Override
        public Optional<Link> findByCorrelationId(String correlationId) {
            return Optional.empty();
        }

        @Override
        public Link update(Link link) {
            throw new UnsupportedOperationException("the poll only asks");
        }

        @Override
        public long count() {
            return 0;
        }
    }

    private final class MapWatermarks implements WatermarkStore {

        @Override
        public Optional<Watermark> find(String poller) {
            return Optional.ofNullable(stored.get(poller));
        }

        @Override
        public void save(Watermark watermark) {
            stored.put(watermark.poller(), watermark);
        }
    }
}
