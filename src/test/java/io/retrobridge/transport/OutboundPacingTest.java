package io.retrobridge.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.retrobridge.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The per-system Resilience4j rate limiters, refreshed on a test clock: calls are counted per interval of that clock,
 * so the pace is exact and nothing sleeps.
 */
class OutboundPacingTest {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    MutableClock clock = new MutableClock(START);
    ClockScheduler refreshes = new ClockScheduler(clock);
    List<Duration> waits = new ArrayList<>();
    boolean refreshRunsLate;
    Sleeper movingTheClock = wait -> {
        waits.add(wait);
        clock.advance(wait);
        if (refreshRunsLate) {
            refreshRunsLate = false;
        } else {
            refreshes.runDue();
        }
    };
    OutboundPacing pacing = new OutboundPacing(refreshes, refreshes::nanoTime, movingTheClock);

    /** When each of {@code calls} back-to-back calls may start. */
    List<Instant> starts(String system, double perSecond, int calls) throws InterruptedException {
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            pacing.awaitPermission(system, perSecond);
            starts.add(clock.instant());
        }
        return starts;
    }

    /** How many starts fall in each interval of {@code length} from START. */
    static Map<Long, Integer> perInterval(List<Instant> starts, Duration length) {
        Map<Long, Integer> counts = new TreeMap<>();
        for (Instant start : starts) {
            counts.merge(Duration.between(START, start).toNanos() / length.toNanos(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void aBurstAtTenPerSecondStartsOneCallInEachTenthOfASecond() throws InterruptedException {
        List<Instant> starts = starts("Jira", 10, 25);

        Map<Long, Integer> counts = perInterval(starts, Duration.ofMillis(100));
        assertThat(counts).hasSize(25).allSatisfy((interval, calls) -> assertThat(calls).isEqualTo(1));
        assertThat(starts.get(24)).as("no slower than the rate either").isEqualTo(START.plusMillis(2400));
        assertThat(waits).hasSize(24).containsOnly(Duration.ofMillis(100));
    }

    @Test
    void eachSystemKeepsItsOwnPace() throws InterruptedException {
        pacing.awaitPermission("Jira", 10);
        List<Instant> serviceNow = starts("ServiceNow", 20, 21);

        assertThat(serviceNow.get(0)).as("Jira's call takes nothing from ServiceNow").isEqualTo(START);
        assertThat(perInterval(serviceNow, Duration.ofSeconds(1))).containsExactlyEntriesOf(new TreeMap<>(Map.of(0L, 20, 1L, 1)));
        assertThat(perInterval(serviceNow, Duration.ofMillis(50))).allSatisfy((interval, calls) -> assertThat(calls).isEqualTo(1));
    }

    @Test
    void aHighRateIsKeptOverEachSecondWithoutFallingBehind() throws InterruptedException {
        List<Instant> starts = starts("ServiceNow", 250, 999);

        Map<Long, Integer> perSecond = perInterval(starts, Duration.ofSeconds(1));
        // 3 permissions every 12 ms: 250 a second, give or take the 3 of a period that straddles a second.
        assertThat(perSecond.get(0L)).isBetween(250, 253);
        assertThat(perSecond.get(1L)).isBetween(247, 253);
        assertThat(perSecond.get(0L) + perSecond.get(1L) + perSecond.get(2L)).isBetween(750, 753);
        assertThat(perInterval(starts, Duration.ofMillis(12))).allSatisfy((interval, calls) -> assertThat(calls).isEqualTo(3));
    }

    @Test
    void aCallAfterAQuietSpellStartsAtOnce() throws InterruptedException {
        starts("Jira", 10, 3);
        clock.advance(Duration.ofMillis(1234));
        refreshes.runDue();
        waits.clear();

        pacing.awaitPermission("Jira", 10);

        assertThat(waits).isEmpty();
    }

    @Test
    void waitingCallersQueueSoOnlyTheFirstOfThemWakesForTheNextRefresh() throws Exception {
        Semaphore letGo = new Semaphore(0);
        AtomicInteger sleeping = new AtomicInteger();
        Sleeper heldUntilLetGo = wait -> {
            sleeping.incrementAndGet();
            letGo.acquire();
            sleeping.decrementAndGet();
            clock.advance(wait);
            refreshes.runDue();
        };
        OutboundPacing queued = new OutboundPacing(refreshes, refreshes::nanoTime, heldUntilLetGo);
        queued.awaitPermission("Jira", 10);
        List<Thread> callers = List.of(new Thread(() -> awaitQuietly(queued)), new Thread(() -> awaitQuietly(queued)));
        callers.forEach(Thread::start);

        await().until(() -> callers.stream().allMatch(caller -> caller.getState() == Thread.State.WAITING));

        assertThat(sleeping).as("one waits for the refresh, the other for its turn").hasValue(1);
        letGo.release(2);
        for (Thread caller : callers) {
            caller.join();
        }
        assertThat(clock.instant()).as("one period each").isEqualTo(START.plusMillis(200));
    }

    private static void awaitQuietly(OutboundPacing pacing) {
        try {
            pacing.awaitPermission("Jira", 10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aRefreshThatRunsLateIsPickedUpSoonRatherThanAPeriodLater() throws InterruptedException {
        pacing.awaitPermission("Jira", 10);
        refreshRunsLate = true;

        Duration waited = pacing.awaitPermission("Jira", 10);

        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(1));
        assertThat(waited).isEqualTo(Duration.ofMillis(101));
    }
}
