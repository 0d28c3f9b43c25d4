package io.retrobridge.monitoring.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.testsupport.RealPrometheus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Where no Prometheus is installed, a test needing one is skipped, except under CI, where it fails saying why. */
class RealPrometheusAvailabilityTest {

    static final List<RealPrometheus.Sample> HISTORY = List.of(
            new RealPrometheus.Sample("up", Map.of("job", "checkout"), Instant.parse("2026-03-02T09:00:00Z"), 1));

    @Test
    void withoutPrometheusATestIsSkippedOutsideCi() {
        RealPrometheus missing = new RealPrometheus(Map.of("PATH", "/nonexistent"));

        assertThat(missing.installed()).isFalse();
        assertThatThrownBy(() -> missing.serve(HISTORY)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("prometheus is not installed");
    }

    @Test
    void withoutPrometheusATestFailsUnderCi() {
        RealPrometheus missing = new RealPrometheus(Map.of("PATH", "/nonexistent", "CI", "true"));

        assertThatThrownBy(() -> missing.serve(HISTORY)).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("A real Prometheus is needed under CI but prometheus is not installed")
                .hasMessageContaining("apt-get install -y --no-install-recommends prometheus");
    }
}
