package io.retrobridge.mapping.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.mapping.MappingProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code write:} in gates.yaml: where answers go for the CAB, and every mistake with its place and a fix. */
class GatesWriteParserTest {

    private static final String SHIPPED_WRITE = "  servicenow: {work-note: true, decision-field: u_release_gate}";

    @TempDir
    Path dir;

    private static String with(String servicenow) {
        return GateFiles.shippedWith(SHIPPED_WRITE, servicenow);
    }

    /** The one problem of {@code content}, checked to sit where {@code at} starts. */
    private MappingProblem onlyProblemAt(String content, String at) {
        List<MappingProblem> problems = MappingFiles.problemsOf(GateFiles.write(dir, content));
        assertThat(problems).as(problems.toString()).hasSize(1);
        MappingProblem problem = problems.get(0);
        int index = content.indexOf(at);
        String upTo = content.substring(0, index);
        assertThat(problem.format()).startsWith(GatePolicy.FILE_NAME + ":" + (upTo.chars().filter(c -> c == '\n')
                .count() + 1) + ":" + (index - upTo.lastIndexOf('\n')) + ": ");
        assertThat(problem.fix()).isNotBlank();
        return problem;
    }

    @Test
    void theShippedFileWritesAWorkNoteAndTheReleaseGateField() {
        GatePolicy policy = GateFiles.load(dir, GateFiles.shipped());

        assertThat(policy.write()).isEqualTo(new GateWrite(new GateWrite.ServiceNow(true, "u_release_gate")));
    }

    @Test
    void withoutWriteAnswersGoNowhereButToTheCaller() {
        String shipped = GateFiles.shipped();
        GatePolicy policy = GateFiles.load(dir, shipped.substring(0, shipped.indexOf("\nwrite:")));

        assertThat(policy.write()).isEqualTo(GateWrite.NONE);
        assertThat(policy.write().toServiceNow()).isEmpty();
    }

    @Test
    void theWorkNoteIsOnUnlessSaidAndTheFieldIsOptional() {
        assertThat(GateFiles.load(dir, with("  servicenow: {}")).write().servicenow())
                .isEqualTo(new GateWrite.ServiceNow(true, null));
        assertThat(GateFiles.load(dir, with("  servicenow: {work-note: false, decision-field: u_gate}")).write()
                .servicenow()).isEqualTo(new GateWrite.ServiceNow(false, "u_gate"));
        assertThat(GateFiles.load(dir, with("  servicenow: {decision-field: null}")).write().servicenow().field())
                .isEmpty();
    }

    @Test
    void aFieldThatIsNotAColumnNameIsRefusedWithTheColumnToWrite() {
        String content = with("  servicenow: {work-note: true, decision-field: U Release-Gate}");

        MappingProblem problem = onlyProblemAt(content, "U Release-Gate");

        assertThat(problem.message()).contains("`U Release-Gate` is not a ServiceNow column name");
        assertThat(problem.fix()).contains("`u_release_gate`");
    }

    @Test
    void aDotWalkedFieldIsRefused() {
        String content = with("  servicenow: {decision-field: cmdb_ci.u_gate}");

        assertThat(onlyProblemAt(content, "cmdb_ci.u_gate").message()).contains("is not a ServiceNow column name");
    }

    @Test
    void aJournalOrSystemFieldIsRefused() {
        String journal = with("  servicenow: {decision-field: work_notes}");
        assertThat(onlyProblemAt(journal, "work_notes").message()).contains("a journal field");

        String system = with("  servicenow: {decision-field: sys_updated_by}");
        assertThat(onlyProblemAt(system, "sys_updated_by").message()).contains("a system column");
    }

    @Test
    void writingNothingIsAMistake() {
        String content = with("  servicenow: {work-note: false}");

        MappingProblem problem = onlyProblemAt(content, "{work-note: false}");

        assertThat(problem.message()).contains("writes nothing on the change");
        assertThat(problem.fix()).contains("decision-field", "u_release_gate");
    }

    @Test
    void aWorkNoteThatIsNotTrueOrFalseAndAnUnknownKeyAreNamed() {
        String notBoolean = with("  servicenow: {work-note: yes please}");
        assertThat(onlyProblemAt(notBoolean, "yes please").message()).contains("expected one of true, false");

        String misspelt = with("  servicenow: {work-notes: true}");
        assertThat(onlyProblemAt(misspelt, "work-notes").message()).contains("did you mean `work-note`");

        String jira = GateFiles.shippedWith(SHIPPED_WRITE, "  jira: {comment: true}");
        assertThat(onlyProblemAt(jira, "jira").message()).contains("unknown key `jira`");
    }
}
