package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.sync.BackfillRun;
import io.retrobridge.sync.BackfillRun.State;
import io.retrobridge.sync.BackfillRuns;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the backfill runner and the admin API rely on from any {@link BackfillRuns}. */
abstract class BackfillRunsContract extends StoreContractSupport {

    private static final Duration STALE_AFTER = Duration.ofSeconds(30);

    private BackfillRuns runs() {
        return port(BackfillRuns.class);
    }

    /** The clock goes on from test to test; each test's times count from here. */
    private Instant t0;

    @BeforeEach
    void noRuns() {
        port(JdbcClient.class).sql("DELETE FROM backfill_runs").update();
        t0 = clock.instant();
    }

    @Test
    void aRequestIsKeptAsRequestedAndASecondOneWhileItIsOpenGetsTheSameRun() {
        BackfillRuns.Requested first = runs().request("ops-admin");
        clock.advance(Duration.ofSeconds(1));
        BackfillRuns.Requested second = runs().request("someone-else");

        assertThat(first.created()).isTrue();
        assertThat(first.run().state()).isEqualTo(State.REQUESTED);
        assertThat(first.run().requestedBy()).isEqualTo("ops-admin");
        assertThat(first.run().requestedAt()).isEqualTo(t0);
        assertThat(first.run().instanceId()).isNull();
        assertThat(second.created()).isFalse();
        assertThat(second.run()).isEqualTo(first.run());
        assertThat(runs().latest()).contains(first.run());
    }

    @Test
    void aRequestedRunIsTakenOnceAndNotAgainWhileItsHolderHeartbeats() {
        BackfillRun requested = runs().request("ops-admin").run();

        BackfillRun taken = runs().take("node-1", STALE_AFTER).orElseThrow();
        clock.advance(STALE_AFTER.minusSeconds(1));
        assertThat(runs().heartbeat(taken)).isTrue();
        clock.advance(STALE_AFTER.minusSeconds(1));

        assertThat(taken.id()).isEqualTo(requested.id());
        assertThat(taken.state()).isEqualTo(State.RUNNING);
        assertThat(taken.instanceId()).isEqualTo("node-1");
        assertThat(taken.claimToken()).isEqualTo(requested.claimToken() + 1);
        assertThat(taken.startedAt()).isEqualTo(t0);
        assertThat(taken.restarts()).as("taking a requested run is no restart").isZero();
        assertThat(runs().take("node-2", STALE_AFTER)).as("its heartbeat is fresh").isEmpty();
        assertThat(runs().request("ops-admin").run().id()).as("still open").isEqualTo(requested.id());
    }

    @Test
    void aRunWhoseHolderStoppedHeartbeatingIsTakenOverAndTheOldHoldersWritesAreRefused() {
        runs().request("ops-admin");
        BackfillRun old = runs().take("node-1", STALE_AFTER).orElseThrow();
        assertThat(runs().progress(old, 40)).isTrue();
        clock.advance(STALE_AFTER.plusSeconds(1));

        BackfillRun taken = runs().take("node-2", STALE_AFTER).orElseThrow();

        assertThat(taken.instanceId()).isEqualTo("node-2");
        assertThat(taken.claimToken()).isEqualTo(old.claimToken() + 1);
        assertThat(taken.restarts()).isEqualTo(1);
        assertThat(taken.processed()).as("the work done so far is kept").isEqualTo(40);
        assertThat(taken.startedAt()).as("first started").isEqualTo(t0);
        assertThat(runs().heartbeat(old)).isFalse();
        assertThat(runs().progress(old, 99)).isFalse();
        assertThat(runs().queued(old, Map.of("jira", 99), 99)).isFalse();
        assertThat(runs().finish(old, 99, "stale holder")).isFalse();
        assertThat(runs().release(old)).isFalse();
        assertThat(runs().find(taken.id())).contains(taken);

        Map<String, Integer> queued = new LinkedHashMap<>();
        queued.put("servicenow", 4);
        queued.put("jira", 2);
        assertThat(runs().queued(taken, queued, 45)).isTrue();
        clock.advance(Duration.ofSeconds(5));
        assertThat(runs().finish(taken, 46, null)).isTrue();
        BackfillRun done = runs().find(taken.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(State.DONE);
        assertThat(done.finishedAt()).isEqualTo(t0.plus(STALE_AFTER).plusSeconds(6));
        assertThat(done.processed()).isEqualTo(46);
        assertThat(done.queued()).isEqualTo(queued);
        assertThat(List.copyOf(done.queued().keySet())).as("in reading order").containsExactly("servicenow", "jira");
        assertThat(done.error()).isNull();
        assertThat(runs().progress(taken, 50)).as("a finished run takes no more writes").isFalse();
    }

    @Test
    void ofTakersRacingForOneRunOneWins() throws InterruptedException {
        BackfillRun requested = runs().request("ops-admin").run();

        List<Outcome<Optional<BackfillRun>>> outcomes = raceOn(4,
                () -> runs().take(Thread.currentThread().getName(), STALE_AFTER));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        List<BackfillRun> won = outcomes.stream().flatMap(o -> o.value().stream()).toList();
        assertThat(won).hasSize(1);
        assertThat(won.get(0).claimToken()).isEqualTo(requested.claimToken() + 1);
        assertThat(runs().find(requested.id()).orElseThrow().instanceId()).isEqualTo(won.get(0).instanceId());
    }

    @Test
    void ofTakersRacingForAStaleRunOneWinsAndOneRestartIsCounted() throws InterruptedException {
        runs().request("ops-admin");
        BackfillRun dead = runs().take("node-dead", STALE_AFTER).orElseThrow();
        clock.advance(STALE_AFTER.plusSeconds(1));

        List<Outcome<Optional<BackfillRun>>> outcomes = raceOn(4,
                () -> runs().take(Thread.currentThread().getName(), STALE_AFTER));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(outcomes.stream().filter(o -> o.value().isPresent()).count()).isEqualTo(1);
        BackfillRun now = runs().find(dead.id()).orElseThrow();
        assertThat(now.restarts()).isEqualTo(1);
        assertThat(now.claimToken()).isEqualTo(dead.claimToken() + 1);
    }

    @Test
    void requestsRacingLeaveOneOpenRun() throws InterruptedException {
        List<Outcome<BackfillRuns.Requested>> outcomes = raceOn(4, () -> runs().request("ops-admin"));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(outcomes.stream().filter(o -> o.value().created()).count()).isEqualTo(1);
        assertThat(outcomes.stream().map(o -> o.value().run().id()).distinct()).hasSize(1);
    }

    @Test
    void aFailedRunKeepsItsErrorAndFreesTheWayForTheNextRequest() {
        BackfillRun first = runs().request("ops-admin").run();
        BackfillRun held = runs().take("node-1", STALE_AFTER).orElseThrow();
        assertThat(runs().finish(held, 3, "Jira answered 401")).isTrue();

        BackfillRuns.Requested next = runs().request("ops-admin");

        BackfillRun failed = runs().find(first.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.error()).isEqualTo("Jira answered 401");
        assertThat(failed.open()).isFalse();
        assertThat(next.created()).isTrue();
        assertThat(next.run().id()).isGreaterThan(first.id());
        assertThat(runs().latest()).contains(next.run());
        assertThat(runs().take("node-1", STALE_AFTER)).map(BackfillRun::id).contains(next.run().id());
    }

    @Test
    void aReleasedRunIsTakenOverAtOnce() {
        runs().request("ops-admin");
        BackfillRun held = runs().take("node-1", STALE_AFTER).orElseThrow();

        assertThat(runs().release(held)).isTrue();
        BackfillRun taken = runs().take("node-2", STALE_AFTER).orElseThrow();

        assertThat(taken.instanceId()).isEqualTo("node-2");
        assertThat(taken.restarts()).isEqualTo(1);
        assertThat(runs().progress(held, 1)).isFalse();
    }

    @Test
    void withNoRunThereIsNothingToTakeOrShow() {
        assertThat(runs().latest()).isEmpty();
        assertThat(runs().take("node-1", STALE_AFTER)).isEmpty();
    }
}
