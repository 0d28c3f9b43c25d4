package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ExternalSystem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The service loads the admin's mapping files when it starts, and refuses to start on bad ones. */
class MappingStartupTest {

    @EnableConfigurationProperties(MappingSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, MappingConfiguration.class);

    @Test
    void validFilesAreInForceAfterStart() {
        runner.withPropertyValues("retrobridge.mappings.dir=mappings").run(context -> {
            assertThat(context).hasNotFailed();
            CurrentMappings current = context.getBean(CurrentMappings.class);
            assertThat(current.get().ruleCount()).isEqualTo(5);
            assertThat(current.actionItems().serviceNowScope().table()).isEqualTo("problem_task");
            assertThat(current.actionItems().fieldRules()).containsKey(CanonicalField.TITLE);
            assertThat(current.actionItems().fieldsOwnedBy(ExternalSystem.SERVICENOW)).containsKey(CanonicalField.ASSIGNEE);
        });
    }

    @Test
    void invalidFilesStopTheStartListingEveryProblem(@TempDir Path dir) {
        MappingFiles.write(dir, MappingFiles.shippedWith("    owner: servicenow", "    ownr: servicenow")
                .replace("conflict: park ", "conflict: parked "));
        runner.withPropertyValues("retrobridge.mappings.dir=" + dir).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MappingValidationException.class);
            assertThat(context.getStartupFailure()).hasStackTraceContaining("validate-mappings")
                    .hasStackTraceContaining("unknown key `ownr`; did you mean `owner`?")
                    .hasStackTraceContaining("`parked` is not allowed here");
        });
    }
}
