package io.retrobridge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.RetroBridgeApplication;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A deployment setting that cannot work stops start-up with the setting and the fix. */
@ExtendWith(OutputCaptureExtension.class)
class DeploymentSettingsStartupTest {

    @Test
    void aRollbackHistoryOfNoRunsIsRefusedByName(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RetroBridgeApplication.class).profiles("test")
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:deployment-settings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--retrobridge.deployments.rollback-history=0")).isNotNull();

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("retrobridge.deployments.rollback-history (env RETROBRIDGE_DEPLOYMENTS_ROLLBACK_HISTORY)")
                .contains("at least 1, e.g. 50");
    }
}
