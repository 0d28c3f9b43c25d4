package io.retrobridge.sandbox.prometheus;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * What a recorded series measured over time: the value a query evaluated at an instant gets. Deterministic, so a
 * test that asks twice for the same instant sees the same number.
 */
@FunctionalInterface
public interface Signal {

    double at(Instant instant);

    /** The same value at every instant. */
    static Signal constant(double value) {
        return instant -> value;
    }

    /** {@code before} until {@code at}, {@code after} from {@code at} on. */
    static Signal step(double before, Instant at, double after) {
        return constant(before).then(at, after);
    }

    /** This signal until {@code from}, {@code value} from then on. */
    default Signal then(Instant from, double value) {
        return instant -> instant.isBefore(from) ? at(instant) : value;
    }

    /**
     * Adds noise of up to {@code relativeAmplitude} of the value (0.03 for ±3 %), the same at the same instant for
     * the same {@code seed}.
     */
    default Signal withNoise(double relativeAmplitude, long seed) {
        return instant -> {
            double unit = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + instant.toEpochMilli()).nextDouble(-1, 1);
            return at(instant) * (1 + relativeAmplitude * unit);
        };
    }
}
