package io.retrobridge.gate.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapshotItemDueDateTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "2026-12-01|2026-12-01",
            "' 2024-02-29 '|2024-02-29",
            "2026-02-30|none",
            "2026-13-01|none",
            "2026-1-01|none",
            "2026/12/01|none",
            "+12026-01-01|+12026-01-01",
            "'   '|none",
            "next week|none"})
    void aDueDateIsAnIsoDayOrAbsent(String snapshotValue, String expected) {
        assertThat(SnapshotItem.dueDate(snapshotValue)).isEqualTo(expected == null ? null : LocalDate.parse(expected));
    }
}
