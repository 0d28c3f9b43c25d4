package io.retrobridge.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceDetectorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private final RecurrenceDetector detector = new RecurrenceDetector(Period.ofDays(90));

    @Test
    void countsDistinctRetrospectivesPerFailureModeWhetherItemsAreDoneOrNot() {
        List<EscalationSubject> subjects = List.of(
                item("rb-1", "config-drift", "PRB1 Gateway upgrade", TODAY.minusDays(3)),
                item("rb-2", "config-drift", "PRB1 Gateway upgrade", TODAY.minusDays(10)),
                TestSubject.item().key("rb-3").failureMode("config-drift").retrospective("PRB2 DNS outage")
                        .due(TODAY.minusDays(40)).done(Instant.parse("2026-10-20T10:00:00Z")).build(),
                item("rb-4", "Config-Drift", "PRB3 Cert expiry", TODAY.minusDays(5)),
                item("rb-5", "capacity", "PRB1 Gateway upgrade", TODAY.minusDays(1)));

        RecurrenceFacts facts = detector.detect(subjects, TODAY);

        assertThat(facts.recurrences("config-drift")).isEqualTo(3);
        assertThat(facts.recurrences("CONFIG-DRIFT")).isEqualTo(3);
        assertThat(facts.recurrences("capacity")).isEqualTo(1);
        assertThat(facts.recurrences("unknown")).isZero();
        assertThat(facts.recurrences(null)).isZero();
    }

    @Test
    void itemsWithoutARetrospectiveCountAsOneEach() {
        RecurrenceFacts facts = detector.detect(List.of(
                item("rb-1", "config-drift", null, TODAY.minusDays(1)),
                item("rb-2", "config-drift", null, TODAY.minusDays(2)),
                item("rb-3", "config-drift", "PRB1", TODAY.minusDays(3))), TODAY);

        assertThat(facts.recurrences("config-drift")).isEqualTo(3);
    }

    @Test
    void onlyItemsDueWithinTheWindowBeforeTodayCount() {
        RecurrenceFacts facts = detector.detect(List.of(
                item("rb-1", "config-drift", "PRB1", TODAY.minusDays(90)),  // first day of the window
                item("rb-2", "config-drift", "PRB2", TODAY),                // today
                item("rb-3", "config-drift", "PRB3", TODAY.minusDays(91)),  // before the window
                item("rb-4", "config-drift", "PRB4", TODAY.plusDays(1)),    // not due yet
                item("rb-5", "config-drift", "PRB5", null),                 // no due date
                item("rb-6", null, "PRB6", TODAY.minusDays(1))), TODAY);   // untagged

        assertThat(facts.recurrences("config-drift")).isEqualTo(2);
        assertThat(facts.retrospectivesByFailureMode()).containsOnlyKeys("config-drift");
    }

    @Test
    void aPolicyWithoutSystemicRuleFindsNothing() {
        RecurrenceDetector none = new RecurrenceDetector(TestPolicy.defaults().noSystemic().build());
        RecurrenceDetector fromPolicy = new RecurrenceDetector(TestPolicy.defaults().build());
        List<EscalationSubject> subjects = List.of(item("rb-1", "config-drift", "PRB1", TODAY.minusDays(1)));

        assertThat(none.detect(subjects, TODAY)).isEqualTo(RecurrenceFacts.none());
        assertThat(fromPolicy.detect(subjects, TODAY).recurrences("config-drift")).isEqualTo(1);
    }

    @Test
    void anEmptyWindowIsRefused() {
        assertThatThrownBy(() -> new RecurrenceDetector(Period.ZERO)).hasMessageContaining("window");
    }

    private static EscalationSubject item(String key, String failureMode, String retrospective, LocalDate due) {
        return TestSubject.item().key(key).failureMode(failureMode).retrospective(retrospective).due(due).build();
    }
}
