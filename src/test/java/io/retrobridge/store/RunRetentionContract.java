package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.sync.BackfillRun;
import io.retrobridge.sync.BackfillRuns;
import io.retrobridge.sync.Fence;
import io.retrobridge.sync.LeaderTerms;
import io.retrobridge.sync.Retention;
import io.retrobridge.sync.SingletonRuns;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention purge of what several instances record: rounds of leader-only jobs go by age, finished or not;
 * backfills go by age only once they ended, and the latest one stays.
 */
abstract class RunRetentionContract extends StoreContractSupport {

    private static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private Retention retention() {
        return port(Retention.class);
    }

    private BackfillRuns backfills() {
        return port(BackfillRuns.class);
    }

    private JdbcClient jdbc() {
        return port(JdbcClient.class);
    }

    @BeforeEach
    void emptyRunTables() {
        jdbc().sql("DELETE FROM singleton_runs").update();
        jdbc().sql("DELETE FROM backfill_runs").update();
        jdbc().sql("DELETE FROM leader_terms").update();
    }

    @Test
    void leaderJobRoundsGoByTheirStartFinishedOrLeftByACrash() {
        SingletonRuns runs = port(SingletonRuns.class);
        Fence term = port(LeaderTerms.class).grant("retrobridge", "node-1", clock.instant());
        long done = runs.begin("jira-poll", "node-1", term, clock.instant()).orElseThrow();
        runs.finish(done, SingletonRuns.Outcome.DONE, clock.instant());
        runs.begin("backfill-runner", "node-1", term, clock.instant()).orElseThrow();
        clock.advance(Duration.ofDays(20));
        long recent = runs.begin("jira-poll", "node-1", term, clock.instant()).orElseThrow();

        int deleted = retention().purgeSingletonRuns(clock.instant().minus(Duration.ofDays(14)));

        assertThat(deleted).isEqualTo(2);
        assertThat(jdbc().sql("SELECT id FROM singleton_runs").query(Long.class).list()).containsExactly(recent);
    }

    @Test
    void finishedBackfillsGoAfterTheirTimeButAnOpenOneStaysHoweverOld() {
        BackfillRun done = finished(null);
        BackfillRun failed = finished("Jira answered 500");
        assertThat(backfills().request("ops").created()).isTrue();
        BackfillRun running = backfills().take("node-1", STALE_AFTER).orElseThrow();
        clock.advance(Duration.ofDays(100));

        int deleted = retention().purgeFinishedBackfillRuns(clock.instant().minus(Duration.ofDays(90)));

        assertThat(deleted).isEqualTo(2);
        assertThat(backfills().find(done.id())).isEmpty();
        assertThat(backfills().find(failed.id())).isEmpty();
        assertThat(backfills().find(running.id())).get().extracting(BackfillRun::state)
                .isEqualTo(BackfillRun.State.RUNNING);
    }

    @Test
    void theLatestBackfillStaysWhateverItsAgeSoTheSyncStatusStillShowsIt() {
        BackfillRun older = finished(null);
        BackfillRun latest = finished(null);
        clock.advance(Duration.ofDays(100));

        int deleted = retention().purgeFinishedBackfillRuns(clock.instant().minus(Duration.ofDays(90)));

        assertThat(deleted).isEqualTo(1);
        assertThat(backfills().find(older.id())).isEmpty();
        assertThat(backfills().latest()).get().extracting(BackfillRun::id).isEqualTo(latest.id());
        assertThat(retention().purgeFinishedBackfillRuns(clock.instant())).as("still the latest").isZero();
    }

    @Test
    void recentlyFinishedBackfillsStay() {
        List<Long> ids = List.of(finished(null).id(), finished(null).id());
        clock.advance(Duration.ofDays(10));

        assertThat(retention().purgeFinishedBackfillRuns(clock.instant().minus(Duration.ofDays(90)))).isZero();

        assertThat(ids).allSatisfy(id -> assertThat(backfills().find(id)).isPresent());
    }

    /** A backfill requested, taken and ended now: done, or failed with {@code error}. */
    private BackfillRun finished(String error) {
        assertThat(backfills().request("ops").created()).isTrue();
        BackfillRun held = backfills().take("node-1", STALE_AFTER).orElseThrow();
        assertThat(backfills().finish(held, 3, error)).isTrue();
        return backfills().find(held.id()).orElseThrow();
    }
}
