package io.retrobridge.mapping.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ActionKind;
import io.retrobridge.domain.ActionStatus;
import io.retrobridge.domain.Classification;
import io.retrobridge.domain.DayCount;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Priority;
import io.retrobridge.domain.Scope;
import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.MappingFiles;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What escalations.yaml says reaches the policy the planner and the scan work from, exactly. */
class EscalationsParserTest {

    @TempDir
    Path dir;

    private EscalationPolicy policyOf(String escalations) {
        LoadedMappings loaded = MappingFiles.load(MappingFiles.writeEscalations(dir, escalations));
        assertThat(loaded.files()).containsExactly("action-items.yaml", "escalations.yaml");
        return loaded.escalations().orElseThrow();
    }

    @Test
    void shippedFileGivesTheDefaultLadders() {
        EscalationPolicy policy = policyOf(MappingFiles.shippedEscalations());

        assertThat(policy.calendar().zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(policy.calendar().weekend()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(policy.calendar().holidays()).contains(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)).hasSize(5);

        assertThat(policy.boards()).containsOnlyKeys("cab", "release-advisory-board", "architecture-review-board");
        assertThat(policy.boards().keySet()).containsExactly("cab", "release-advisory-board", "architecture-review-board");
        assertThat(policy.board("cab")).isEqualTo(new Board("cab", "Change Advisory Board",
                BoardQueue.serviceNow("sc_task", "CAB")));
        assertThat(policy.board("release-advisory-board").queue())
                .isEqualTo(BoardQueue.serviceNow("sc_task", "Release Advisory Board"));
        assertThat(policy.board("architecture-review-board").queue())
                .isEqualTo(BoardQueue.jira("ARB", "Task", List.of("retro-escalation")));

        assertThat(policy.ladders()).extracting(Ladder::id).containsExactly("production-fixes", "improvements");
        Ladder production = policy.ladders().get(0);
        assertThat(production.when()).isEqualTo(new LadderMatch(Set.of(Scope.IMMEDIATE_FIX, Scope.TOOLING_UPGRADE),
                Set.of(), Set.of()));
        assertThat(production.steps()).extracting(LadderStep::id, LadderStep::after, LadderStep::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple("remind", new Threshold(1, DayCount.CALENDAR), new StepAction.Remind()),
                org.assertj.core.groups.Tuple.tuple("cab", new Threshold(1, DayCount.CALENDAR),
                        new StepAction.RaiseTicket("cab")));
        assertThat(production.steps().get(0).text().title()).isNull();
        assertThat(production.steps().get(0).text().body()).startsWith("{{owner}}, the retrospective action {{item.key}}");
        assertThat(production.steps().get(1).text().title())
                .isEqualTo("Overdue retrospective action {{item.key}}: {{item.title}}");
        assertThat(production.steps().get(1).text().body()).contains("Owner: {{owner}} ({{owner.email}})")
                .contains("{{retrospective}}").contains("{{change-record}}").contains("{{links}}");

        Ladder improvements = policy.ladders().get(1);
        assertThat(improvements.when()).isEqualTo(LadderMatch.any());
        assertThat(improvements.steps()).extracting(LadderStep::id, LadderStep::after, LadderStep::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple("remind", new Threshold(2, DayCount.BUSINESS), new StepAction.Remind()),
                org.assertj.core.groups.Tuple.tuple("release-advisory-board", new Threshold(5, DayCount.BUSINESS),
                        new StepAction.RaiseTicket("release-advisory-board")),
                org.assertj.core.groups.Tuple.tuple("hand-over", new Threshold(10, DayCount.BUSINESS),
                        new StepAction.Reassign("abel.tuter@example.com")));

        SystemicRule systemic = policy.systemic().orElseThrow();
        assertThat(systemic.boardId()).isEqualTo("architecture-review-board");
        assertThat(systemic.recurrences()).isEqualTo(3);
        assertThat(systemic.window()).isEqualTo(Period.ofDays(90));
        assertThat(systemic.openAtBoard()).isEqualTo(new Threshold(10, DayCount.BUSINESS));
        assertThat(systemic.text().body()).contains("{{history}}");
        assertThat(policy.grouping()).isEmpty();
        assertThat(policy.context()).isEqualTo(new ItemContext("problem", "rfc", "assignment_group", "retro:", "change:", true));
        assertThat(policy.markers()).isEqualTo(new StateMarkers("escalated:", "u_escalation"));
    }

    /**
     * The demo: the seeded ServiceNow task "Alert when the checkout error rate exceeds 2%" (impact 2, urgency 1,
     * due yesterday) is classified by the shipped action-item mapping and its first matching ladder raises a CAB
     * ticket at one calendar day overdue.
     */
    @Test
    void theDemoOverdueItemReachesTheCabTicketOnItsFirstDayOverdue() {
        LoadedMappings loaded = MappingFiles.load(MappingFiles.writeEscalations(dir, MappingFiles.shippedEscalations()));
        ActionItem alert = new ActionItem("Alert when the checkout error rate exceeds 2%", "", ActionStatus.OPEN,
                Priority.HIGH, "david.loo@example.com", LocalDate.of(2026, 11, 25), Set.of(), Set.of(), null, null);
        Classification classification = loaded.actionItems().classify(alert, ExternalSystem.SERVICENOW);
        assertThat(classification.ruleId()).isEqualTo("pipeline-tooling");

        Ladder ladder = firstMatching(loaded.escalations().orElseThrow(), classification, alert.priority());

        assertThat(ladder.id()).isEqualTo("production-fixes");
        LadderStep ticket = ladder.steps().stream().filter(s -> s.action() instanceof StepAction.RaiseTicket)
                .findFirst().orElseThrow();
        assertThat(ticket.after()).isEqualTo(new Threshold(1, DayCount.CALENDAR));
        assertThat(loaded.escalations().orElseThrow().board(((StepAction.RaiseTicket) ticket.action()).boardId()).queue())
                .isEqualTo(BoardQueue.serviceNow("sc_task", "CAB"));
    }

    @Test
    void otherItemsFallToTheCatchAllLadder() {
        EscalationPolicy policy = policyOf(MappingFiles.shippedEscalations());
        Classification training = new Classification(Scope.TRAINING, ActionKind.PREVENTIVE, "post-release", "training-needs");
        assertThat(firstMatching(policy, training, Priority.HIGHEST).id()).isEqualTo("improvements");
    }

    @Test
    void writtenFormsOfThresholdsActionsAndMatches() {
        EscalationPolicy policy = policyOf("""
                version: 1
                calendar: {zone: Europe/Berlin, weekend: [friday, saturday], holidays: [2026-12-24]}
                boards:
                  qa: {name: QA Board, jira: {project: QA, issue-type: Bug}}
                ladders:
                  - id: urgent
                    when: {kind: corrective, priority: [highest, high]}
                    steps:
                      - {id: one, after: 1 days, action: remind, text: "{{owner}}"}
                      - {id: two, after: 2 calendar days, action: {ticket: qa}, title: "{{item.key}}", text: "{{links}}"}
                      - {id: three, after: 2 business day, action: {reassign: Ada@Example.com}, text: "{{item.title}}"}
                """);

        assertThat(policy.calendar().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(policy.calendar().weekend()).containsExactlyInAnyOrder(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        assertThat(policy.board("qa").queue()).isEqualTo(BoardQueue.jira("QA", "Bug", List.of()));
        Ladder ladder = policy.ladders().get(0);
        assertThat(ladder.when()).isEqualTo(new LadderMatch(Set.of(), Set.of(ActionKind.CORRECTIVE),
                Set.of(Priority.HIGHEST, Priority.HIGH)));
        assertThat(ladder.steps()).extracting(LadderStep::after).containsExactly(new Threshold(1, DayCount.CALENDAR),
                new Threshold(2, DayCount.CALENDAR), new Threshold(2, DayCount.BUSINESS));
        assertThat(ladder.steps().get(2).action()).isEqualTo(new StepAction.Reassign("ada@example.com"));
        assertThat(ladder.steps().get(1).text()).isEqualTo(new TicketText("{{item.key}}", "{{links}}"));
    }

    @Test
    void leftOutSectionsTakeTheirDocumentedDefaults() {
        EscalationPolicy policy = policyOf("""
                version: 1
                boards: {}
                ladders:
                  - id: all
                    steps: [{id: remind, after: 3 days, action: remind, text: "{{owner}}, {{item.key}} is late"}]
                """);

        assertThat(policy.calendar().zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(policy.calendar().weekend()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(policy.calendar().holidays()).isEmpty();
        assertThat(policy.boards()).isEmpty();
        assertThat(policy.systemic()).isEmpty();
        assertThat(policy.grouping()).isEmpty();
        assertThat(policy.context()).isEqualTo(EscalationsParser.NO_CONTEXT);
        assertThat(policy.markers()).isEqualTo(EscalationsParser.DEFAULT_MARKERS);
    }

    @Test
    void groupingIsReadWithItsCycle() {
        EscalationPolicy policy = policyOf(MappingFiles.shippedEscalations() + """
                grouping:
                  cycle: 2 weeks
                  starts-on: wednesday
                  title: "Overdue actions for {{board}}, {{cycle}}"
                  text: "{{item-count}} items:\\n{{items}}"
                """);

        assertThat(policy.grouping()).hasValue(new Grouping(2, DayOfWeek.WEDNESDAY,
                new TicketText("Overdue actions for {{board}}, {{cycle}}", "{{item-count}} items:\n{{items}}")));
    }

    @Test
    void withoutTheFileNothingEscalates(@TempDir Path actionItemsOnlyDir) throws java.io.IOException {
        java.nio.file.Files.copy(MappingFiles.SHIPPED_DIR.resolve("action-items.yaml"),
                actionItemsOnlyDir.resolve("action-items.yaml"));

        LoadedMappings actionItemsOnly = MappingFiles.load(actionItemsOnlyDir);
        LoadedMappings both = MappingFiles.load(MappingFiles.writeEscalations(dir, MappingFiles.shippedEscalations()));

        assertThat(actionItemsOnly.escalations()).isEmpty();
        assertThat(actionItemsOnly.files()).containsExactly("action-items.yaml");
        assertThat(actionItemsOnly.summary()).isEqualTo("1 file, 5 rules");
        assertThat(both.summary()).isEqualTo("2 files, 5 rules, 2 escalation ladders, 3 review boards");
    }

    /** The ladder choice of the design: the first ladder whose every listed part matches. */
    private static Ladder firstMatching(EscalationPolicy policy, Classification classification, Priority priority) {
        return policy.ladders().stream().filter(ladder -> {
            LadderMatch when = ladder.when();
            return (when.scopes().isEmpty() || when.scopes().contains(classification.scope()))
                    && (when.kinds().isEmpty() || when.kinds().contains(classification.kind()))
                    && (when.priorities().isEmpty() || when.priorities().contains(priority));
        }).findFirst().orElseThrow();
    }
}
