package io.retrobridge.retro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.domain.ChangeState;
import io.retrobridge.domain.ChangeStateMove;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.MappingLoader;
import io.retrobridge.mapping.MappingValidationException;
import io.retrobridge.mapping.TextFormatConverters;
import io.retrobridge.mapping.retro.RetrospectiveRecords;
import io.retrobridge.mapping.retro.RetrospectivesMapping;
import io.retrobridge.sync.ChangeRecordStore;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.InboxOutcome;
import io.retrobridge.sync.SyncResult;
import io.retrobridge.testsupport.InMemoryDeployments;
import io.retrobridge.testsupport.InMemoryRetrospectives;
import io.retrobridge.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The opener's steps against in-memory ports: what it asks the release stores, and how it stays single. */
class RetrospectiveOpenerTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final RetrospectiveRecords OPS = new RetrospectiveRecords("OPS", "Story", "retro", "incident",
            "caused_by");

    private final MutableClock clock = new MutableClock(T0.plusSeconds(7200));
    private final InMemoryRetrospectives store = new InMemoryRetrospectives();
    private final RetrospectiveFakes.Issues issues = new RetrospectiveFakes.Issues();
    private final RetrospectiveFakes.Problems problems = new RetrospectiveFakes.Problems();
    private final RetrospectiveFakes.Records records = new RetrospectiveFakes.Records();
    private final InMemoryDeployments deployments = new InMemoryDeployments();
    private final RetrospectiveFakes.Changes changes = new RetrospectiveFakes.Changes();

    private RetrospectiveOpener opener(boolean releaseStores) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(releaseStores
                ? Map.of("deployments", deployments, "changes", changes) : Map.of());
        return new RetrospectiveOpener(store, issues, problems, mappings(), beans.getBeanProvider(DeploymentStore.class),
                beans.getBeanProvider(ChangeRecordStore.class), records, records,
                Map.of(ExternalSystem.JIRA, Duration.ofMinutes(3)), clock);
    }

    private static CurrentMappings mappings() {
        LoadedMappings loaded;
        try {
            loaded = new MappingLoader(TextFormatConverters.standard()).load(Path.of("mappings"));
        } catch (MappingValidationException e) {
            throw new AssertionError("the project's mappings do not load", e);
        }
        return new CurrentMappings(new LoadedMappings(loaded.dir(), loaded.files(), loaded.actionItemsDefinition(),
                loaded.actionItems(), loaded.escalations(), loaded.changeRecords(),
                Optional.of(new RetrospectivesMapping(OPS)), loaded.pirMetrics(),
                loaded.gates()));
    }

    private static RetrospectiveTrigger trigger(String key, String changeNumber) {
        return new RetrospectiveTrigger(key, "failed-deploy", "lightweight", List.of("summary"), List.of(),
                "deployment failed in production", "checkout", "production", "7.1", changeNumber, null,
                LocalDate.of(2026, 11, 25), T0.plusSeconds(3600), List.of(key));
    }

    private static InboundEvent event(RetrospectiveTrigger trigger) {
        return InboundEvent.received(RetrospectiveOpener.SOURCE, TriggerJson.KIND, trigger.key(), "d-" + trigger.key(),
                T0, TriggerJson.write(trigger));
    }

    private static Deployment run(String id, String version, Instant started, Instant finished, DeploymentResult result,
                                  boolean rollback, String change) {
        return new Deployment(ExternalSystem.valueOf("PIPELINE"), id, "checkout", "production", version, null,
                "deploy", null, started, finished, result, rollback, change);
    }

    @Test
    void itTakesRetroOpenEventsFromRetroBridgeOnly() {
        assertThat(opener(false).takes()).containsExactly(HandledKind.named("retro:open").from(RetrospectiveOpener.SOURCE));
    }

    @Test
    void theRecordsGoWhereTheMappingSaysAndTheTimelineComesFromTheChangesRunsAndMoves() {
        problems.changes.put("CHG0031000", "c0ffee");
        deployments.runs.add(run("r1", "7.1", T0, T0.plusSeconds(90), DeploymentResult.FAILURE, false, "CHG0031000"));
        deployments.runs.add(run("r2", "7.0", T0.plusSeconds(300), T0.plusSeconds(360), DeploymentResult.SUCCESS, true,
                "CHG0031000"));
        deployments.runs.add(run("r3", "9.9", T0, T0.plusSeconds(10), DeploymentResult.SUCCESS, false, "CHG0000001"));
        changes.moves.add(new ChangeStateMove("CHG0031000", ChangeState.SCHEDULED, ChangeState.IMPLEMENT,
                T0.minusSeconds(60)));

        SyncResult result = opener(true).handle(event(trigger("change:CHG0031000", "CHG0031000")));

        assertThat(result.outcome()).isEqualTo(InboxOutcome.APPLIED);
        assertThat(deployments.asked).containsExactly("forChange CHG0031000");
        Map<String, Object> issue = issues.created.get(0);
        assertThat(issue).containsEntry("project", "OPS").containsEntry("issueType", "Story")
                .containsEntry("summary", "Retrospective: checkout 7.1 in production (CHG0031000)")
                .containsEntry("labels", List.of("retro", RetrospectiveMarkers.of("change:CHG0031000")));
        String description = (String) issue.get("description");
        assertThat(description).doesNotContain("No deployment events recorded", "9.9")
                .containsSubsequence("change CHG0031000 moved Scheduled", "deploy checkout 7.1 to production",
                        "failure", "1m 30s", "deploy checkout 7.0 to production", "success, rollback", "1m 0s");
        Map<String, String> problem = problems.created.get(0);
        assertThat(problem).containsEntry("table", "incident").containsEntry("change_field", "caused_by")
                .containsEntry("change", "c0ffee");
        assertThat(problems.notes).containsExactly("Retrospective held in Jira OPS-1: https://jira.example/browse/OPS-1");
    }

    @Test
    void aReleaseWithoutAChangeTakesItsApplicationsRunsOfTheDayBefore() {
        opener(true).handle(event(trigger("release:checkout:production:7.1", null)));

        Instant to = T0.plusSeconds(3601);
        assertThat(deployments.asked).containsExactly("between checkout production " + to.minus(Duration.ofDays(1))
                + " " + to);
        assertThat(problems.created.get(0)).containsEntry("change", null);
        assertThat(problems.created.get(0).get("description"))
                .contains("It points at no change: the release names no ServiceNow change, so its caused_by is left empty.");
    }

    @Test
    void withoutDeploymentAndChangeStoresTheTimelineSaysNoDeploymentEventsWereRecorded() {
        opener(false).handle(event(trigger("change:CHG0031001", "CHG0031001")));

        assertThat((String) issues.created.get(0).get("description")).contains("No deployment events recorded.");
    }

    @Test
    void aLostJiraAnswerWhileTheSearchLagsWaitsRatherThanCreatingASecondIssue() {
        RetrospectiveTrigger trigger = trigger("change:CHG0031002", "CHG0031002");
        RetrospectiveOpener opener = opener(false);
        issues.loseNextAnswer = true;
        issues.searchShowsNewIssues = false;

        assertThatThrownBy(() -> opener.handle(event(trigger))).hasMessageContaining("the answer was lost");
        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> opener.handle(event(trigger)))
                .isInstanceOf(RetrospectiveCreateNotSettledException.class)
                .hasMessageContaining("not creating again");
        assertThat(issues.created).hasSize(1);

        issues.searchShowsNewIssues = true;
        clock.advance(Duration.ofMinutes(3));
        SyncResult settled = opener.handle(event(trigger));

        assertThat(settled.outcome()).isEqualTo(InboxOutcome.APPLIED);
        assertThat(issues.created).hasSize(1);
        assertThat(problems.created).hasSize(1);
        assertThat(store.findByKey(trigger.key()).orElseThrow().jiraKey()).isEqualTo("OPS-1");
        assertThat(records.openFor(RetrospectiveMarkers.of(trigger.key()))).isEmpty();
        assertThat(records.entries).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(JournalAction.WROTE);
            assertThat(entry.summary()).contains("had landed although its answer was lost");
        });
    }

    @Test
    void aCreateThatNeverLandedIsMadeOnceTheLookUpCanBeBelieved() {
        RetrospectiveTrigger trigger = trigger("change:CHG0031003", "CHG0031003");
        RetrospectiveOpener opener = opener(false);
        issues.loseNextAnswer = true;
        assertThatThrownBy(() -> opener.handle(event(trigger))).hasMessageContaining("the answer was lost");
        issues.created.clear();

        clock.advance(Duration.ofMinutes(4));
        opener.handle(event(trigger));

        assertThat(issues.created).hasSize(1);
        assertThat(records.entries).anySatisfy(entry -> assertThat(entry.summary()).contains("did not land"));
    }

    @Test
    void aSecondRunOfACompleteRetrospectiveIsSkippedAndWritesNothing() {
        RetrospectiveTrigger trigger = trigger("change:CHG0031004", "CHG0031004");
        RetrospectiveOpener opener = opener(false);
        opener.handle(event(trigger));

        SyncResult again = opener.handle(event(trigger));

        assertThat(again.outcome()).isEqualTo(InboxOutcome.SKIPPED);
        assertThat(again.reason()).contains("is open already (Jira OPS-1, ServiceNow PRB001)");
        assertThat(issues.created).hasSize(1);
        assertThat(problems.created).hasSize(1);
        assertThat(problems.notes).hasSize(1);
    }
}
