package io.retrobridge.mapping.team;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.mapping.MappingProblem;
import io.retrobridge.mapping.MappingValidationException;
import io.retrobridge.mapping.OptionalMappingFileFolder;
import io.retrobridge.mapping.ReloadOutcome;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * teams.yaml is picked up like every mapping file: a running service takes an edit, refuses a broken one and keeps
 * the last good set, and {@code validate-mappings} counts the teams and names a broken line.
 */
class TeamsReloadTest {

    @TempDir
    Path dir;

    OptionalMappingFileFolder folder;

    @BeforeEach
    void start() throws MappingValidationException {
        folder = OptionalMappingFileFolder.watch(TeamFiles.write(dir, TeamFiles.shipped()), TeamsMapping.FILE_NAME);
    }

    private TeamsMapping running() {
        return folder.current().teams().orElseThrow();
    }

    @Test
    void anEditedFileIsInForceAfterTheNextLook() throws IOException {
        assertThat(running().teamOf("checkout")).isEqualTo("storefront");

        folder.save(TeamFiles.shippedWith("[payment-gateway]", "[payment-gateway, checkout]")
                .replace("[checkout]", "[web-shop]"));

        assertThat(folder.reload().result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(running().teamOf("checkout")).isEqualTo("payments");
    }

    @Test
    void aBrokenEditIsRefusedAndTheLastGoodFileKeepsRunning() throws IOException {
        LoadedMappings before = folder.current().get();
        String broken = TeamFiles.shippedWith("[checkout]", "[payment-gateway]");
        folder.save(broken);

        ReloadOutcome refused = folder.reload();

        assertThat(refused.result()).isEqualTo(ReloadOutcome.Result.REFUSED);
        // The second listing, under storefront, is the one named; the first is under payments.
        int second = broken.lastIndexOf("payment-gateway");
        String upTo = broken.substring(0, second);
        long line = upTo.chars().filter(c -> c == '\n').count() + 1;
        int column = second - upTo.lastIndexOf('\n');
        assertThat(refused.problems()).extracting(MappingProblem::format).containsExactly(
                TeamsMapping.FILE_NAME + ":" + line + ":" + column + ": teams[1].applications[0]: application"
                        + " `payment-gateway` is already listed under team `payments` (line "
                        + MappingFiles.lineOf(broken, "payment-gateway") + "); an application belongs to at most one"
                        + " team (keep it under the one team that owns it)");
        assertThat(folder.current().get()).isSameAs(before);
        assertThat(running().teamOf("checkout")).isEqualTo("storefront");
    }

    @Test
    void aDeletedFileTakesTheTeamsAwayAndAnAddedOneBringsThemBack() throws IOException {
        folder.delete();
        assertThat(folder.reload().result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(folder.current().teams()).isEmpty();

        folder.save(TeamFiles.shipped());
        assertThat(folder.reload().result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(running().names()).containsExactly("payments", "storefront", "fulfilment", "discovery", "unassigned");
    }

    @Test
    void validateMappingsCountsTheTeamsOfAValidFile() {
        folder.assertValidatesAs("2 files, 5 rules, 4 teams");
    }

    @Test
    void validateMappingsReportsABrokenFileWithItsLine() throws IOException {
        String broken = TeamFiles.shippedWith("  - name: storefront", "  - name: storefront\n    owner: jane");
        folder.save(broken);
        folder.assertRefusedByValidation(MappingFiles.lineOf(broken, "owner: jane") + ":5:"
                + " teams[1].owner: unknown key `owner` (allowed keys here: name, display-name, applications)");
    }
}
