package io.retrobridge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionOrderTest {

    @ParameterizedTest(name = "{0} is older than {1}")
    @CsvSource({"4.2.0, 4.2.1", "4.2.1, 4.10.0", "v4.2, 4.2.1", "4.2.1-rc1, 4.3.0", "2026.12.07-1, 2026.12.8",
            "9, 10", "1.99999999999999999999, 2.0"})
    void dottedNumbersOrderByTheirNumbers(String older, String newer) {
        assertThat(VersionOrder.compare(older, newer)).hasValueSatisfying(order -> assertThat(order).isNegative());
        assertThat(VersionOrder.compare(newer, older)).hasValueSatisfying(order -> assertThat(order).isPositive());
    }

    @ParameterizedTest(name = "{0} and {1} are not ordered")
    @CsvSource({"9f2c4e1, a1b2c3d", "4.2.1, 9f2c4e1", "4.2.1-rc1, 4.2.1", "4.2, 4.2.0", "release, 4.2.1",
            "1a2b3c4, 1a2b3c5"})
    void otherVersionsAreNotOrdered(String a, String b) {
        assertThat(VersionOrder.compare(a, b)).isEmpty();
    }
}
