package io.retrobridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.retrobridge.RetroBridgeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Several instances cannot share an H2 database: start-up stops with the setting to change, before anything runs. */
class ClusterOnH2IsRefusedTest {

    @Test
    void modeJdbcOnH2StopsTheStartWithTheSettingsToChange() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(RetroBridgeApplication.class)
                .profiles("test")
                .properties("retrobridge.cluster.mode=jdbc", "server.port=0")
                .run().close());

        FailureAnalysis analysis = new ClusterSettingsFailureAnalyzer().analyze(failure);

        assertThat(analysis).as("the start failed for the database, not for something else: " + failure).isNotNull();
        assertThat(analysis.getDescription())
                .contains("retrobridge.cluster.mode (env RETROBRIDGE_CLUSTER_MODE) is jdbc, but the database is H2")
                .contains("several instances need a shared PostgreSQL: set spring.datasource.url");
        assertThat(analysis.getAction()).contains("retrobridge.cluster.mode=none");
    }

    @Test
    void otherFailuresAreLeftToTheOtherAnalyzers() {
        assertThat(new ClusterSettingsFailureAnalyzer().analyze(new IllegalStateException("port in use"))).isNull();
    }
}
