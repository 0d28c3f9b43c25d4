package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ExternalSystem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The `comments:` section: what it means, what leaving it out means, and how mistakes are reported. */
class CommentRuleMappingTest {

    private static final String SHIPPED_SECTION = "comments:\n  direction: both\n  servicenow: work_notes\n  text: html\n";

    @TempDir
    Path dir;

    @Test
    void shippedFileSyncsCommentsBothWaysAsHtmlWorkNotes() {
        CommentRule rule = MappingFiles.load(MappingFiles.shipped(), dir).actionItems().comments();

        assertThat(rule).isEqualTo(new CommentRule(CommentRule.Direction.BOTH, CommentRule.JournalField.WORK_NOTES,
                TextFormat.HTML));
        assertThat(rule.carriesFrom(ExternalSystem.JIRA)).isTrue();
        assertThat(rule.carriesFrom(ExternalSystem.SERVICENOW)).isTrue();
    }

    @Test
    void aFileWithoutTheSectionSyncsCommentsBothWaysAsWorkNotes() {
        String content = MappingFiles.shippedWith(SHIPPED_SECTION, "");

        assertThat(MappingFiles.load(content, dir).actionItems().comments()).isEqualTo(CommentRule.DEFAULT);
    }

    @Test
    void oneWayToCustomerVisibleCommentsAsPlainText() {
        String content = MappingFiles.shippedWith(SHIPPED_SECTION,
                "comments:\n  direction: jira->servicenow\n  servicenow: comments\n  text: plain\n");

        CommentRule rule = MappingFiles.load(content, dir).actionItems().comments();

        assertThat(rule.serviceNowJournal().element()).isEqualTo("comments");
        assertThat(rule.serviceNowText()).isEqualTo(TextFormat.PLAIN);
        assertThat(rule.carriesFrom(ExternalSystem.JIRA)).isTrue();
        assertThat(rule.carriesFrom(ExternalSystem.SERVICENOW)).isFalse();
    }

    @Test
    void directionNoneCarriesNothing() {
        String content = MappingFiles.shippedWith("  direction: both\n  servicenow: work_notes", "  direction: none\n  servicenow: work_notes");

        CommentRule rule = MappingFiles.load(content, dir).actionItems().comments();

        assertThat(rule.carriesFrom(ExternalSystem.JIRA)).isFalse();
        assertThat(rule.carriesFrom(ExternalSystem.SERVICENOW)).isFalse();
    }

    @Test
    void aMisspelledJournalFieldIsReportedAtItsLineWithTheNearestName() {
        String content = MappingFiles.shippedWith("  servicenow: work_notes\n", "  servicenow: worknotes\n");

        List<MappingProblem> problems = MappingFiles.problemsOf(MappingFiles.write(dir, content));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("comments.servicenow");
            assertThat(problem.line()).isEqualTo(MappingFiles.lineOf(content, "worknotes"));
            assertThat(problem.message()).contains("worknotes").contains("work_notes, comments")
                    .contains("did you mean `work_notes`?");
        });
    }

    @Test
    void anUnknownDirectionAndAnUnknownKeyAreBothReported() {
        String content = MappingFiles.shippedWith(SHIPPED_SECTION, "comments:\n  direction: sideways\n  txt: html\n");

        List<MappingProblem> problems = MappingFiles.problemsOf(MappingFiles.write(dir, content));

        assertThat(problems).extracting(MappingProblem::path).containsExactlyInAnyOrder("comments.direction", "comments.txt");
        assertThat(problems).allSatisfy(p -> assertThat(p.fix()).isNotBlank());
        assertThat(problems).filteredOn(p -> p.path().equals("comments.direction")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("both, jira->servicenow, servicenow->jira, none"));
    }
}
