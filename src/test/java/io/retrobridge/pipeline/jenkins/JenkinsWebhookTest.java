package io.retrobridge.pipeline.jenkins;

import static io.retrobridge.pipeline.PipelineDeliveries.JENKINS_SECRET;
import static io.retrobridge.pipeline.PipelineDeliveries.basic;
import static io.retrobridge.pipeline.PipelineDeliveries.json;
import static io.retrobridge.pipeline.PipelineSamples.changed;
import static io.retrobridge.pipeline.PipelineSamples.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.pipeline.PipelineDeliveries;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Jenkins Notification plugin deliveries over real HTTP at /webhooks/jenkins, with the real sample and the basic
 * authentication the plugin sends for credentials in its URL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "retrobridge.pipeline.github.webhook-secret=" + PipelineDeliveries.GITHUB_SECRET,
    "retrobridge.pipeline.gitlab.webhook-secret=" + PipelineDeliveries.GITLAB_SECRET,
    "retrobridge.pipeline.jenkins.webhook-secret=" + PipelineDeliveries.JENKINS_SECRET,
    "retrobridge.pipeline.azure-devops.webhook-secret=" + PipelineDeliveries.AZURE_DEVOPS_SECRET})
@ActiveProfiles("test")
class JenkinsWebhookTest {

    static final String SAMPLE = "jenkins/notification-plugin.wiki-example.json";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    PipelineDeliveries deliver;

    @BeforeEach
    void emptyInbox() {
        deliver = new PipelineDeliveries(port, jdbc);
        deliver.emptyInbox();
    }

    @Test
    void aCompletedBuildIsStoredOnceUnderItsJobAndEnvironment() {
        String body = text(SAMPLE);

        HttpResponse<String> response = jenkins(body);
        HttpResponse<String> again = jenkins(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).path("status").asText()).isEqualTo("duplicate");
        assertThat(deliver.stored()).containsExactly(Map.of("SOURCE_SYSTEM", "JENKINS",
                "EVENT_KIND", "jenkins:build", "ENTITY_ID", "asgard@production",
                "DEDUP_KEY", "jenkins:build:job/asgard/18:completed:success", "PAYLOAD", body));
    }

    @Test
    void everyPhaseOfOneBuildIsStoredInTheOrderItArrived() {
        for (String phase : new String[] {"STARTED", "COMPLETED", "FINALIZED"}) {
            String body = changed(SAMPLE, root -> {
                ObjectNode build = ((ObjectNode) root.get("build")).put("phase", phase);
                if (phase.equals("STARTED")) {
                    build.remove("status");
                }
            });
            assertThat(jenkins(body).statusCode()).as(phase).isEqualTo(202);
        }

        assertThat(deliver.stored()).extracting(row -> row.get("DEDUP_KEY")).containsExactly(
                "jenkins:build:job/asgard/18:started", "jenkins:build:job/asgard/18:completed:success",
                "jenkins:build:job/asgard/18:finalized:success");
    }

    @Test
    void aMissingOrWrongPasswordIsRefusedAndNothingIsStored() {
        String body = text(SAMPLE);

        HttpResponse<String> none = deliver.post("/webhooks/jenkins", body);
        HttpResponse<String> wrong = deliver.post("/webhooks/jenkins", body, "Authorization",
                basic("retrobridge", "not-the-jenkins-secret"));
        HttpResponse<String> bearer = deliver.post("/webhooks/jenkins", body, "Authorization", "Bearer " + JENKINS_SECRET);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).path("error").asText()).startsWith("Authorization is missing");
        for (HttpResponse<String> refused : List.of(wrong, bearer)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(json(refused).path("error").asText()).contains("retrobridge.pipeline.jenkins.webhook-secret")
                    .doesNotContain(JENKINS_SECRET);
        }
        assertThat(deliver.stored()).isEmpty();
    }

    @Test
    void malformedDeliveriesAreRefusedNamingTheProblemAndNothingIsStored() {
        assertRefused("{\"name\": \"asgard\", ", "The body is not valid JSON");
        assertRefused(changed(SAMPLE, root -> ((ObjectNode) root.get("build")).remove("number")),
                "build.number is missing");
        assertRefused(changed(SAMPLE, root -> ((ObjectNode) root.get("build")).remove("phase")),
                "build.phase is missing");
        assertThat(deliver.stored()).isEmpty();
    }

    private void assertRefused(String body, String reason) {
        HttpResponse<String> response = jenkins(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).startsWith(reason);
    }

    private HttpResponse<String> jenkins(String body) {
        return deliver.post("/webhooks/jenkins", body, "Authorization", basic("jenkins", JENKINS_SECRET));
    }
}
