package io.retrobridge.sync;

import static io.retrobridge.domain.ExternalSystem.JIRA;
import static io.retrobridge.domain.ExternalSystem.SERVICENOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ConflictPolicy;
import io.retrobridge.domain.FieldFlow;
import io.retrobridge.domain.FieldPolicy;
import io.retrobridge.sync.Decision.Outcome;
import io.retrobridge.sync.FieldConflict.Resolution;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncDeciderTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private final SyncDecider decider = new SyncDecider(List.of(
            new FieldPolicy("title", FieldFlow.BOTH, ConflictPolicy.NEWEST_WINS, null),
            new FieldPolicy("status", FieldFlow.BOTH, ConflictPolicy.OWNER_WINS, SERVICENOW),
            new FieldPolicy("description", FieldFlow.BOTH, ConflictPolicy.PARK, null),
            new FieldPolicy("labels", FieldFlow.JIRA_TO_SERVICENOW, ConflictPolicy.OWNER_WINS, null)));

    private static final Map<String, String> AGREED = Map.of(
            "title", "Add a canary stage", "status", "OPEN", "description", "Roll out to 5% first", "labels", "retro");

    @Test
    void anItemWithoutLinkIsCreatedOnTheOtherSideWithEveryFieldThatFlowsThere() {
        Decision decision = decider.decide(new Observation(SERVICENOW, AGREED, T0), Optional.empty());

        assertThat(decision.outcome()).isEqualTo(Outcome.CREATE);
        assertThat(decision.writes()).containsOnlyKeys("title", "status", "description")
                .containsEntry("title", "Add a canary stage");
        assertThat(decision.reasons()).singleElement().asString().contains("create on Jira");
    }

    @Test
    void aChangedFieldIsWrittenAloneAndTheSnapshotsRememberIt() {
        Map<String, String> edited = with(AGREED, "title", "Add a canary stage to checkout");

        Decision decision = decider.decide(new Observation(JIRA, edited, T0.plusSeconds(60)), known(AGREED, AGREED));

        assertThat(decision.outcome()).isEqualTo(Outcome.UPDATE);
        assertThat(decision.writes()).containsExactly(Map.entry("title", "Add a canary stage to checkout"));
        assertThat(decision.sourceSnapshot()).containsEntry("title", "Add a canary stage to checkout");
        assertThat(decision.targetSnapshot()).containsEntry("title", "Add a canary stage to checkout");
    }

    @Test
    void ourOwnWriteComingBackIsAnEchoAndWritesNothing() {
        Map<String, String> written = with(AGREED, "title", "Renamed");

        Decision echo = decider.decide(new Observation(SERVICENOW, written, T0.plusSeconds(300)), known(written, written));

        assertThat(echo.outcome()).isEqualTo(Outcome.SKIP);
        assertThat(echo.writes()).isEmpty();
        assertThat(echo.reasons().get(0)).startsWith("echo or unmapped change");
    }

    @Test
    void aFieldThatDoesNotFlowFromTheChangedSideIsNotWritten() {
        Map<String, String> edited = with(AGREED, "labels", "edited-in-servicenow");

        Decision decision = decider.decide(new Observation(SERVICENOW, edited, T0), known(AGREED, AGREED));

        assertThat(decision.outcome()).isEqualTo(Outcome.SKIP);
        assertThat(decision.sourceSnapshot()).containsEntry("labels", "edited-in-servicenow");
    }

    @Test
    void aValueTheOtherSideAlreadyHoldsIsNotWrittenAgain() {
        Map<String, String> both = with(AGREED, "title", "Same edit on both sides");

        Decision decision = decider.decide(new Observation(JIRA, both, T0), known(AGREED, AGREED, both));

        assertThat(decision.outcome()).isEqualTo(Outcome.SKIP);
        assertThat(decision.conflicts()).isEmpty();
    }

    @Test
    void ownerWinsWritesTheOwnersValueAndKeepsItAgainstTheOtherSide() {
        Map<String, String> jira = with(AGREED, "status", "DONE");
        Map<String, String> servicenow = with(AGREED, "status", "CANCELLED");

        Decision fromJira = decider.decide(new Observation(JIRA, jira, T0), known(AGREED, AGREED, servicenow));
        Decision fromServiceNow = decider.decide(new Observation(SERVICENOW, servicenow, T0), known(AGREED, AGREED, jira));

        assertThat(fromJira.writes()).isEmpty();
        assertThat(fromJira.corrections()).as("the owner's value is carried back").containsExactly(Map.entry("status", "CANCELLED"));
        assertThat(fromJira.conflicts()).singleElement().extracting(FieldConflict::resolution).isEqualTo(Resolution.TARGET_KEPT);
        assertThat(fromServiceNow.writes()).containsExactly(Map.entry("status", "CANCELLED"));
        assertThat(fromServiceNow.reasons()).anyMatch(r -> r.contains("conflict on status") && r.contains("owner-wins"));
    }

    @Test
    void newestWinsComparesTheSystemsOwnTimestamps() {
        Map<String, String> jira = with(AGREED, "title", "Jira title");
        Map<String, String> servicenow = with(AGREED, "title", "ServiceNow title");

        Decision newer = decider.decide(new Observation(JIRA, jira, T0.plusSeconds(10)),
                Optional.of(new KnownPair(AGREED, AGREED, T0, Optional.of(servicenow))));
        Decision older = decider.decide(new Observation(JIRA, jira, T0.minusSeconds(10)),
                Optional.of(new KnownPair(AGREED, AGREED, T0, Optional.of(servicenow))));

        assertThat(newer.writes()).containsExactly(Map.entry("title", "Jira title"));
        assertThat(older.writes()).isEmpty();
        assertThat(older.corrections()).containsExactly(Map.entry("title", "ServiceNow title"));
        assertThat(older.conflicts()).singleElement().extracting(FieldConflict::resolution).isEqualTo(Resolution.TARGET_KEPT);
    }

    @Test
    void parkWritesNeitherValueAndRecordsTheConflict() {
        Map<String, String> jira = with(AGREED, "description", "Jira text");
        Map<String, String> servicenow = with(AGREED, "description", "ServiceNow text");

        Decision decision = decider.decide(new Observation(JIRA, jira, T0), known(AGREED, AGREED, servicenow));

        assertThat(decision.outcome()).isEqualTo(Outcome.SKIP);
        assertThat(decision.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.resolution()).isEqualTo(Resolution.PARKED);
            assertThat(c.describe()).contains("'Jira text' vs 'ServiceNow text'").contains("parked");
        });
    }

    @Test
    void aParkedConflictStaysParkedUntilOneSideMatchesTheOther() {
        Map<String, String> jira = with(AGREED, "description", "Jira text");
        Map<String, String> servicenow = with(AGREED, "description", "ServiceNow text");
        Map<String, String> jiraAgain = with(AGREED, "description", "Jira text, edited again");

        Decision again = decider.decide(new Observation(JIRA, jiraAgain, T0), known(jira, servicenow));

        assertThat(again.conflicts()).singleElement().extracting(FieldConflict::resolution).isEqualTo(Resolution.PARKED);
    }

    private static Optional<KnownPair> known(Map<String, String> source, Map<String, String> target) {
        return Optional.of(new KnownPair(source, target, T0));
    }

    private static Optional<KnownPair> known(Map<String, String> source, Map<String, String> target,
            Map<String, String> currentTarget) {
        return Optional.of(new KnownPair(source, target, T0, Optional.of(currentTarget)));
    }

    private static Map<String, String> with(Map<String, String> base, String field, String value) {
        java.util.Map<String, String> copy = new java.util.LinkedHashMap<>(base);
        copy.put(field, value);
        return copy;
    }
}
