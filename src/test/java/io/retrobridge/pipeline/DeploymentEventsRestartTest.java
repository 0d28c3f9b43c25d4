package io.retrobridge.pipeline;

import static io.retrobridge.pipeline.DeploymentEvents.finished;
import static io.retrobridge.pipeline.DeploymentEvents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.retrobridge.RetroBridgeApplication;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.sync.DeploymentStore;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A deployment event accepted just before the application stops is not lost: it waits in the inbox, in the
 * database, and the restarted application records it.
 */
class DeploymentEventsRestartTest {

    private static final String PIPELINE_KEY = "pipe-Wq2eR5tY8uI1oP4a";

    @Test
    void anEventAcceptedBeforeARestartIsRecordedAfterIt() {
        String database = "jdbc:h2:mem:deployments-restart-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        UUID stored;
        try (ConfigurableApplicationContext before = start(database, false)) {
            HttpResponse<String> response = new DeploymentEvents(port(before))
                    .post(finished("9100", "aborted"), PIPELINE_KEY);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            stored = UUID.fromString(json(response).get("event").asText());
            assertThat(status(before, stored)).isEqualTo("PENDING");
            assertThat(before.getBean(DeploymentStore.class).find("PIPELINE", "9100")).isEmpty();
        }

        try (ConfigurableApplicationContext after = start(database, true)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> status(after, stored).equals("APPLIED"));
            assertThat(after.getBean(DeploymentStore.class).find("PIPELINE", "9100"))
                    .hasValueSatisfying(run -> assertThat(run.result()).isEqualTo(DeploymentResult.ABORTED));
        }
    }

    private static ConfigurableApplicationContext start(String database, boolean inboxWorker) {
        List<String> settings = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database,
                "--retrobridge.security.api-keys[0].name=release-pipeline",
                "--retrobridge.security.api-keys[0].key=" + PIPELINE_KEY,
                "--retrobridge.security.api-keys[0].role=pipeline",
                "--retrobridge.sync.enabled=" + inboxWorker));
        if (inboxWorker) {
            settings.add("--retrobridge.sync.drain-interval=200ms");
        }
        return new SpringApplicationBuilder(RetroBridgeApplication.class).profiles("test")
                .run(settings.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String status(ConfigurableApplicationContext context, UUID event) {
        return context.getBean(JdbcClient.class).sql("SELECT status FROM inbound_events WHERE id = :id")
                .param("id", event).query(String.class).single();
    }
}
