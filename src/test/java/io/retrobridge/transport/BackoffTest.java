package io.retrobridge.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = Backoff.DEFAULT;

    @Test
    void growsExponentiallyUpToTheCap() {
        assertThat(backoff.delay(1, Optional.empty(), false, () -> 0.999)).isEqualTo(Duration.ofMillis(499));
        assertThat(backoff.delay(3, Optional.empty(), false, () -> 0.999)).isEqualTo(Duration.ofMillis(1998));
        assertThat(backoff.delay(30, Optional.empty(), false, () -> 0.999)).isEqualTo(Duration.ofMillis(29970));
    }

    @Test
    void neverRetriesBeforeRetryAfter() {
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(12)), true, () -> 0.1)).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void aRateLimitWithoutRetryAfterWaitsAtLeastTheFloor() {
        assertThat(backoff.delay(1, Optional.empty(), true, () -> 0.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delay(1, Optional.empty(), false, () -> 0.0)).isEqualTo(Duration.ZERO);
    }

    @Property
    void delaysStayWithinTheirBounds(@ForAll @IntRange(min = 1, max = 100) int attempt,
            @ForAll @DoubleRange(min = 0.0, max = 0.99) double random) {
        Duration delay = backoff.delay(attempt, Optional.empty(), false, () -> random);

        assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(30));
    }
}
