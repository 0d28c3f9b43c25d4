package io.retrobridge.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Durations of one kind of call, measured one after another; percentiles by the nearest-rank method. */
final class Latencies {

    private long[] nanos = new long[1_024];
    private int count;

    void add(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    Summary summary() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(count, millis(sorted, 50), millis(sorted, 90), millis(sorted, 99),
                count == 0 ? Double.NaN : sorted[count - 1] / 1e6);
    }

    private static double millis(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    record Summary(int count, double p50Millis, double p90Millis, double p99Millis, double maxMillis) {

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("count", count);
            map.put("p50Millis", BackfillPhase.round(p50Millis));
            map.put("p90Millis", BackfillPhase.round(p90Millis));
            map.put("p99Millis", BackfillPhase.round(p99Millis));
            map.put("maxMillis", BackfillPhase.round(maxMillis));
            return map;
        }

        /** "p50 / p90 / p99 / max ms (count)" for the table. */
        String text() {
            return String.format("%.2f / %.2f / %.2f / %.1f ms (%,d)", p50Millis, p90Millis, p99Millis, maxMillis, count);
        }
    }
}
