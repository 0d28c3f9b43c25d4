package io.retrobridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The request counts the scale-out phase reports, on request times in microseconds. */
class ScaleOutWindowsTest {

    private static final long MS = 1_000;

    @Test
    void requestsExactlyOneIntervalApartFitTheLimitInEverySecondWindow() {
        // 21 requests 100 ms apart: any 1-second window, half-open, holds 10 of them.
        List<Long> paced = LongStream.rangeClosed(0, 20).map(i -> i * 100 * MS).boxed().toList();

        assertThat(ScaleOutPhase.mostInAnySecond(paced)).isEqualTo(10);
        assertThat(ScaleOutPhase.mostInAnyWindow(paced, 10_000 * MS)).isEqualTo(21);
    }

    @Test
    void oneLateArrivalPutsElevenInASecondWindowThoughNoClockSecondHoldsThem() {
        // Paced 100 ms apart from 0.5 s, the first arrives 30 ms late: 0.53 s .. 1.5 s, less than a second, holds eleven.
        List<Long> bunched = List.of(530 * MS, 600 * MS, 700 * MS, 800 * MS, 900 * MS, 1_000 * MS, 1_100 * MS,
                1_200 * MS, 1_300 * MS, 1_400 * MS, 1_500 * MS);

        assertThat(ScaleOutPhase.mostInAnySecond(bunched)).isEqualTo(11);
        assertThat(ScaleOutPhase.mostInAnyWindow(bunched, 970 * MS)).isEqualTo(10);
        assertThat(ScaleOutPhase.mostInAClockSecond(bunched)).isEqualTo(6);
    }

    @Test
    void aClockSecondEndsBeforeItsLastMicrosecondIsPassed() {
        List<Long> times = List.of(999_999L, 1_000_000L, 1_000_001L);

        assertThat(ScaleOutPhase.mostInAClockSecond(times)).isEqualTo(2);
        assertThat(ScaleOutPhase.mostInAnySecond(times)).isEqualTo(3);
    }

    @Test
    void noRequestsCountAsNone() {
        assertThat(ScaleOutPhase.mostInAnySecond(List.of())).isZero();
        assertThat(ScaleOutPhase.mostInAClockSecond(List.of())).isZero();
    }
}
