package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.sync.RateBuckets;
import io.retrobridge.sync.RateBuckets.Limit;
import io.retrobridge.sync.RateBuckets.Permit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What shared pacing relies on from any {@link RateBuckets}: starts one interval apart, on the database's clock. */
abstract class RateBucketsContract extends StoreContractSupport {

    private static final long SECOND = 1_000_000;

    private RateBuckets buckets() {
        return port(RateBuckets.class);
    }

    @BeforeEach
    void noBuckets() {
        port(JdbcClient.class).sql("DELETE FROM rate_buckets").update();
    }

    @Test
    void aSystemWithoutABucketHasNoPermits() {
        assertThat(buckets().reserve("Jira")).isEmpty();
    }

    @Test
    void aNewBucketLetsTheFirstCallStartAtOnceAndTheNextOneIntervalLater() {
        assertThat(buckets().setLimit("Jira", new Limit(0.5, 1))).isEmpty();

        Permit first = buckets().reserve("Jira").orElseThrow();
        Permit second = buckets().reserve("Jira").orElseThrow();

        assertThat(first.waitMicros()).isZero();
        assertThat(second.startsAtMicros() - first.startsAtMicros()).isEqualTo(2 * SECOND);
        assertThat(second.waitMicros()).isPositive();
        assertThat(second.limit()).isEqualTo(new Limit(0.5, 1));
    }

    @Test
    void aQuietBucketBanksItsBurstAndNoMore() {
        buckets().setLimit("Jira", new Limit(0.5, 3));

        List<Permit> permits = List.of(reserve("Jira"), reserve("Jira"), reserve("Jira"), reserve("Jira"));

        assertThat(permits.subList(0, 3)).allMatch(permit -> permit.waitMicros() == 0);
        assertThat(permits.get(3).waitMicros()).isPositive();
        assertThat(permits.get(3).startsAtMicros() - permits.get(2).startsAtMicros()).isEqualTo(2 * SECOND);
    }

    @Test
    void theStartsAreOnTheDatabaseClock() {
        buckets().setLimit("Jira", new Limit(10, 1));
        long before = System.currentTimeMillis() * 1000;

        Permit permit = reserve("Jira");

        // The same machine here, so the two clocks agree to well within a minute.
        assertThat(permit.nowMicros()).isBetween(before - 60 * SECOND, before + 60 * SECOND);
        assertThat(permit.startsAtMicros()).isBetween(permit.nowMicros() - SECOND, permit.nowMicros());
    }

    @Test
    void settingALimitAnswersTheOneItReplacesAndTheNextPermitsFollowTheNewOne() {
        buckets().setLimit("Jira", new Limit(10, 1));
        Permit before = reserve("Jira");

        assertThat(buckets().setLimit("Jira", new Limit(0.25, 2))).contains(new Limit(10, 1));
        Permit after = reserve("Jira");
        Permit next = reserve("Jira");

        assertThat(after.limit()).isEqualTo(new Limit(0.25, 2));
        assertThat(next.startsAtMicros() - after.startsAtMicros()).isEqualTo(4 * SECOND);
        assertThat(before.limit()).isEqualTo(new Limit(10, 1));
    }

    @Test
    void eachSystemHasItsOwnBucket() {
        buckets().setLimit("Jira", new Limit(0.5, 1));
        buckets().setLimit("ServiceNow", new Limit(0.5, 1));
        reserve("Jira");
        reserve("Jira");

        assertThat(reserve("ServiceNow").waitMicros()).isZero();
        assertThat(buckets().reserve("Prometheus")).isEmpty();
    }

    @Test
    void concurrentPermitsStartAtLeastOneIntervalApart() throws InterruptedException {
        buckets().setLimit("Jira", new Limit(10, 1));

        var outcomes = raceOn(8, () -> reserve("Jira").startsAtMicros());

        assertThat(outcomes).allMatch(Outcome::succeeded);
        List<Long> starts = outcomes.stream().map(Outcome::value).sorted().toList();
        for (int i = 1; i < starts.size(); i++) {
            assertThat(starts.get(i) - starts.get(i - 1)).as("gap before start %d", i).isGreaterThanOrEqualTo(SECOND / 10);
        }
    }

    @Test
    void concurrentFirstLimitsLeaveOneBucket() throws InterruptedException {
        var outcomes = raceOn(4, () -> buckets().setLimit("Jira", new Limit(10, 1)));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(port(JdbcClient.class).sql("SELECT COUNT(*) FROM rate_buckets").query(Long.class).single())
                .isEqualTo(1L);
    }

    private Permit reserve(String system) {
        return buckets().reserve(system).orElseThrow();
    }
}
