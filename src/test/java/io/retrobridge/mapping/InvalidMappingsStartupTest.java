package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.RetroBridgeApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What an admin sees when the service is started on broken mapping files: each problem, and the way out. */
@ExtendWith(OutputCaptureExtension.class)
class InvalidMappingsStartupTest {

    @Test
    void startupStopsWithOneLinePerProblemAndTheCommandThatChecksThem(@TempDir Path dir, CapturedOutput output) {
        String broken = MappingFiles.shippedWith("    owner: servicenow", "    ownr: servicenow")
                .replace("conflict: park ", "conflict: parked ");
        MappingFiles.write(dir, broken);
        SpringApplicationBuilder app = new SpringApplicationBuilder(RetroBridgeApplication.class).profiles("test");

        assertThatThrownBy(() -> app.run("--server.port=0", "--retrobridge.mappings-dir=" + dir))
                .hasRootCauseInstanceOf(MappingValidationException.class);

        String ownr = "action-items.yaml:" + MappingFiles.lineOf(broken, "ownr") + ":5: fields.assignee.ownr: unknown key"
                + " `ownr`; did you mean `owner`? (rename it to `owner`)";
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("The mapping files in " + dir.toAbsolutePath().normalize() + " are invalid:")
                .contains("\n  " + ownr + "\n")
                .contains("\n  action-items.yaml:" + MappingFiles.lineOf(broken, "conflict: parked ") + ":")
                .contains("`parked` is not allowed here")
                .contains("java -jar target/retrobridge.jar validate-mappings " + dir)
                .contains("or point retrobridge.mappings.dir elsewhere");
    }

    @Test
    void otherStartupFailuresAreLeftToTheirOwnAnalyzers() {
        assertThat(new InvalidMappingsFailureAnalyzer().analyze(new IllegalStateException("port in use"))).isNull();
    }
}
