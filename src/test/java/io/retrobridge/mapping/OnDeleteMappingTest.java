package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code on-delete}: what a proven deletion does to the surviving record; leaving it out changes nothing there. */
class OnDeleteMappingTest {

    @TempDir
    Path dir;

    @Test
    void theShippedMappingLeavesTheSurvivorAlone() {
        assertThat(MappingFiles.load(MappingFiles.shipped(), dir).actionItems().onDelete()).isEqualTo(OnDelete.LEAVE);
    }

    @Test
    void aMappingWithoutOnDeleteLeavesTheSurvivorAlone() {
        String content = MappingFiles.shippedWith("\non-delete: leave\n", "\n");
        assertThat(content).doesNotContain("\non-delete:");
        assertThat(MappingFiles.load(content, dir).actionItems().onDelete()).isEqualTo(OnDelete.DEFAULT)
                .isEqualTo(OnDelete.LEAVE);
    }

    @ParameterizedTest
    @EnumSource(OnDelete.class)
    void eachChoiceIsRead(OnDelete choice) {
        String content = MappingFiles.shippedWith("\non-delete: leave\n", "\non-delete: " + choice.yaml() + "\n");
        assertThat(MappingFiles.load(content, dir).actionItems().onDelete()).isEqualTo(choice);
    }

    @Test
    void aMisspelledChoiceIsRefusedWithTheNearestOneAndWhereItIs() {
        String content = MappingFiles.shippedWith("\non-delete: leave\n", "\non-delete: cancle\n");
        List<MappingProblem> problems = MappingFiles.problemsOf(MappingFiles.write(dir, content));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("on-delete");
            assertThat(problem.message()).contains("`cancle` is not allowed here; expected one of cancel, comment, leave")
                    .contains("did you mean `cancel`?");
            assertThat(problem.format()).startsWith("action-items.yaml:" + MappingFiles.lineOf(content, "on-delete: cancle")
                    + ":" + MappingFiles.columnOf(content, "cancle") + ": ");
        });
    }

    @Test
    void aMisspelledKeyIsRefusedWithTheNearestOne() {
        String content = MappingFiles.shippedWith("\non-delete: leave\n", "\nondelete: cancel\n");
        List<MappingProblem> problems = MappingFiles.problemsOf(MappingFiles.write(dir, content));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo("unknown key `ondelete`; did you mean `on-delete`?");
            assertThat(problem.line()).isEqualTo(MappingFiles.lineOf(content, "ondelete"));
        });
    }
}
