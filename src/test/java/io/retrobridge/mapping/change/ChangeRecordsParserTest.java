package io.retrobridge.mapping.change;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ChangeState;
import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.mapping.MappingProblem;
import io.retrobridge.mapping.change.ChangeRecordsMapping.StateShown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What change-records.yaml says reaches the mapping the mirror works from, exactly; and each mistake an admin can
 * make gets one message naming file, line, column and a fix, while the file is refused.
 */
class ChangeRecordsParserTest {

    private static final Path SHIPPED = MappingFiles.SHIPPED_DIR.resolve(ChangeRecordsMapping.FILE_NAME);

    @TempDir
    Path dir;

    private static String shipped() {
        try {
            return Files.readString(SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String edited(String from, String to) {
        String text = shipped();
        assertThat(text).as("the shipped change-records.yaml contains " + from).contains(from);
        return text.replace(from, to);
    }

    private Path folderWith(String changeRecords) {
        MappingFiles.writeEscalations(dir, MappingFiles.shippedEscalations());
        try {
            Files.writeString(dir.resolve(ChangeRecordsMapping.FILE_NAME), changeRecords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private MappingProblem onlyProblemAt(String content, String marker) {
        List<MappingProblem> problems = MappingFiles.problemsOf(folderWith(content));
        assertThat(problems).as(problems.toString()).hasSize(1);
        MappingProblem problem = problems.get(0);
        assertThat(problem.file()).isEqualTo(ChangeRecordsMapping.FILE_NAME);
        assertThat(problem.line()).as("line of " + marker).isEqualTo(MappingFiles.lineOf(content, marker));
        assertThat(problem.column()).as("column of " + marker).isEqualTo(MappingFiles.columnOf(content, marker));
        assertThat(problem.fix()).isNotBlank();
        assertThat(problem.format()).startsWith(ChangeRecordsMapping.FILE_NAME + ":" + problem.line() + ":"
                + problem.column() + ": ");
        return problem;
    }

    @Test
    void theShippedFileMirrorsEveryChangeIntoChgWithItsStates() {
        LoadedMappings loaded = MappingFiles.load(folderWith(shipped()));
        ChangeRecordsMapping mapping = loaded.changeRecords().orElseThrow();

        assertThat(loaded.files()).contains(ChangeRecordsMapping.FILE_NAME);
        assertThat(mapping.query()).isEmpty();
        assertThat(mapping.project()).isEqualTo("CHG");
        assertThat(mapping.issueType()).isEqualTo("Task");
        assertThat(mapping.label()).isEqualTo("change-record");
        assertThat(mapping.target(ChangeField.NUMBER)).contains("summary");
        assertThat(mapping.target(ChangeField.SHORT_DESCRIPTION)).contains("summary");
        for (ChangeField field : List.of(ChangeField.TYPE, ChangeField.STATE, ChangeField.RISK, ChangeField.IMPACT,
                ChangeField.ASSIGNMENT_GROUP, ChangeField.CONFIGURATION_ITEM, ChangeField.PLANNED_START,
                ChangeField.PLANNED_END, ChangeField.ACTUAL_START, ChangeField.ACTUAL_END, ChangeField.CLOSE_CODE,
                ChangeField.CLOSE_NOTES)) {
            assertThat(mapping.target(field)).as(field.yamlName()).contains("details");
        }
        assertThat(mapping.shown(ChangeState.NEW)).contains(new StateShown("To Do", null));
        assertThat(mapping.shown(ChangeState.IMPLEMENT)).contains(new StateShown("In Progress", "change-implement"));
        assertThat(mapping.shown(ChangeState.REVIEW)).contains(new StateShown("In Progress", "change-review"));
        assertThat(mapping.shown(ChangeState.CLOSED)).contains(new StateShown("Done", null));
        assertThat(mapping.shown(ChangeState.CANCELED)).contains(new StateShown("Cancelled", null));
        assertThat(mapping.stateLabels()).containsExactly("change-authorize", "change-scheduled", "change-implement",
                "change-review");
    }

    @Test
    void aQueryACustomFieldAndALeftOutFieldAreTaken() {
        LoadedMappings loaded = MappingFiles.load(folderWith(edited("  query: \"\"", "  query: assignment_group.name=CAB")
                .replace("  close-notes: details", "  close-notes: customfield_10060")
                .replace("  risk: details", "  risk: none")));
        ChangeRecordsMapping mapping = loaded.changeRecords().orElseThrow();

        assertThat(mapping.query()).isEqualTo("assignment_group.name=CAB");
        assertThat(mapping.target(ChangeField.CLOSE_NOTES)).contains("customfield_10060");
        assertThat(mapping.target(ChangeField.RISK)).isEmpty();
    }

    @Test
    void withoutFieldsNumberAndShortDescriptionMakeTheSummaryAndTheRestTheDetails() {
        String content = shipped();
        content = content.substring(0, content.indexOf("fields:")) + content.substring(content.indexOf("# How each"));
        ChangeRecordsMapping mapping = MappingFiles.load(folderWith(content)).changeRecords().orElseThrow();

        assertThat(mapping.target(ChangeField.NUMBER)).contains("summary");
        assertThat(mapping.target(ChangeField.CLOSE_CODE)).contains("details");
    }

    @Test
    void aMisspeltKeySuggestsTheNearestOne() {
        String content = edited("  issue-type: Task", "  issuetype: Task");
        List<MappingProblem> problems = MappingFiles.problemsOf(folderWith(content));

        assertThat(problems).extracting(MappingProblem::message).containsExactly(
                "unknown key `issuetype`; did you mean `issue-type`?", "missing `issue-type`");
        assertThat(problems.get(0).line()).isEqualTo(MappingFiles.lineOf(content, "issuetype:"));
        assertThat(problems.get(0).fix()).isEqualTo("rename it to `issue-type`");
    }

    @Test
    void anUnknownStateIsRefusedWithTheStatesThereAre() {
        String content = edited("  review: {status:", "  reviewed: {status:");
        MappingProblem problem = onlyProblemAt(content, "reviewed:");

        assertThat(problem.message()).isEqualTo("unknown key `reviewed`; did you mean `review`?");
        assertThat(problem.path()).isEqualTo("states.reviewed");
    }

    @Test
    void aFieldSentSomewhereJiraHasNoPlaceForIsRefused() {
        String content = edited("  impact: details", "  impact: environment");
        MappingProblem problem = onlyProblemAt(content, "environment");

        assertThat(problem.message()).isEqualTo("`environment` is not a place a change field can go");
        assertThat(problem.fix()).contains("customfield_10050");
    }

    @Test
    void onlyNumberAndShortDescriptionMayMakeTheSummary() {
        String content = edited("  type: details", "  type: summary");
        MappingProblem problem = onlyProblemAt(content, "summary\n  state:");

        assertThat(problem.path()).isEqualTo("fields.type");
        assertThat(problem.message()).isEqualTo("only `number` and `short-description` make up the summary");
    }

    @Test
    void aProjectKeyInLowerCaseIsRefused() {
        String content = edited("  project: CHG", "  project: chg");
        MappingProblem problem = onlyProblemAt(content, "chg            #");

        assertThat(problem.message()).isEqualTo("`chg` is not a Jira project key");
    }

    @Test
    void aStateWithNeitherStatusNorLabelIsRefused() {
        String content = edited("  new: {status: To Do}", "  new: {}");
        MappingProblem problem = onlyProblemAt(content, "{}");

        assertThat(problem.message()).isEqualTo("says neither a status nor a label");
    }

    @Test
    void aBadFileKeepsTheOtherFilesFromLoadingToo() {
        List<MappingProblem> problems = MappingFiles.problemsOf(folderWith(edited("version: 1", "version: 2")));

        assertThat(problems).extracting(MappingProblem::format).containsExactly(ChangeRecordsMapping.FILE_NAME + ":"
                + MappingFiles.lineOf(shipped(), "version: 1") + ":10: version: version `2` is not supported; "
                + "this RetroBridge reads version 1 (set `version: 1`)");
    }
}
