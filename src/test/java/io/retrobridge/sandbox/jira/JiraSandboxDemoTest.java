package io.retrobridge.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.jira.JiraProperties;
import io.retrobridge.sandbox.SandboxJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The demo profile starts a seeded Jira simulator that accepts the connector's configured credentials. */
@SpringBootTest(properties = {"retrobridge.sandbox.servicenow-port=0", "retrobridge.sandbox.jira-port=0",
        "retrobridge.sandbox.prometheus-port=0"})
@ActiveProfiles("demo")
class JiraSandboxDemoTest {

    @Autowired
    JiraSandbox sandbox;

    @Autowired
    JiraProperties jira;

    @Test
    void demoSiteServesTheRetroActionsToTheConfiguredUser() throws Exception {
        String credentials = jira.email() + ":" + jira.apiToken();
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/rest/api/3/search/jql"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jql\":\"project = PAY AND labels = retro-action\",\"fields\":[\"summary\"]}"))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode issues = SandboxJson.parse(response.body()).get("issues");
        assertThat(issues).hasSize(2);
    }
}
