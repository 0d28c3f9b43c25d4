package io.retrobridge.mapping.change;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.mapping.CommentRule;
import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.mapping.MappingProblem;
import io.retrobridge.mapping.TextFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code comments:} section of change-records.yaml: whether Jira comments on a mirror flow back to the change, and
 * as what. Only one way is possible; every other value is refused at its line with a fix.
 */
class ChangeRecordCommentsParserTest {

    private static final Path SHIPPED = MappingFiles.SHIPPED_DIR.resolve(ChangeRecordsMapping.FILE_NAME);
    private static final String SHIPPED_SECTION = "comments:\n  direction: jira->servicenow\n  servicenow: work_notes\n";

    @TempDir
    Path dir;

    private static String shipped() {
        try {
            return Files.readString(SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withComments(String section) {
        String text = shipped();
        assertThat(text).as("the shipped change-records.yaml ends with its comments section").endsWith(SHIPPED_SECTION);
        return text.substring(0, text.length() - SHIPPED_SECTION.length()) + section;
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

    private CommentRule commentsOf(String content) {
        return MappingFiles.load(folderWith(content)).changeRecords().orElseThrow().comments();
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
    void theShippedFileSendsJiraCommentsToTheChangeAsWorkNotes() {
        CommentRule rule = commentsOf(shipped());

        assertThat(rule.direction()).isEqualTo(CommentRule.Direction.JIRA_TO_SERVICENOW);
        assertThat(rule.serviceNowJournal()).isEqualTo(CommentRule.JournalField.WORK_NOTES);
        assertThat(rule.serviceNowText()).isEqualTo(TextFormat.HTML);
    }

    @Test
    void withoutTheSectionNothingFlowsBack() {
        CommentRule rule = commentsOf(withComments(""));

        assertThat(rule).isEqualTo(ChangeRecordsMapping.NO_COMMENTS);
        assertThat(rule.direction()).isEqualTo(CommentRule.Direction.NONE);
    }

    @Test
    void additionalCommentsAsPlainTextOrNoneAreTaken() {
        CommentRule rule = commentsOf(withComments(
                "comments:\n  direction: jira->servicenow\n  servicenow: comments\n  text: plain\n"));
        assertThat(rule).isEqualTo(new CommentRule(CommentRule.Direction.JIRA_TO_SERVICENOW,
                CommentRule.JournalField.COMMENTS, TextFormat.PLAIN));

        assertThat(commentsOf(withComments("comments:\n  direction: none\n")).direction())
                .isEqualTo(CommentRule.Direction.NONE);
    }

    @Test
    void copyingTheChangesJournalToJiraIsRefusedAsTheMirrorIsOneWay() {
        for (String direction : List.of("servicenow->jira", "both")) {
            String content = withComments("comments:\n  direction: " + direction + "\n  servicenow: work_notes\n");
            MappingProblem problem = onlyProblemAt(content, direction + "\n  servicenow:");

            assertThat(problem.path()).isEqualTo("comments.direction");
            assertThat(problem.message()).contains("`" + direction + "`").contains("mirrored one way");
            assertThat(problem.fix()).contains("`jira->servicenow`").contains("`none`");
        }
    }

    @Test
    void aMisspeltDirectionSuggestsTheNearestOne() {
        String content = withComments("comments:\n  direction: jira-servicenow\n");
        MappingProblem problem = onlyProblemAt(content, "jira-servicenow");

        assertThat(problem.message()).isEqualTo(
                "`jira-servicenow` is not allowed here; expected one of jira->servicenow, none (did you mean `jira->servicenow`?)");
    }

    @Test
    void anUnknownJournalFieldOrKeyIsRefusedAtItsLine() {
        String field = withComments("comments:\n  direction: jira->servicenow\n  servicenow: worknotes\n");
        assertThat(onlyProblemAt(field, "worknotes").path()).isEqualTo("comments.servicenow");

        String key = withComments("comments:\n  direction: jira->servicenow\n  journal: work_notes\n");
        assertThat(onlyProblemAt(key, "journal:").message()).startsWith("unknown key `journal`");

        String text = withComments("comments:\n  direction: jira->servicenow\n  text: markdown\n");
        assertThat(onlyProblemAt(text, "markdown").path()).isEqualTo("comments.text");
    }
}
