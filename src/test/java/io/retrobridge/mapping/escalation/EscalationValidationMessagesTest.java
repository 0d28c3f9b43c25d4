package io.retrobridge.mapping.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.mapping.MappingProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each mistake an admin can make in escalations.yaml gets one message that says where (file, line, column,
 * path), what is wrong and how to fix it. Every case edits the shipped file in one place.
 */
class EscalationValidationMessagesTest {

    @TempDir
    Path dir;

    /** Loads {@code content}, expects exactly one problem and checks it is located at {@code marker}. */
    private MappingProblem onlyProblemAt(String content, String marker) {
        List<MappingProblem> problems = MappingFiles.problemsOf(MappingFiles.writeEscalations(dir, content));
        assertThat(problems).as(problems.toString()).hasSize(1);
        MappingProblem problem = problems.get(0);
        assertThat(problem.file()).isEqualTo("escalations.yaml");
        assertThat(problem.line()).as("line of " + marker).isEqualTo(MappingFiles.lineOf(content, marker));
        assertThat(problem.column()).as("column of " + marker).isEqualTo(MappingFiles.columnOf(content, marker));
        assertThat(problem.fix()).isNotBlank();
        return problem;
    }

    private static String edited(String from, String to) {
        return MappingFiles.shippedEscalationsWith(from, to);
    }

    /** The shipped file with only the first occurrence of {@code from} replaced. */
    private static String editedOnce(String from, String to) {
        String text = MappingFiles.shippedEscalations();
        int at = text.indexOf(from);
        assertThat(at).as("shipped escalations.yaml contains " + from).isNotNegative();
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    @Test
    void unknownKeySuggestsTheNearestOne() {
        String content = edited("systemic:\n  board:", "systemc:\n  board:");
        MappingProblem problem = onlyProblemAt(content, "systemc:");
        assertThat(problem.message()).isEqualTo("unknown key `systemc`; did you mean `systemic`?");
        assertThat(problem.fix()).isEqualTo("rename it to `systemic`");
        assertThat(problem.format()).startsWith("escalations.yaml:" + MappingFiles.lineOf(content, "systemc:") + ":1: systemc: ");
    }

    @Test
    void misspeltMatchPartIsReportedAloneNotAsACatchAll() {
        String content = edited("when: {scope: [immediate-fix", "when: {scop: [immediate-fix");
        MappingProblem problem = onlyProblemAt(content, "scop:");
        assertThat(problem.message()).isEqualTo("unknown key `scop`; did you mean `scope`?");
        assertThat(problem.path()).isEqualTo("ladders[0].when.scop");
    }

    @Test
    void wrongTypeSaysWhatWasExpected() {
        String content = edited("holidays: [2026-12-24, 2026-12-25, 2026-12-28, 2026-12-31, 2027-01-01]",
                "holidays: {christmas: 2026-12-25}");
        MappingProblem problem = onlyProblemAt(content, "{christmas");
        assertThat(problem.message()).isEqualTo("expected a list but found a map");
        assertThat(problem.path()).isEqualTo("calendar.holidays");
    }

    @Test
    void actionWrittenAsAListIsRefused() {
        String content = editedOnce("        action: remind\n", "        action: [remind]\n");
        MappingProblem problem = onlyProblemAt(content, "[remind]");
        assertThat(problem.message()).isEqualTo("expected `remind`, `{ticket: <board id>}` or `{reassign: <e-mail>}` but"
                + " found a list");
    }

    @Test
    void unreadableAfterListsTheAcceptedForms() {
        String content = edited("after: 5 business days", "after: 5 workdays");
        MappingProblem problem = onlyProblemAt(content, "5 workdays");
        assertThat(problem.message()).isEqualTo("`5 workdays` is not a number of days overdue");
        assertThat(problem.fix()).isEqualTo("write `N day(s)` (calendar days) or `N business day(s)` (working days of"
                + " `calendar`), N from 1, e.g. `1 day` or `5 business days`");
        assertThat(problem.path()).isEqualTo("ladders[1].steps[1].after");
    }

    @Test
    void thresholdBelowOneIsRefused() {
        String content = edited("after: 2 business days", "after: 0 business days");
        MappingProblem problem = onlyProblemAt(content, "0 business days");
        assertThat(problem.message()).isEqualTo("`0 business days` would fire before the item is overdue; days overdue"
                + " start at 1 (the first day after the due date)");
    }

    @Test
    void decreasingThresholdsAreRefused() {
        String content = edited("after: 10 business days", "after: 4 business days");
        MappingProblem problem = onlyProblemAt(content, "4 business days");
        assertThat(problem.message()).isEqualTo("`4 business days` comes after a step at `5 business days`; thresholds"
                + " within a ladder must not decrease");
        assertThat(problem.fix()).isEqualTo("order the steps by `after`, or raise this one to at least 5");
    }

    @Test
    void duplicateStepIdNamesTheFirst() {
        String content = edited("- id: hand-over", "- id: remind");
        MappingProblem problem = onlyProblemAt(content, "remind\n        after: 10 business days");
        int firstInLadder = MappingFiles.lineOf(content, "remind\n        after: 2 business days");
        assertThat(problem.message()).isEqualTo("step id `remind` is used twice (first at line " + firstInLadder + ")");
    }

    @Test
    void sameStepIdInTwoLaddersIsFine() {
        assertThat(MappingFiles.shippedEscalations().split("- id: remind", -1)).hasSize(3);
        MappingFiles.load(MappingFiles.writeEscalations(dir, MappingFiles.shippedEscalations()));
    }

    @Test
    void duplicateLadderIdNamesTheFirst() {
        String content = edited("- id: improvements", "- id: production-fixes");
        MappingProblem problem = onlyProblemAt(content, "production-fixes\n    steps:");
        assertThat(problem.message()).isEqualTo("ladder id `production-fixes` is used twice (first at line "
                + MappingFiles.lineOf(content, "production-fixes\n    when") + ")");
    }

    @Test
    void stepNamingAnUnknownBoardListsTheKnownOnes() {
        String content = edited("action: {ticket: release-advisory-board}", "action: {ticket: release-advisor-board}");
        MappingProblem problem = onlyProblemAt(content, "release-advisor-board}");
        assertThat(problem.message()).isEqualTo("unknown board `release-advisor-board`; did you mean"
                + " `release-advisory-board`?");
        assertThat(problem.fix()).isEqualTo("use one of the boards defined under `boards:`: cab, release-advisory-board,"
                + " architecture-review-board");
        assertThat(problem.path()).isEqualTo("ladders[1].steps[1].action.ticket");
    }

    @Test
    void boardWithBothQueuesIsRefused() {
        String content = edited("    servicenow: {table: sc_task, assignment-group: CAB}\n",
                "    servicenow: {table: sc_task, assignment-group: CAB}\n    jira: {project: CAB, issue-type: Task}\n");
        MappingProblem problem = onlyProblemAt(content, "jira: {project: CAB");
        assertThat(problem.message()).isEqualTo("board `cab` has both `servicenow` and `jira`; a board's tickets go to"
                + " one queue");
    }

    @Test
    void boardWithoutAQueueIsRefused() {
        String content = edited("    servicenow: {table: sc_task, assignment-group: CAB}\n", "");
        MappingProblem problem = onlyProblemAt(content, "cab:\n");
        assertThat(problem.message()).isEqualTo("board `cab` has no queue");
        assertThat(problem.fix()).contains("servicenow: {table: sc_task, assignment-group: <group>}")
                .contains("jira: {project: <KEY>, issue-type: Task}");
    }

    @Test
    void serviceNowQueueWithoutTable() {
        String content = edited("{table: sc_task, assignment-group: CAB}", "{assignment-group: CAB}");
        MappingProblem problem = onlyProblemAt(content, "{assignment-group: CAB}");
        assertThat(problem.message()).isEqualTo("missing `table`");
        assertThat(problem.path()).isEqualTo("boards.cab.servicenow");
    }

    @Test
    void serviceNowQueueWithoutAssignmentGroup() {
        String content = edited("{table: sc_task, assignment-group: CAB}", "{table: sc_task}");
        MappingProblem problem = onlyProblemAt(content, "{table: sc_task}");
        assertThat(problem.message()).isEqualTo("missing `assignment-group`");
    }

    @Test
    void jiraQueueWithoutIssueType() {
        String content = edited("{project: ARB, issue-type: Task, labels", "{project: ARB, labels");
        MappingProblem problem = onlyProblemAt(content, "{project: ARB");
        assertThat(problem.message()).isEqualTo("missing `issue-type`");
        assertThat(problem.path()).isEqualTo("boards.architecture-review-board.jira");
    }

    @Test
    void jiraQueueWithoutProject() {
        String content = edited("{project: ARB, issue-type: Task", "{issue-type: Task");
        MappingProblem problem = onlyProblemAt(content, "{issue-type: Task");
        assertThat(problem.message()).isEqualTo("missing `project`");
    }

    @Test
    void invalidJiraProjectKey() {
        String content = edited("project: ARB", "project: arb");
        MappingProblem problem = onlyProblemAt(content, "arb,");
        assertThat(problem.message()).isEqualTo("`arb` is not a Jira project key");
        assertThat(problem.fix()).isEqualTo("use the key in capitals, e.g. ARB (2-10 letters, digits or _)");
    }

    @Test
    void jiraLabelWithASpace() {
        String content = edited("labels: [retro-escalation]", "labels: [retro escalation]");
        MappingProblem problem = onlyProblemAt(content, "retro escalation");
        assertThat(problem.message()).isEqualTo("Jira label `retro escalation` contains a space; Jira labels cannot");
        assertThat(problem.fix()).isEqualTo("join the words with hyphens, e.g. retro-escalation");
    }

    @Test
    void unknownScopeListsTheValidOnes() {
        String content = edited("[immediate-fix, tooling-upgrade]", "[immediate-fix, tooling-upgrades]");
        MappingProblem problem = onlyProblemAt(content, "tooling-upgrades");
        assertThat(problem.message()).isEqualTo("`tooling-upgrades` is not allowed here; expected one of immediate-fix,"
                + " process-improvement, tooling-upgrade, training (did you mean `tooling-upgrade`?)");
        assertThat(problem.path()).isEqualTo("ladders[0].when.scope[1]");
    }

    @Test
    void unknownKindListsTheValidOnes() {
        String content = edited("when: {scope: [immediate-fix, tooling-upgrade]}",
                "when: {scope: [immediate-fix, tooling-upgrade], kind: [fixing]}");
        MappingProblem problem = onlyProblemAt(content, "fixing");
        assertThat(problem.message()).isEqualTo("`fixing` is not allowed here; expected one of corrective, preventive");
    }

    @Test
    void unknownPriorityListsTheValidOnes() {
        String content = edited("when: {scope: [immediate-fix, tooling-upgrade]}",
                "when: {scope: [immediate-fix, tooling-upgrade], priority: [urgent]}");
        MappingProblem problem = onlyProblemAt(content, "urgent");
        assertThat(problem.message()).isEqualTo("`urgent` is not allowed here; expected one of highest, high, medium,"
                + " low, lowest");
        assertThat(problem.path()).isEqualTo("ladders[0].when.priority[0]");
    }

    @Test
    void unknownPlaceholderSuggestsTheNearestAndListsTheAllowed() {
        String content = edited("Owner: {{owner}} ({{owner.email}}), due", "Owner: {{ownr}} ({{owner.email}}), due");
        MappingProblem problem = onlyProblemAt(content, "|\n    The retrospective action");
        assertThat(problem.message()).isEqualTo("unknown placeholder `{{ownr}}`; did you mean `{{owner}}`?");
        assertThat(problem.fix()).isEqualTo("write `{{owner}}`; placeholders here: "
                + String.join(", ", TemplateVariables.ITEM));
        assertThat(problem.path()).isEqualTo("systemic.text");
    }

    @Test
    void placeholderInATitleIsCheckedToo() {
        String content = edited("title: \"Architecture review of overdue retrospective action {{item.key}}",
                "title: \"Architecture review of overdue retrospective action {{item.kee}}");
        MappingProblem problem = onlyProblemAt(content, "\"Architecture review of");
        assertThat(problem.message()).isEqualTo("unknown placeholder `{{item.kee}}`; did you mean `{{item.key}}`?");
    }

    @Test
    void groupingTextsMayUseOnlyGroupPlaceholders() {
        String content = MappingFiles.shippedEscalations() + """
                grouping:
                  cycle: 1 week
                  title: "Overdue actions for {{board}}"
                  text: "{{item.key}} is overdue"
                """;
        MappingProblem problem = onlyProblemAt(content, "\"{{item.key}} is overdue\"");
        assertThat(problem.message()).isEqualTo("unknown placeholder `{{item.key}}`");
        assertThat(problem.fix()).isEqualTo("placeholders here: board, cycle, items, item-count");
    }

    @Test
    void unclosedPlaceholderIsRefused() {
        String content = edited("Owner: {{owner}} ({{owner.email}}), due", "Owner: {{owner ({{owner.email}}), due");
        MappingProblem problem = onlyProblemAt(content, "|\n    The retrospective action");
        assertThat(problem.message()).isEqualTo("`{{owner ({{owner` opens a placeholder that is not closed by `}}`");
    }

    @Test
    void ticketStepWithoutTitle() {
        String content = editedOnce("        title: \"Overdue retrospective action {{item.key}}: {{item.title}}\"\n", "");
        MappingProblem problem = onlyProblemAt(content, "id: cab");
        assertThat(problem.message()).isEqualTo("a ticket step needs a `title` (the ticket's summary)");
        assertThat(problem.path()).isEqualTo("ladders[0].steps[1]");
    }

    @Test
    void titleOnAReminderIsRefused() {
        String content = editedOnce("        action: remind\n", "        action: remind\n        title: Reminder\n");
        MappingProblem problem = onlyProblemAt(content, "title: Reminder");
        assertThat(problem.message()).isEqualTo("`title` is used only by ticket steps; this step writes a comment on"
                + " the item");
    }

    @Test
    void reassignToSomethingNotAnEmail() {
        String content = edited("{reassign: abel.tuter@example.com}", "{reassign: abel.tuter}");
        MappingProblem problem = onlyProblemAt(content, "abel.tuter}");
        assertThat(problem.message()).isEqualTo("`abel.tuter` is not an e-mail address; people are re-assigned by e-mail");
    }

    @Test
    void actionWordWithoutItsTarget() {
        String content = edited("action: {ticket: cab}", "action: ticket");
        MappingProblem problem = onlyProblemAt(content, "ticket\n        title");
        assertThat(problem.message()).isEqualTo("`ticket` needs to say which board");
        assertThat(problem.fix()).isEqualTo("write `action: {ticket: <board id>}`");
    }

    @Test
    void invalidZoneSuggestsTheNearest() {
        String content = edited("zone: UTC", "zone: Europe/Berln");
        MappingProblem problem = onlyProblemAt(content, "Europe/Berln");
        assertThat(problem.message()).isEqualTo("unknown time zone `Europe/Berln`; did you mean `Europe/Berlin`?");
    }

    @Test
    void invalidHolidayDate() {
        String content = edited("2026-12-31", "2026-12-32");
        MappingProblem problem = onlyProblemAt(content, "2026-12-32");
        assertThat(problem.message()).isEqualTo("`2026-12-32` is not a date");
        assertThat(problem.fix()).isEqualTo("write dates as YYYY-MM-DD, e.g. 2026-12-25");
        assertThat(problem.path()).isEqualTo("calendar.holidays[3]");
    }

    @Test
    void unknownWeekday() {
        String content = edited("weekend: [saturday, sunday]", "weekend: [saturday, sundy]");
        MappingProblem problem = onlyProblemAt(content, "sundy");
        assertThat(problem.message()).isEqualTo("`sundy` is not allowed here; expected one of monday, tuesday, wednesday,"
                + " thursday, friday, saturday, sunday (did you mean `sunday`?)");
    }

    @Test
    void ladderAfterACatchAllCanNeverBeChosen() {
        String content = edited("    when: {scope: [immediate-fix, tooling-upgrade]}\n", "");
        MappingProblem problem = onlyProblemAt(content, "id: improvements");
        assertThat(problem.message()).isEqualTo("ladder `improvements` can never be chosen: ladder `production-fixes`"
                + " (line " + MappingFiles.lineOf(content, "id: production-fixes") + ") comes first and has no `when`,"
                + " so it takes every item");
        assertThat(problem.fix()).isEqualTo("move `improvements` above `production-fixes`, or give `production-fixes` a"
                + " `when`");
    }

    @Test
    void ladderCoveredByAWiderOneBeforeItCanNeverBeChosen() {
        String content = edited("  - id: improvements\n    steps:",
                "  - id: improvements\n    when: {scope: [tooling-upgrade], priority: [high]}\n    steps:");
        MappingProblem problem = onlyProblemAt(content, "id: improvements");
        assertThat(problem.message()).endsWith("comes first and matches every item this one matches");
    }

    @Test
    void systemicNamingAnUnknownBoard() {
        String content = edited("board: architecture-review-board", "board: architecture-board");
        MappingProblem problem = onlyProblemAt(content, "architecture-board\n");
        assertThat(problem.message()).isEqualTo("unknown board `architecture-board`");
        assertThat(problem.path()).isEqualTo("systemic.board");
    }

    @Test
    void recurrencesBelowTwo() {
        String content = edited("recurrences: 3", "recurrences: 1");
        MappingProblem problem = onlyProblemAt(content, "1\n  window");
        assertThat(problem.message()).isEqualTo("a failure mode recurs only when it appears on 2 or more retrospectives;"
                + " 1 would make every item systemic");
    }

    @Test
    void unreadableWindow() {
        String content = edited("window: 90 days", "window: 3 months");
        MappingProblem problem = onlyProblemAt(content, "3 months");
        assertThat(problem.message()).isEqualTo("`3 months` is not a length of time");
        assertThat(problem.fix()).isEqualTo("write `N day(s)` or `N week(s)`, N from 1, e.g. `90 days`");
    }

    @Test
    void missingTopLevelSection() {
        String content = "version: 1\nboards: {}\n";
        MappingProblem problem = onlyProblemAt(content, "version");
        assertThat(problem.message()).isEqualTo("missing `ladders`");
        assertThat(problem.fix()).isEqualTo("add `ladders:` at the top level");
    }

    @Test
    void serviceNowBoardInTheActionItemTableNamesBothFiles() {
        String content = edited("{table: sc_task, assignment-group: CAB}", "{table: problem_task, assignment-group: CAB}");
        MappingProblem problem = onlyProblemAt(content, "problem_task");
        assertThat(problem.message()).isEqualTo("board `cab` would raise its tickets in `problem_task`, the table"
                + " action-items.yaml reads action items from (scope.servicenow.table), so every ticket would be synced"
                + " as an action item");
        assertThat(problem.path()).isEqualTo("boards.cab.servicenow.table");
    }

    @Test
    void jiraBoardInAnActionItemProjectNamesBothFiles() {
        String content = edited("project: ARB", "project: PAY");
        MappingProblem problem = onlyProblemAt(content, "PAY, issue-type");
        assertThat(problem.message()).isEqualTo("board `architecture-review-board` would raise its tickets in project"
                + " `PAY`, which action-items.yaml searches for action items (scope.jira.projects), so every ticket"
                + " would be synced as an action item");
    }

    @Test
    void markerLabelPrefixOfAMappedFieldNamesBothFiles() {
        String content = edited("jira-label-prefix: \"escalated:\"", "jira-label-prefix: \"failure-mode:\"");
        MappingProblem problem = onlyProblemAt(content, "\"failure-mode:\"");
        assertThat(problem.message()).isEqualTo("escalation labels `failure-mode:<board id>` would be read as"
                + " `failure-mode`, which action-items.yaml keeps in labels starting `failure-mode:`");
    }

    @Test
    void markerFieldMappedByTheActionItemsNamesBothFiles() {
        String content = edited("servicenow-field: u_escalation", "servicenow-field: cause_code");
        MappingProblem problem = onlyProblemAt(content, "cause_code");
        assertThat(problem.message()).isEqualTo("`cause_code` holds `failure-mode` in action-items.yaml, so the"
                + " escalation marker would overwrite it and be synced to Jira");
        assertThat(problem.path()).isEqualTo("markers.servicenow-field");
    }

    @Test
    void everyProblemIsReportedAtOnceInFileOrder() {
        String content = edited("zone: UTC", "zone: Mars/Olympus")
                .replace("action: {ticket: cab}", "action: {ticket: nobody}")
                .replace("recurrences: 3", "recurrences: three");
        List<MappingProblem> problems = MappingFiles.problemsOf(MappingFiles.writeEscalations(dir, content));
        assertThat(problems).extracting(MappingProblem::path)
                .containsExactly("calendar.zone", "ladders[0].steps[1].action.ticket", "systemic.recurrences");
        assertThat(problems).extracting(MappingProblem::line).isSorted();
    }
}
