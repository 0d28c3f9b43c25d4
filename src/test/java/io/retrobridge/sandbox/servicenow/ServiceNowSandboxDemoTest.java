package io.retrobridge.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.servicenow.ServiceNowProperties;
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

/** The demo profile starts a seeded simulator that accepts the connector's configured credentials. */
@SpringBootTest(properties = {"retrobridge.sandbox.servicenow-port=0", "retrobridge.sandbox.jira-port=0",
        "retrobridge.sandbox.prometheus-port=0"})
@ActiveProfiles("demo")
class ServiceNowSandboxDemoTest {

    @Autowired
    ServiceNowSandbox sandbox;

    @Autowired
    ServiceNowProperties servicenow;

    @Test
    void demoInstanceServesTheSeededActionItemsToTheConfiguredUser() throws Exception {
        String credentials = servicenow.username() + ":" + servicenow.password();
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                        + "/api/now/table/problem_task?sysparm_query=active%3Dtrue"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        // The failed release's two open items, and the two the demo's past months left open (DemoHistory).
        assertThat(response.headers().firstValue("X-Total-Count")).contains("4");
    }
}
