package io.retrobridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.RetroBridgeApplication;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import io.retrobridge.sandbox.servicenow.ServiceNowSeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo's promise: the seeded overdue item is in the CAB queue (ServiceNow sc_task) within a minute, the gate
 * holds payment-gateway's release back naming it, and lets it go once the item is finished.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoEscalationTest {

    private static final String OVERDUE = ServiceNowSeed.OVERDUE_ITEM;

    @Test
    void theOverdueDemoItemLandsInTheCabQueueWhereTheBannerSaysToLook(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(RetroBridgeApplication.class)
                .profiles("demo").run("--server.port=0", "--retrobridge.sandbox.jira-port=" + freePort(),
                        "--retrobridge.sandbox.servicenow-port=" + freePort(),
                        "--retrobridge.sandbox.prometheus-port=" + freePort())) {
            Matcher look = Pattern.compile("curl -s -u (\\S+) '(http://\\S+/sc_task\\?\\S+)'").matcher(output.getAll());
            assertThat(look.find()).as("a banner line telling where the CAB queue is:%n%s", output.getAll()).isTrue();
            assertThat(curl(look.group(2), look.group(1)).path("result").isArray()).isTrue();

            ServiceNowSandbox servicenow = demo.getBean(ServiceNowSandbox.class);
            String number = servicenow.records("problem_task").stream()
                    .filter(t -> OVERDUE.equals(t.get("short_description"))).findFirst().orElseThrow().get("number");
            String cab = servicenow.records("sys_user_group").stream().filter(g -> "CAB".equals(g.get("name")))
                    .findFirst().orElseThrow().get("sys_id");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(servicenow.records("sc_task")).anySatisfy(ticket -> {
                        assertThat(ticket.get("assignment_group")).isEqualTo(cab);
                        assertThat(ticket.get("short_description") + " " + ticket.get("description")).contains(number);
                    }));
            JsonNode listed = curl(look.group(2), look.group(1)).path("result");
            assertThat(listed.toString()).contains(number);

            // The banner's gate question: payment-gateway may not go to production while that item is overdue.
            Matcher key = Pattern.compile("export RB_KEY=(\\S+)").matcher(output.getAll());
            Matcher ask = Pattern.compile("curl -s -X POST -H \"X-API-Key: \\$RB_KEY\" -H 'Content-Type: "
                    + "application/json' (http://\\S+/api/gates/prod/evaluate) -d '(\\{[^']*\\})'").matcher(output.getAll());
            assertThat(key.find() && ask.find()).as("the banner's gate curl line:%n%s", output.getAll()).isTrue();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(ask.group(1))).header("X-API-Key", key.group(1))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(ask.group(2))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                JsonNode gate = new ObjectMapper().readTree(answer.body());
                assertThat(gate.path("decision").asText()).isEqualTo("DENY");
                assertThat(gate.path("reason").asText()).contains(number, OVERDUE);
            });

            // The banner's next step: finish that item in ServiceNow, and the same question is allowed, no restart.
            Matcher finish = Pattern.compile("curl -s -u (\\S+) -X PATCH -H 'Content-Type: application/json' "
                    + "'(http://\\S+/problem_task/\\w+)' -d '(\\{[^']*\\})'").matcher(output.getAll());
            assertThat(finish.find()).as("the banner's line finishing the item:%n%s", output.getAll()).isTrue();
            HttpResponse<String> closed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(finish.group(2))).header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString(finish.group(1).getBytes())).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(finish.group(3))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(closed.body()).at("/result/number").asText()).isEqualTo(number);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(ask.group(1))).header("X-API-Key", key.group(1))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(ask.group(2))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(new ObjectMapper().readTree(answer.body()).path("decision").asText())
                        .as(answer.body()).isEqualTo("ALLOW");
            });
        }
    }

    /** The demo's connector finds its simulators by their configured ports, so they get real ones here. */
    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static JsonNode curl(String url, String userColonPassword) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes()))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

}
