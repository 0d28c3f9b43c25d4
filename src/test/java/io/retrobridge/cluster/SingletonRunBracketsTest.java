package io.retrobridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.retrobridge.sync.Fence;
import io.retrobridge.sync.FencedOutException;
import io.retrobridge.sync.LeaderTerm;
import io.retrobridge.sync.SingletonRuns;
import io.retrobridge.testsupport.Leaderships;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every round of a leader route is recorded with its term and outcome, and a round under a stale term never runs. */
class SingletonRunBracketsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final RecordedRuns runs = new RecordedRuns();
    private final AtomicReference<Fence> leading = new AtomicReference<>(new Fence("retrobridge", 4));
    private final AtomicInteger rounds = new AtomicInteger();
    private final AtomicReference<RuntimeException> roundFails = new AtomicReference<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void startCamel() throws Exception {
        LeaderTerm leadership = Leaderships.following(() -> Optional.ofNullable(leading.get()));
        ClusterMetrics metrics = new ClusterMetrics(meters, "retrobridge", leadership);
        camel = new DefaultCamelContext();
        camel.addRoutePolicyFactory(new SingletonRunBrackets(Set.of("jira-poll"), leadership, runs, "node-1", metrics,
                Clock.fixed(NOW, ZoneOffset.UTC)));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:jira-poll").routeId("jira-poll").process(exchange -> round());
                from("direct:inbox-worker").routeId("inbox-worker").process(exchange -> rounds.incrementAndGet());
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    private void round() {
        rounds.incrementAndGet();
        if (roundFails.get() != null) {
            throw roundFails.get();
        }
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    @Test
    void aRoundIsRecordedUnderTheTermItRanUnderAndEndsDone() {
        producer.sendBody("direct:jira-poll", "");

        assertThat(rounds).hasValue(1);
        assertThat(runs.lines).containsExactly("begin jira-poll node-1 term 4", "finish 1 DONE");
        assertThat(meters.get("retrobridge.singleton.runs").tags("job", "jira-poll", "outcome", "done").counter().count())
                .isEqualTo(1);
    }

    @Test
    void aRoundWhoseWriteWasFencedEndsFenced() {
        roundFails.set(new IllegalStateException("poll failed", new FencedOutException("term 4 is no longer the latest")));

        assertThatThrownBy(() -> producer.sendBody("direct:jira-poll", "")).hasRootCauseInstanceOf(FencedOutException.class);

        assertThat(runs.lines).containsExactly("begin jira-poll node-1 term 4", "finish 1 FENCED");
    }

    @Test
    void aRoundThatFailedOtherwiseEndsFailed() {
        roundFails.set(new IllegalStateException("Jira answered 503"));

        assertThatThrownBy(() -> producer.sendBody("direct:jira-poll", "")).hasRootCauseMessage("Jira answered 503");

        assertThat(runs.lines).containsExactly("begin jira-poll node-1 term 4", "finish 1 FAILED");
    }

    @Test
    void aRoundUnderATermNoLongerTheLatestDoesNotRun() {
        runs.refuse = true;

        producer.sendBody("direct:jira-poll", "");

        assertThat(rounds).hasValue(0);
        assertThat(runs.lines).containsExactly("begin jira-poll node-1 term 4");
    }

    @Test
    void aRoundWhoseStartCannotBeRecordedDoesNotRunAndCountsAsFailedNotFenced() {
        runs.unreachable = true;

        producer.sendBody("direct:jira-poll", "");

        assertThat(rounds).hasValue(0);
        assertThat(meters.get("retrobridge.singleton.runs").tags("job", "jira-poll", "outcome", "failed").counter()
                .count()).isEqualTo(1);
        assertThat(meters.find("retrobridge.singleton.runs").tags("outcome", "fenced").counter()).isNull();
    }

    @Test
    void aRoundOnAnInstanceThatDoesNotLeadDoesNotRun() {
        leading.set(null);

        producer.sendBody("direct:jira-poll", "");

        assertThat(rounds).hasValue(0);
        assertThat(runs.lines).isEmpty();
    }

    @Test
    void everyInstanceRoutesAreNotRecorded() {
        producer.sendBody("direct:inbox-worker", "");

        assertThat(rounds).hasValue(1);
        assertThat(runs.lines).isEmpty();
    }

    /** What the store was told, in order; refuses every start when asked to. */
    private static final class RecordedRuns implements SingletonRuns {

        final List<String> lines = new ArrayList<>();
        boolean refuse;
        boolean unreachable;

        @Override
        public OptionalLong begin(String job, String instanceId, Fence fence, Instant at) {
            if (unreachable) {
                throw new IllegalStateException("Connection refused");
            }
            lines.add("begin " + job + " " + instanceId + " term " + fence.term());
            return refuse ? OptionalLong.empty() : OptionalLong.of(lines.size());
        }

        @Override
        public void finish(long runId, Outcome outcome, Instant at) {
            lines.add("finish " + runId + " " + outcome);
        }
    }
}
