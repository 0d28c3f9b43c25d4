package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each mistake an admin can make gets one message that says where, what and how to fix it. */
class ValidationMessagesTest {

    @TempDir
    Path dir;

    /** Loads {@code content}, expects exactly one problem and checks it is located at {@code marker}. */
    private MappingProblem onlyProblemAt(String content, String marker) {
        List<MappingProblem> problems = MappingFiles.problemsOf(MappingFiles.write(dir, content));
        assertThat(problems).as(problems.toString()).hasSize(1);
        MappingProblem problem = problems.get(0);
        assertThat(problem.file()).isEqualTo("action-items.yaml");
        assertThat(problem.line()).as("line of " + marker).isEqualTo(MappingFiles.lineOf(content, marker));
        assertThat(problem.column()).as("column of " + marker).isEqualTo(MappingFiles.columnOf(content, marker));
        assertThat(problem.fix()).isNotBlank();
        return problem;
    }

    @Test
    void unknownKeySuggestsTheNearestOne() {
        String content = MappingFiles.shippedWith("    owner: servicenow", "    ownr: servicenow");
        MappingProblem problem = onlyProblemAt(content, "ownr: servicenow");
        assertThat(problem.message()).isEqualTo("unknown key `ownr`; did you mean `owner`?");
        assertThat(problem.path()).isEqualTo("fields.assignee.ownr");
        assertThat(problem.format()).startsWith("action-items.yaml:" + MappingFiles.lineOf(content, "ownr:") + ":5: ")
                .endsWith("(rename it to `owner`)");
    }

    @Test
    void unknownCanonicalFieldSuggestsTheNearestOne() {
        String content = MappingFiles.shippedWith("  due-date:\n", "  due-dat:\n");
        MappingProblem problem = onlyProblemAt(content, "due-dat:");
        assertThat(problem.message()).isEqualTo("unknown field `due-dat`; did you mean `due-date`?");
    }

    @Test
    void statusMappedTwiceNamesBothValues() {
        String content = MappingFiles.shippedWith("jira: [Cancelled, \"Won't Do\"]", "jira: [Cancelled, Done]");
        MappingProblem problem = onlyProblemAt(content, "Done]\n        servicenow: [{state: \"157\", close_code: canceled");
        assertThat(problem.message()).isEqualTo("status `Done` is mapped twice (under `done` and `cancelled`)");
        assertThat(problem.path()).isEqualTo("values.status.map.cancelled.jira[1]");
    }

    @Test
    void serviceNowStateMappedTwiceIsFoundAcrossFields() {
        String content = MappingFiles.shippedWith("servicenow: [{state: \"154\"}]", "servicenow: [{state: \"151\"}]");
        MappingProblem problem = onlyProblemAt(content, "{state: \"151\"}]  ");
        assertThat(problem.message()).isEqualTo("status `151` is mapped twice (under `open` and `in-progress`)");
    }

    @Test
    void valueMapWithoutDefault() {
        String content = MappingFiles.shippedWith("    default: medium\n", "");
        MappingProblem problem = onlyProblemAt(content, "priority:\n    # impact");
        assertThat(problem.message()).isEqualTo("value map for `priority` has no default");
        assertThat(problem.fix()).contains("default: medium");
    }

    @Test
    void usersWithoutDefault() {
        String content = MappingFiles.shippedWith("    default: leave-unchanged ", "    # ");
        MappingProblem problem = onlyProblemAt(content, "users:\n");
        assertThat(problem.message()).isEqualTo("value map for `users` has no default");
    }

    @Test
    void defaultWithoutAValueOnOneSide() {
        String content = MappingFiles.shippedWith("      open:\n        jira: [To Do, Backlog]\n", "      open:\n");
        MappingProblem problem = onlyProblemAt(content, "open\n    map:");
        assertThat(problem.message()).isEqualTo("default `open` has no jira value in the map, so it cannot stand in for"
                + " unmapped values");
    }

    @Test
    void wrongEnumValueListsTheAllowedOnes() {
        String content = MappingFiles.shippedWith("conflict: park ", "conflict: parked ");
        MappingProblem problem = onlyProblemAt(content, "parked");
        assertThat(problem.message()).isEqualTo(
                "`parked` is not allowed here; expected one of owner-wins, newest-wins, park (did you mean `park`?)");
    }

    @Test
    void wrongScopeInARuleListsTheScopes() {
        String content = MappingFiles.shippedWith("then: {scope: training, kind: preventive}",
                "then: {scope: coaching, kind: preventive}");
        MappingProblem problem = onlyProblemAt(content, "coaching");
        assertThat(problem.message()).isEqualTo("`coaching` is not allowed here; expected one of immediate-fix,"
                + " process-improvement, tooling-upgrade, training");
        assertThat(problem.path()).isEqualTo("classification.rules[4].then.scope");
    }

    @Test
    void invalidRegexSaysWhereInThePattern() {
        String content = MappingFiles.shippedWith("matches: '(?i)\\b(canary", "matches: '(?i)\\b((canary");
        MappingProblem problem = onlyProblemAt(content, "'(?i)\\b((canary");
        assertThat(problem.message()).startsWith("invalid regular expression `(?i)\\b((canary").contains("Unclosed group");
    }

    @Test
    void overlongRegexIsRefused() {
        String content = MappingFiles.shippedWith("matches: '(?i)\\b(canary", "matches: '" + "a".repeat(200) + "(?i)\\b(canary");
        MappingProblem problem = onlyProblemAt(content, "'" + "a".repeat(200));
        assertThat(problem.message()).startsWith("pattern is ").endsWith("characters; at most 200 are allowed");
    }

    @Test
    void duplicatedRuleIdNamesTheFirst() {
        String content = MappingFiles.shippedWith("- id: training-needs", "- id: hotfix-labelled");
        MappingProblem problem = onlyProblemAt(content, "hotfix-labelled\n      when:\n        labels: {any: [training");
        assertThat(problem.message()).isEqualTo("rule id `hotfix-labelled` is used twice (first at line "
                + MappingFiles.lineOf(content, "hotfix-labelled") + ")");
    }

    @Test
    void oneWayFieldOwnedByTheOtherSide() {
        String content = MappingFiles.shippedWith("    direction: jira->servicenow\n    jira: priority",
                "    direction: jira->servicenow\n    owner: servicenow\n    jira: priority");
        MappingProblem problem = onlyProblemAt(content, "servicenow\n    jira: priority");
        assertThat(problem.message()).isEqualTo("field `priority` travels jira->servicenow but is owned by servicenow;"
                + " ownership conflicts with the direction");
    }

    @Test
    void ownerWinsWithoutOwner() {
        String content = MappingFiles.shippedWith("    owner: jira\n", "");
        MappingProblem problem = onlyProblemAt(content, "owner-wins\n    jira: duedate");
        assertThat(problem.message()).isEqualTo("`owner-wins` needs an owner");
    }

    @Test
    void twoCanonicalFieldsOnOneExternalField() {
        String content = MappingFiles.shippedWith("servicenow: cause_code", "servicenow: short_description");
        MappingProblem problem = onlyProblemAt(content, "short_description\n\n  labels");
        assertThat(problem.message()).isEqualTo("servicenow field `short_description` is already mapped at line "
                + MappingFiles.lineOf(content, "short_description") + "; two canonical fields would overwrite each other");
    }

    @Test
    void missingDirectionOnAFieldBoundToBothSides() {
        String content = MappingFiles.shippedWith("    direction: both\n    conflict: newest-wins\n    jira: summary",
                "    conflict: newest-wins\n    jira: summary");
        MappingProblem problem = onlyProblemAt(content, "conflict: newest-wins\n    jira: summary");
        assertThat(problem.message()).isEqualTo("missing `direction`");
    }

    @Test
    void directionOnAOneSidedField() {
        String content = MappingFiles.shippedWith("    jira: labels ", "    direction: both\n    jira: labels ");
        MappingProblem problem = onlyProblemAt(content, "both\n    jira: labels");
        assertThat(problem.message()).isEqualTo("field `labels` has no `servicenow` side, so it cannot travel `both`");
    }

    @Test
    void valueForAFieldTheSideDoesNotBind() {
        String content = MappingFiles.shippedWith("{state: \"157\", close_code: fix_applied}",
                "{state: \"157\", close_cde: fix_applied}");
        MappingProblem problem = onlyProblemAt(content, "close_cde");
        assertThat(problem.message()).isEqualTo("unknown key `close_cde`; did you mean `close_code`?");
    }

    @Test
    void impactOutsideOneToThree() {
        String content = MappingFiles.shippedWith("[{impact: \"3\", urgency: \"3\"}]", "[{impact: \"4\", urgency: \"3\"}]");
        MappingProblem problem = onlyProblemAt(content, "{impact: \"4\"");
        assertThat(problem.message()).isEqualTo("impact `4` is not a ServiceNow level; expected 1, 2 or 3");
    }

    @Test
    void ruleWithoutConditions() {
        String content = MappingFiles.shippedWith("        labels: {any: [training, onboarding]}\n", "        {}\n")
                .replace("      when:\n        {}", "      when: {}");
        MappingProblem problem = onlyProblemAt(content, "{}");
        assertThat(problem.message()).isEqualTo("the rule has no conditions, so it would match every item");
    }

    @Test
    void duplicatedKey() {
        String content = MappingFiles.shippedWith("    issue-type: Task", "    issue-type: Task\n    issue-type: Story");
        MappingProblem problem = onlyProblemAt(content, "issue-type: Story");
        assertThat(problem.message()).isEqualTo("key `issue-type` appears twice (first at line "
                + MappingFiles.lineOf(content, "issue-type: Task") + ")");
    }

    @Test
    void missingRequiredKey() {
        String content = MappingFiles.shippedWith("    issue-type: Task ", "    # ");
        MappingProblem problem = onlyProblemAt(content, "projects: [PAY]");
        assertThat(problem.message()).isEqualTo("missing `issue-type`");
    }

    @Test
    void invalidProjectKey() {
        String content = MappingFiles.shippedWith("projects: [PAY]", "projects: [pay]");
        MappingProblem problem = onlyProblemAt(content, "pay]");
        assertThat(problem.message()).isEqualTo("`pay` is not a Jira project key");
    }

    @Test
    void jqlFragmentMustNotOrder() {
        String content = MappingFiles.shippedWith("jql: \"\"", "jql: \"component = Checkout ORDER BY created\"");
        MappingProblem problem = onlyProblemAt(content, "\"component");
        assertThat(problem.message()).isEqualTo("the JQL fragment has ORDER BY; RetroBridge orders results itself");
    }

    @Test
    void encodedQueryMustNotWidenTheScope() {
        String content = MappingFiles.shippedWith("query: problem_task_type=general", "query: problem_task_type=general^NQactive=true");
        MappingProblem problem = onlyProblemAt(content, "problem_task_type=general^NQ");
        assertThat(problem.message()).startsWith("the encoded query has ^NQ");
    }

    @Test
    void userListedTwice() {
        String content = MappingFiles.shippedWith("      - email: abel.tuter@example.com", "      - email: Beth.Anglin@example.com");
        MappingProblem problem = onlyProblemAt(content, "Beth.Anglin");
        assertThat(problem.message()).isEqualTo("user `beth.anglin@example.com` is listed twice (first at line "
                + MappingFiles.lineOf(content, "beth.anglin@example.com") + ")");
    }

    @Test
    void unsupportedVersion() {
        String content = MappingFiles.shippedWith("version: 1", "version: 2");
        MappingProblem problem = onlyProblemAt(content, "2\n");
        assertThat(problem.message()).isEqualTo("version `2` is not supported; this RetroBridge reads version 1");
    }

    @Test
    void invalidReleasePhase() {
        String content = MappingFiles.shippedWith("release-phase: cutover}", "release-phase: Cut Over}");
        MappingProblem problem = onlyProblemAt(content, "Cut Over");
        assertThat(problem.message()).isEqualTo("release phase `Cut Over` must be lower-case words joined by hyphens");
    }

    @Test
    void listWhereAMapBelongs() {
        String content = MappingFiles.shippedWith("  title:\n    direction: both\n    conflict: newest-wins\n"
                + "    jira: summary\n    servicenow: short_description\n", "  title: [summary, short_description]\n");
        MappingProblem problem = onlyProblemAt(content, "[summary");
        assertThat(problem.message()).isEqualTo("expected a map of direction, conflict, owner, jira, servicenow but found a list");
        assertThat(problem.fix()).isEqualTo("indent the keys under `title:`");
    }

    @Test
    void emptySectionIsReported() {
        String shipped = MappingFiles.shipped();
        String content = shipped.substring(0, shipped.indexOf("fields:\n")) + "fields:\n"
                + shipped.substring(shipped.indexOf("# ----", shipped.indexOf("fields:\n")))
                .replaceFirst("(?s)^.*?\nvalues:", "values:");
        List<MappingProblem> problems = MappingFiles.problemsOf(MappingFiles.write(dir, content));
        assertThat(problems).extracting(MappingProblem::message).contains("expected a map but found nothing");
    }

    @Test
    void notAMappingAtAll() {
        MappingProblem problem = onlyProblemAt("- just\n- a list\n", "- just");
        assertThat(problem.message()).startsWith("expected a map of version, scope, fields, values, classification, comments, on-delete, servicenow but found a list");
    }

    @Test
    void yamlSyntaxErrorIsLocated() {
        String content = MappingFiles.shippedWith("    issue-type: Task", "    issue-type: [Task");
        List<MappingProblem> problems = MappingFiles.problemsOf(MappingFiles.write(dir, content));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).startsWith("not valid YAML: ");
        assertThat(problems.get(0).line()).isGreaterThanOrEqualTo(MappingFiles.lineOf(content, "[Task"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String content = MappingFiles.shippedWith("    owner: servicenow", "    ownr: servicenow")
                .replace("conflict: park ", "conflict: parked ")
                .replace("    default: medium\n", "")
                .replace("- id: training-needs", "- id: hotfix-labelled");
        assertThat(MappingFiles.problemsOf(MappingFiles.write(dir, content))).extracting(MappingProblem::message)
                .hasSize(4)
                .anyMatch(m -> m.contains("ownr"))
                .anyMatch(m -> m.contains("parked"))
                .anyMatch(m -> m.contains("no default"))
                .anyMatch(m -> m.contains("used twice"));
    }

    @Test
    void missingFileSaysWhatToDo() {
        List<MappingProblem> problems = MappingFiles.problemsOf(dir);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("action-items.yaml");
            assertThat(p.message()).startsWith("file is missing from ");
        });
    }
}
