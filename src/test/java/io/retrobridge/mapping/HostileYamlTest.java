package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Files built to hang or exhaust a YAML reader are refused quickly, with a message. */
@Timeout(10)
class HostileYamlTest {

    @TempDir
    Path dir;

    private MappingProblem refused(String content) {
        long start = System.nanoTime();
        List<MappingProblem> problems = MappingFiles.problemsOf(MappingFiles.write(dir, content));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void tenMegabyteFileIsRefusedBeforeParsing() throws IOException {
        String comment = "# " + "x".repeat(1021) + "\n";
        Files.writeString(dir.resolve("action-items.yaml"), comment.repeat(10 * 1024));
        List<MappingProblem> problems = MappingFiles.problemsOf(dir);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("file is 10485760 bytes; mapping files may be at most 1048576 bytes (1 MiB)");
            assertThat(p.line()).isEqualTo(1);
        });
    }

    @Test
    void thousandDeepNestingIsRefused() {
        String content = "version: 1\nscope: " + "[".repeat(1000) + "]".repeat(1000) + "\n";
        MappingProblem problem = refused(content);
        assertThat(problem.message()).isEqualTo("file is nested deeper than 40 levels");
    }

    @Test
    void thousandDeepBlockNestingIsRefused() {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            content.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        MappingProblem problem = refused(content.toString());
        assertThat(problem.message()).isEqualTo("file is nested deeper than 40 levels");
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder content = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            content.append(c).append(": &").append(c).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, "*" + p))).append("]\n");
        }
        MappingProblem problem = refused(content.toString());
        assertThat(problem.message()).isEqualTo(
                "file uses more than 10 aliases (*name) of lists or maps; refused as a possible alias bomb");
    }

    @Test
    void javaTypeTagIsRefusedAndNothingIsConstructed() {
        String content = MappingFiles.shippedWith("version: 1",
                "version: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]");
        List<MappingProblem> problems = MappingFiles.problemsOf(MappingFiles.write(dir, content));
        assertThat(problems).first().satisfies(p -> {
            assertThat(p.message()).isEqualTo("unknown tag `!!javax.script.ScriptEngineManager`; mapping files use plain"
                    + " YAML without tags");
            assertThat(p.line()).isEqualTo(MappingFiles.lineOf(content, "!!javax"));
            assertThat(p.column()).isEqualTo(MappingFiles.columnOf(content, "!!javax"));
        });
    }

    @Test
    void localTagIsRefused() {
        String content = MappingFiles.shippedWith("issue-type: Task", "issue-type: !shell Task");
        MappingProblem problem = refused(content);
        assertThat(problem.message()).isEqualTo("unknown tag `!shell`; mapping files use plain YAML without tags");
    }

    @Test
    void recursiveAliasIsRefused() {
        MappingProblem problem = refused("version: 1\nscope: &a [*a]\n");
        assertThat(problem.message()).isEqualTo("an alias refers to the list or map it is inside");
        assertThat(problem.line()).isEqualTo(2);
    }

    @Test
    void catastrophicRegexGivesUpInsteadOfHanging() {
        // Polynomial backtracking: without a budget this runs for hours on a few hundred characters.
        SafePattern pattern = new SafePattern(java.util.regex.Pattern.compile("(.*a){31}"));
        long start = System.nanoTime();
        assertThat(pattern.find("a".repeat(30) + "b".repeat(300))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(new SafePattern(java.util.regex.Pattern.compile("(.*a){3}")).find("banana")).contains(true);
    }

    @Test
    void notUtf8IsRefused() throws IOException {
        Files.write(dir.resolve("action-items.yaml"), new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28});
        assertThat(MappingFiles.problemsOf(dir)).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("file is not valid UTF-8"));
    }

    // escalations.yaml is read through the same guarded reader: the same files are refused there too.

    private MappingProblem escalationsRefused(String content) {
        long start = System.nanoTime();
        List<MappingProblem> problems = MappingFiles.problemsOf(MappingFiles.writeEscalations(dir, content));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).file()).isEqualTo("escalations.yaml");
        return problems.get(0);
    }

    @Test
    void billionLaughsInEscalationsIsRefused() {
        StringBuilder content = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            content.append(c).append(": &").append(c).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, "*" + p))).append("]\n");
        }
        assertThat(escalationsRefused(content.toString()).message()).isEqualTo(
                "file uses more than 10 aliases (*name) of lists or maps; refused as a possible alias bomb");
    }

    @Test
    void javaTypeTagInEscalationsIsRefusedAndNothingIsConstructed() {
        String content = MappingFiles.shippedEscalationsWith("version: 1",
                "version: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]");
        MappingProblem problem = escalationsRefused(content);
        assertThat(problem.message()).isEqualTo("unknown tag `!!javax.script.ScriptEngineManager`; mapping files use"
                + " plain YAML without tags");
        assertThat(problem.line()).isEqualTo(MappingFiles.lineOf(content, "!!javax"));
    }

    @Test
    void deepNestingInEscalationsIsRefused() {
        MappingProblem problem = escalationsRefused("version: 1\nboards: " + "[".repeat(1000) + "]".repeat(1000) + "\n");
        assertThat(problem.message()).isEqualTo("file is nested deeper than 40 levels");
    }

    @Test
    void oversizedEscalationsIsRefusedBeforeParsing() {
        String comment = "# " + "x".repeat(1021) + "\n";
        MappingProblem problem = escalationsRefused(comment.repeat(2 * 1024));
        assertThat(problem.message()).isEqualTo("file is 2097152 bytes; mapping files may be at most 1048576 bytes (1 MiB)");
    }
}
