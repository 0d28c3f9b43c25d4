package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ActionStatus;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Priority;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.escalation.StepAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Edits of the mapping files reach the running service; broken edits are refused once and remembered. */
@ExtendWith(OutputCaptureExtension.class)
class MappingReloaderTest {

    /** A new first rule: canary work is classified as cutover work. */
    static final String CANARY_RULE = String.join("\n",
            "  rules:",
            "    - id: canary-cutover",
            "      description: Canary work belongs to the cutover",
            "      when:",
            "        text: {contains: [canary]}",
            "      then: {release-phase: cutover}",
            "",
            "    - id: hotfix-labelled");

    static final ActionItem CANARY_ITEM = new ActionItem("Add a canary stage to the payment pipeline", "",
            ActionStatus.OPEN, Priority.MEDIUM, null, null, Set.of(), Set.of(), null, null);

    @TempDir
    Path dir;

    MappingReloader reloader;

    @BeforeEach
    void start() throws MappingValidationException {
        MappingFiles.write(dir, MappingFiles.shipped());
        reloader = MappingReloader.loadAtStartup(dir, new MappingLoader(TextFormatConverters.plainOnly()), Clock.systemUTC());
    }

    @Test
    void aValidEditIsInForceAfterTheNextLookAndLoggedOnce(CapturedOutput output) {
        assertThat(ruleFor(CANARY_ITEM)).isEqualTo("pipeline-tooling");
        assertThat(reloader.reloadIfChanged().result()).isEqualTo(ReloadOutcome.Result.UNCHANGED);

        save(withCanaryRule());
        ReloadOutcome outcome = reloader.reloadIfChanged();

        assertThat(outcome.result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(ruleFor(CANARY_ITEM)).isEqualTo("canary-cutover");
        assertThat(reloader.currentMappings().actionItems().classify(CANARY_ITEM, ExternalSystem.JIRA).releasePhase())
                .isEqualTo("cutover");
        assertThat(reloader.reloadIfChanged().result()).isEqualTo(ReloadOutcome.Result.UNCHANGED);
        assertThat(output.getOut()).containsOnlyOnce("mappings reloaded: 1 file, 6 rules");
    }

    @Test
    void aBrokenEditIsRefusedTheOldMappingKeepsRunningAndEachProblemIsLoggedOnce(CapturedOutput output) {
        LoadedMappings before = reloader.currentMappings().get();
        save(MappingFiles.shippedWith("    owner: servicenow", "    ownr: servicenow"));

        ReloadOutcome refused = reloader.reloadIfChanged();
        reloader.reloadIfChanged();
        reloader.reloadIfChanged();
        reloader.reloadNow(); // an admin asking again sees the problems, but the log does not repeat them

        assertThat(refused.result()).isEqualTo(ReloadOutcome.Result.REFUSED);
        assertThat(refused.problems()).extracting(MappingProblem::message)
                .contains("unknown key `ownr`; did you mean `owner`?");
        assertThat(reloader.currentMappings().get()).isSameAs(before);
        assertThat(ruleFor(CANARY_ITEM)).isEqualTo("pipeline-tooling");
        MappingStatus status = reloader.status();
        assertThat(status.lastRefusal()).hasValueSatisfying(refusal ->
                assertThat(refusal.problems()).isEqualTo(refused.problems()));
        for (MappingProblem problem : refused.problems()) {
            assertThat(output.getOut()).containsOnlyOnce(problem.format());
        }
        assertThat(output.getOut()).contains("WARN").contains("the last good mapping keeps running");

        save(withCanaryRule());
        assertThat(reloader.reloadIfChanged().result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(ruleFor(CANARY_ITEM)).isEqualTo("canary-cutover");
        assertThat(reloader.status().lastRefusal()).isEmpty();
    }

    @Test
    void aSecondDifferentBreakageIsReportedToo(CapturedOutput output) {
        save(MappingFiles.shippedWith("    owner: servicenow", "    ownr: servicenow"));
        reloader.reloadIfChanged();
        save(MappingFiles.shippedWith("conflict: park ", "conflict: parked "));

        ReloadOutcome second = reloader.reloadIfChanged();

        assertThat(second.result()).isEqualTo(ReloadOutcome.Result.REFUSED);
        assertThat(output.getOut()).contains("ownr").contains("`parked` is not allowed here");
        assertThat(reloader.status().lastRefusal().orElseThrow().problems()).isEqualTo(second.problems());
    }

    @Test
    void revertingABrokenEditToTheRunningTextClearsTheRefusal() {
        save(MappingFiles.shippedWith("    owner: servicenow", "    ownr: servicenow"));
        reloader.reloadIfChanged();

        save(MappingFiles.shipped());

        assertThat(reloader.reloadIfChanged().result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(reloader.status().lastRefusal()).isEmpty();
    }

    @Test
    void aDeletedFileIsRefusedRatherThanLeavingTheServiceWithoutAMapping() throws IOException {
        Files.delete(dir.resolve(ActionItemsDefinition.FILE_NAME));

        ReloadOutcome outcome = reloader.reloadIfChanged();

        assertThat(outcome.result()).isEqualTo(ReloadOutcome.Result.REFUSED);
        assertThat(outcome.problems()).extracting(MappingProblem::message).anyMatch(m -> m.contains("missing"));
        assertThat(ruleFor(CANARY_ITEM)).isEqualTo("pipeline-tooling");
    }

    @Test
    void anEditThatKeepsSizeAndTimestampIsStillSeen() throws IOException {
        Path file = dir.resolve(ActionItemsDefinition.FILE_NAME);
        var modified = Files.getLastModifiedTime(file);
        // Same length as the original phase name, same timestamp: only the content differs.
        save(MappingFiles.shippedWith("release-phase: pre-deployment-testing}", "release-phase: pre-deployment-testinG}"));
        Files.setLastModifiedTime(file, modified);

        ReloadOutcome outcome = reloader.reloadIfChanged();

        assertThat(outcome.result()).isNotEqualTo(ReloadOutcome.Result.UNCHANGED);
    }

    @Test
    void anAddedEscalationFileTurnsEscalationOnAndADeletedOneTurnsItOff(CapturedOutput output) throws IOException {
        assertThat(reloader.currentMappings().escalations()).isEmpty();

        saveEscalations(MappingFiles.shippedEscalations());
        ReloadOutcome added = reloader.reloadIfChanged();

        assertThat(added.result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(reloader.currentMappings().escalations()).hasValueSatisfying(policy ->
                assertThat(policy.ladders()).hasSize(2));
        assertThat(output.getOut()).containsOnlyOnce("mappings reloaded: 2 files, 5 rules, 2 escalation ladders,"
                + " 3 review boards");

        Files.delete(dir.resolve(EscalationPolicy.FILE_NAME));
        assertThat(reloader.reloadIfChanged().result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(reloader.currentMappings().escalations()).isEmpty();
    }

    @Test
    void aBrokenEscalationFileKeepsTheLastGoodPairRunning() {
        saveEscalations(MappingFiles.shippedEscalations());
        reloader.reloadIfChanged();
        LoadedMappings good = reloader.currentMappings().get();

        // Both files edited at once; the escalation edit is broken, so neither edit is taken.
        save(withCanaryRule());
        saveEscalations(MappingFiles.shippedEscalationsWith("action: {ticket: cab}", "action: {ticket: cabb}"));
        ReloadOutcome refused = reloader.reloadIfChanged();

        assertThat(refused.result()).isEqualTo(ReloadOutcome.Result.REFUSED);
        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("escalations.yaml");
            assertThat(problem.message()).isEqualTo("unknown board `cabb`; did you mean `cab`?");
        });
        assertThat(reloader.currentMappings().get()).isSameAs(good);
        assertThat(ruleFor(CANARY_ITEM)).isEqualTo("pipeline-tooling");
        assertThat(reloader.currentMappings().escalations().orElseThrow().ladders().get(0).steps().get(1).action())
                .isEqualTo(new StepAction.RaiseTicket("cab"));
        assertThat(reloader.status().lastRefusal()).isPresent();

        saveEscalations(MappingFiles.shippedEscalations());
        assertThat(reloader.reloadIfChanged().result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(ruleFor(CANARY_ITEM)).isEqualTo("canary-cutover");
        assertThat(reloader.status().lastRefusal()).isEmpty();
    }

    @Test
    void anActionItemEditThatPutsABoardQueueAmongActionItemsIsRefusedNamingBothFiles() {
        saveEscalations(MappingFiles.shippedEscalations());
        reloader.reloadIfChanged();

        save(MappingFiles.shippedWith("table: problem_task ", "table: sc_task "));
        ReloadOutcome refused = reloader.reloadIfChanged();

        assertThat(refused.result()).isEqualTo(ReloadOutcome.Result.REFUSED);
        assertThat(refused.problems()).extracting(MappingProblem::file).containsOnly("escalations.yaml");
        assertThat(refused.problems()).extracting(MappingProblem::path)
                .containsExactly("boards.cab.servicenow.table", "boards.release-advisory-board.servicenow.table");
        assertThat(refused.problems().get(0).message()).contains("the table action-items.yaml reads action items from");
    }

    private String ruleFor(ActionItem item) {
        return reloader.currentMappings().actionItems().classify(item, ExternalSystem.JIRA).ruleId();
    }

    private static String withCanaryRule() {
        return MappingFiles.shippedWith("  rules:\n    - id: hotfix-labelled", CANARY_RULE);
    }

    /** Replaces the file in one step, as editors that save through a temporary file do. */
    private void save(String content) {
        save(ActionItemsDefinition.FILE_NAME, content);
    }

    private void saveEscalations(String content) {
        save(EscalationPolicy.FILE_NAME, content);
    }

    private void save(String fileName, String content) {
        try {
            Path temporary = dir.resolve(fileName + ".saving");
            Files.writeString(temporary, content);
            Files.move(temporary, dir.resolve(fileName), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
