package io.retrobridge.pipeline.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.pipeline.PipelineSamples;
import io.retrobridge.transport.HttpTarget;
import io.retrobridge.transport.Credentials;
import io.retrobridge.transport.RemoteSystem;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test delivery holds what octokit's schema of deployment_protection_rule "requested" allows and requires, and
 * a review is only ever sent to a deployment protection rule review URL on the configured API.
 */
class GitHubGatePayloadTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theTestDeliveryMatchesOctokitsSchemaFieldForField() throws Exception {
        JsonNode sample = JSON.readTree(GitHubAppFiles.text(GitHubAppFiles.REQUESTED));
        JsonNode event = JSON.readTree(PipelineSamples.bytes(
                "github/schemas/deployment_protection_rule.requested.schema.json"));
        JsonNode deployment = JSON.readTree(PipelineSamples.bytes("github/schemas/common.deployment.schema.json"));

        // Every field the schema lets GitHub send to an App, but organization (the sample's owner is a user).
        assertThat(names(event.get("properties"))).containsAll(names(sample));
        assertThat(names(sample)).containsAll(texts(event.get("required"))).contains("environment", "event",
                "deployment_callback_url", "deployment", "pull_requests", "installation");
        assertThat(event.path("properties").path("action").path("enum").get(0).asText())
                .isEqualTo(sample.path("action").asText());
        assertThat(names(deployment.get("properties"))).containsAll(names(sample.get("deployment")));
        assertThat(names(sample.get("deployment"))).containsAll(texts(deployment.get("required")));
        assertThat(sample.path("installation").path("id").isIntegralNumber()).isTrue();
    }

    @Test
    void onlyAReviewUrlOnTheConfiguredApiIsCalled() {
        GitHubApi cloud = api("https://api.github.com");
        GitHubApi enterprise = api("https://ghe.example.com/api/v3");
        String review = "/repos/octo-org/payments/actions/runs/42/deployment_protection_rule";

        assertThat(cloud.callbackPath("https://api.github.com" + review)).contains(review);
        assertThat(enterprise.callbackPath("https://ghe.example.com/api/v3" + review)).contains(review);
        for (String foreign : List.of("https://ghe.example.com" + review, "http://api.github.com" + review,
                "https://api.github.com:8443" + review, "https://api.github.com.evil.example" + review,
                "https://token@api.github.com" + review, "https://api.github.com" + review + "?x=1",
                "https://api.github.com/repos/octo-org/payments/issues/1", "not a url at all")) {
            assertThat(cloud.callbackPath(foreign)).as(foreign).isEmpty();
        }
        assertThat(enterprise.callbackPath("https://api.github.com" + review)).isEmpty();
    }

    private static GitHubApi api(String base) {
        RemoteSystem github = new RemoteSystem(new HttpTarget(GitHubApi.SYSTEM, URI.create(base), Duration.ofSeconds(1),
                Duration.ofSeconds(1)), Credentials.none(), (target, request) -> {
                    throw new AssertionError("nothing is sent here");
                });
        return new GitHubApi(github, new GitHubAppJwt("1", GitHubAppKey.read(GitHubAppFiles.text(GitHubAppFiles.PKCS1),
                "test"), Clock.systemUTC()), Clock.systemUTC());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
