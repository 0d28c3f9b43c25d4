package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.sync.ReleaseFailures;
import io.retrobridge.sync.ReleaseFailures.FailedRelease;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the retrospective triggers rely on from any {@link ReleaseFailures}. */
abstract class ReleaseFailuresContract extends StoreContractSupport {

    private ReleaseFailures failures() {
        return port(ReleaseFailures.class);
    }

    @BeforeEach
    void noFailures() {
        port(JdbcClient.class).sql("DELETE FROM release_failures").update();
    }

    private static FailedRelease failure(String key, String program, Instant at) {
        return new FailedRelease(key, program, "payment-gateway", at, null);
    }

    @Test
    void aReleaseIsRecordedOnceByItsKey() {
        FailedRelease first = failure("change:CHG0030001", "payments", START);

        assertThat(failures().record(first)).isTrue();
        assertThat(failures().record(failure("change:CHG0030001", "payments", START.plusSeconds(60)))).isFalse();

        assertThat(failures().uncovered("payments", START.minusSeconds(1), START.plusSeconds(3600)))
                .containsExactly(first);
    }

    @Test
    void uncoveredFailuresAreThoseOfTheProgramWithinTheWindowOldestFirst() {
        FailedRelease old = failure("release:checkout:production:1.0", "payments", START.minus(Duration.ofDays(40)));
        FailedRelease second = failure("release:checkout:production:1.2", "payments", START.plus(Duration.ofDays(2)));
        FailedRelease first = failure("change:CHG0030002", "payments", START);
        FailedRelease otherProgram = failure("release:search:production:7", "search", START.plusSeconds(5));
        List.of(old, second, first, otherProgram).forEach(failures()::record);

        assertThat(failures().uncovered("payments", START.minus(Duration.ofDays(30)), START.plus(Duration.ofDays(2))))
                .containsExactly(first, second);
    }

    @Test
    void coveredFailuresAreNoLongerUncoveredAndKeepTheirFirstCover() {
        FailedRelease a = failure("change:CHG0030003", "payments", START);
        FailedRelease b = failure("change:CHG0030004", "payments", START.plusSeconds(10));
        FailedRelease c = failure("change:CHG0030005", "payments", START.plusSeconds(20));
        List.of(a, b, c).forEach(failures()::record);

        failures().cover(List.of(a.releaseKey(), b.releaseKey()), "program:payments:change:CHG0030003");
        failures().cover(List.of(b.releaseKey(), c.releaseKey()), "program:payments:change:CHG0030004");

        assertThat(failures().uncovered("payments", START, START.plusSeconds(60))).isEmpty();
        failures().record(failure("change:CHG0030006", "payments", START.plusSeconds(30)));
        assertThat(failures().uncovered("payments", START, START.plusSeconds(60)))
                .extracting(FailedRelease::releaseKey).containsExactly("change:CHG0030006");
        List<String> covers = port(JdbcClient.class)
                .sql("SELECT covered_by FROM release_failures WHERE release_key IN ('change:CHG0030003',"
                        + " 'change:CHG0030004', 'change:CHG0030005') ORDER BY release_key")
                .query(String.class).list();
        assertThat(covers).containsExactly("program:payments:change:CHG0030003", "program:payments:change:CHG0030003",
                "program:payments:change:CHG0030004");
    }

    @Test
    void twoRecordersOfOneReleaseStoreItOnce() throws InterruptedException {
        FailedRelease failure = failure("change:CHG0030007", "payments", START);
        List<Outcome<Boolean>> outcomes = raceOn(4, () -> failures().record(failure));

        assertThat(outcomes).allMatch(o -> o.failure() == null);
        assertThat(outcomes).filteredOn(o -> Boolean.TRUE.equals(o.value())).hasSize(1);
        assertThat(failures().uncovered("payments", START, START)).containsExactly(failure);
    }
}
