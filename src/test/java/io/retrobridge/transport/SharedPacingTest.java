package io.retrobridge.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.sync.RateBuckets;
import io.retrobridge.sync.RateBuckets.Limit;
import io.retrobridge.sync.RateBuckets.Permit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Shared pacing against an in-memory bucket on a test clock that moves when the pacing sleeps: what it writes, how
 * long it waits, and that it waits rather than call unpaced when the database does not answer.
 */
@ExtendWith(OutputCaptureExtension.class)
class SharedPacingTest {

    /** The "database clock", in microseconds; sleeping moves it. */
    long nowMicros = 1_000_000_000L;
    List<Duration> sleeps = new ArrayList<>();
    Sleeper movingTheClock = wait -> {
        sleeps.add(wait);
        nowMicros += wait.toNanos() / 1000;
    };
    MemoryBuckets buckets = new MemoryBuckets();
    SharedPacing pacing = new SharedPacing(buckets, 1, movingTheClock);

    /** The bucket the store keeps, kept here: the same arithmetic on this test's clock. */
    class MemoryBuckets implements RateBuckets {
        final Map<String, Limit> limits = new HashMap<>();
        final Map<String, Long> nextAt = new HashMap<>();
        final List<String> limitsSet = new ArrayList<>();
        int failuresToCome;
        int reservations;

        @Override
        public Optional<Limit> setLimit(String system, Limit limit) {
            failIfDown();
            limitsSet.add(system + "=" + limit.perSecond());
            nextAt.putIfAbsent(system, 0L);
            return Optional.ofNullable(limits.put(system, limit));
        }

        @Override
        public Optional<Permit> reserve(String system) {
            failIfDown();
            reservations++;
            Limit limit = limits.get(system);
            if (limit == null) {
                return Optional.empty();
            }
            long interval = limit.intervalMicros();
            long start = Math.max(nextAt.get(system), nowMicros - (limit.burst() - 1) * interval);
            nextAt.put(system, start + interval);
            return Optional.of(new Permit(start, nowMicros, limit));
        }

        private void failIfDown() {
            if (failuresToCome > 0) {
                failuresToCome--;
                throw new DataAccessResourceFailureException("Connection refused");
            }
        }
    }

    @Test
    void callsStartOneIntervalApartByTheBucketsClock() throws InterruptedException {
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pacing.awaitPermission("Jira", 4);
            starts.add(nowMicros);
        }

        long first = starts.get(0);
        assertThat(starts).containsExactly(first, first + 250_000, first + 500_000, first + 750_000);
        assertThat(sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250));
    }

    @Test
    void aWaitIsRoundedUpToTheMillisecondSoNoCallStartsEarly() throws InterruptedException {
        pacing.awaitPermission("Jira", 3);
        pacing.awaitPermission("Jira", 3);

        // One third of a second is 333,334 microseconds: the sleep is the next whole millisecond.
        assertThat(sleeps).containsExactly(Duration.ofMillis(334));
    }

    @Test
    void theFirstCallWritesThisInstancesLimitAndLaterCallsOnlyReserve() throws InterruptedException {
        pacing.awaitPermission("Jira", 10);
        pacing.awaitPermission("Jira", 10);
        pacing.awaitPermission("ServiceNow", 20);

        assertThat(buckets.limitsSet).containsExactly("Jira=10.0", "ServiceNow=20.0");
        assertThat(buckets.reservations).isEqualTo(3);
    }

    @Test
    void whileTheDatabaseDoesNotAnswerTheCallWaitsAndAsksAgainNeverUnpaced(CapturedOutput output)
            throws InterruptedException {
        pacing.awaitPermission("Jira", 10);
        buckets.failuresToCome = 3;

        pacing.awaitPermission("Jira", 10);

        assertThat(sleeps).containsExactly(SharedPacing.RETRY_AFTER_FAILURE, SharedPacing.RETRY_AFTER_FAILURE,
                SharedPacing.RETRY_AFTER_FAILURE);
        assertThat(buckets.reservations).isEqualTo(2);
        assertThat(output.getOut()).containsOnlyOnce("Jira: the shared rate limit cannot be read")
                .contains("Jira: the shared rate limit can be read again");
    }

    @Test
    void aDatabaseDownAtTheFirstCallIsWaitedForToo() throws InterruptedException {
        buckets.failuresToCome = 2;

        pacing.awaitPermission("Jira", 10);

        assertThat(sleeps).hasSize(2);
        assertThat(buckets.limitsSet).containsExactly("Jira=10.0");
        assertThat(buckets.reservations).isEqualTo(1);
    }

    @Test
    void aBucketThatIsGoneIsWrittenAgain() throws InterruptedException {
        pacing.awaitPermission("Jira", 10);
        buckets.limits.clear();

        pacing.awaitPermission("Jira", 10);

        assertThat(buckets.limitsSet).containsExactly("Jira=10.0", "Jira=10.0");
    }

    @Test
    void overwritingAnotherInstancesLimitIsLogged(CapturedOutput output) throws InterruptedException {
        buckets.setLimit("Jira", new Limit(5, 1));

        pacing.awaitPermission("Jira", 10);

        assertThat(output.getOut()).contains("Jira: the shared rate limit was 5.0 requests per second (burst 1),"
                + " written by another instance; this instance's settings make it 10.0 requests per second (burst 1)");
    }

    @Test
    void aBucketHoldingAnotherLimitIsFollowedAndLoggedOncePerLimit(CapturedOutput output)
            throws InterruptedException {
        pacing.awaitPermission("Jira", 10);
        buckets.limits.put("Jira", new Limit(2, 1)); // another instance started later with its own settings
        sleeps.clear();

        pacing.awaitPermission("Jira", 10);
        pacing.awaitPermission("Jira", 10);
        pacing.awaitPermission("Jira", 10);

        assertThat(sleeps).endsWith(Duration.ofMillis(500), Duration.ofMillis(500));
        assertThat(output.getOut()).containsOnlyOnce("Jira: this instance is set to 10.0 requests per second"
                + " (burst 1) but the shared bucket holds 2.0 requests per second (burst 1)");
    }
}
