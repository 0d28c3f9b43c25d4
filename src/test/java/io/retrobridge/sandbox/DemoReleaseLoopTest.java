package io.retrobridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.RetroBridgeApplication;
import io.retrobridge.sandbox.jira.JiraSandbox;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo's release loop, as the banner tells it: the seeded failed, rolled-back payment-gateway 4.2 release has its
 * change record in Jira and one retrospective in both sandboxes within a minute, and the banner's curl line that
 * posts a failed deployment opens another.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoReleaseLoopTest {

    private static final String CHANGE_TITLE = "Upgrade payment gateway client to 4.2";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFailedReleaseOpensItsRetrospectiveAndAPostedFailureOpensAnother(CapturedOutput output) throws Exception {
        Instant started = Instant.now();
        try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(RetroBridgeApplication.class)
                .profiles("demo").run("--server.port=0", "--retrobridge.sandbox.jira-port=" + freePort(),
                        "--retrobridge.sandbox.servicenow-port=" + freePort(),
                        "--retrobridge.sandbox.prometheus-port=" + freePort(),
                        // Its own database: another demo run in this JVM keeps the demo's named in-memory one alive.
                        "--spring.datasource.url=jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            String key = find(output, "export RB_KEY=(\\S+)");
            // The demo's past months hold retrospectives of their own: these are the ones opened since it started.
            String list = find(output, "curl -s -H \"X-API-Key: \\$RB_KEY\" (http://\\S+/api/retrospectives)\\s")
                    + "?since=" + started;
            ServiceNowSandbox servicenow = demo.getBean(ServiceNowSandbox.class);
            JiraSandbox jira = demo.getBean(JiraSandbox.class);
            Map<String, String> change = servicenow.records("change_request").stream()
                    .filter(c -> CHANGE_TITLE.equals(c.get("short_description"))).findFirst().orElseThrow();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonNode retrospectives = get(list, key).path("items");
                assertThat(retrospectives).hasSize(1);
                JsonNode retro = retrospectives.get(0);
                assertThat(retro.path("trigger").path("key").asText()).isEqualTo("change:" + change.get("number"));
                assertThat(retro.path("application").asText()).isEqualTo("payment-gateway");
                assertThat(retro.path("complete").asBoolean()).isTrue();
                assertThat(jira.issueKeysLabelled("change-record")).hasSize(1);
            });
            JsonNode retro = get(list, key).path("items").get(0);
            assertThat(servicenow.records("problem")).filteredOn(p -> change.get("sys_id").equals(p.get("rfc")))
                    .extracting(p -> p.get("number")).containsExactly(retro.path("serviceNow").path("number").asText());
            assertThat(jira.issueKeysLabelled("retrospective")).containsExactly(retro.path("jira").path("key").asText());

            Matcher post = Pattern.compile("curl -s -X POST -H \"X-API-Key: \\$RB_KEY\" -H 'Content-Type: "
                    + "application/json' (http://\\S+/api/events/deployments) -d '(\\{.*\\})'").matcher(output.getAll());
            assertThat(post.find()).as("a banner line posting a failed deployment:%n%s", output.getAll()).isTrue();
            HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(post.group(1)))
                    .header("X-API-Key", key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(post.group(2))).build());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            String checkout = find(output, "curl -s -H \"X-API-Key: \\$RB_KEY\" '(http://\\S+application=checkout)'");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(get(checkout, key).path("items")).singleElement()
                            .satisfies(opened -> assertThat(opened.path("complete").asBoolean()).isTrue()));
            assertThat(get(list, key).path("items")).hasSize(2);
        }
    }

    private static String find(CapturedOutput output, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(output.getAll());
        assertThat(matcher.find()).as("the banner has a line matching %s:%n%s", regex, output.getAll()).isTrue();
        return matcher.group(1);
    }

    private static JsonNode get(String url, String key) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", key).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The demo's connector finds its simulators by their configured ports, so they get real ones here. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
