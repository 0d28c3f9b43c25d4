package io.retrobridge.bench;

import io.retrobridge.transport.SharedPacingFigures;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared rate limits: one, then two instances pacing one system through one PostgreSQL bucket at a set rate
 * ({@code -Dbench.pacing-rate}, default 20 per second) for {@code -Dbench.pacing-seconds} (default 10), four callers
 * each. Two instances should together get what one gets, not twice as much.
 */
final class PacingPhase {

    static final int CALLERS_PER_INSTANCE = 4;

    record Result(List<SharedPacingFigures.Result> runs) {
        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            for (SharedPacingFigures.Result run : runs) {
                map.put(run.nodes() + "-instances", Map.of("rate", run.rate(), "permits", run.permits(),
                        "permitsPerSecond", BackfillPhase.round(run.permitsPerSecond()),
                        "permitsPerInstance", run.permitsPerNode(), "mostStartsInASecond", run.mostStartsInASecond()));
            }
            return map;
        }
    }

    private PacingPhase() {
    }

    static Result run() throws Exception {
        double rate = Double.parseDouble(System.getProperty("bench.pacing-rate", "20"));
        Duration length = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.pacing-seconds", "10")));
        Progress.say("pacing: 1 then 2 instances on one PostgreSQL bucket at %.1f per second for %d s", rate,
                length.toSeconds());
        return new Result(List.of(SharedPacingFigures.measure(1, rate, CALLERS_PER_INSTANCE, length),
                SharedPacingFigures.measure(2, rate, CALLERS_PER_INSTANCE, length)));
    }
}
