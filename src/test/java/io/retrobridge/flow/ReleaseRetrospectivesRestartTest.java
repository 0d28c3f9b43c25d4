package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.RetroBridgeApplication;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.jira.JiraPoller;
import io.retrobridge.retro.RetrospectiveMarkers;
import io.retrobridge.servicenow.ChangeRequestPoller;
import io.retrobridge.servicenow.ServiceNowPoller;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.KeyedApi;
import io.retrobridge.testsupport.SandboxPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application stopped and started again on the same database file, in front of the same simulators: the facts
 * that opened retrospectives before the restart (a change closed unsuccessful, a failed deployment) arriving again
 * after it, repeated or out of order, open nothing more, and a failed deployment accepted just before the stop opens
 * its one retrospective after it.
 */
class ReleaseRetrospectivesRestartTest {

    private static final String PIPELINE_KEY = "pipe-Zr3tG6hJ9kL2mN5b";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void factsRepeatedAfterARestartOpenNothingTwiceAndAFactAcceptedBeforeItOpensItsOne(@TempDir Path dir) {
        String database = "jdbc:h2:file:" + dir.resolve("retrobridge") + ";DB_CLOSE_ON_EXIT=FALSE";
        String app = "checkout-" + UUID.randomUUID().toString().substring(0, 8);
        String failedKey = "release:" + app + ":production:7.2.0";
        String waitingKey = "release:" + app + ":production:7.2.1";
        ObjectNode failedEnd = deployment(app, "7.2.0", app + "-1", "2026-12-02T10:00:00Z", "2026-12-02T10:06:00Z");
        failedEnd.remove("startedAt");
        try (SandboxPair systems = new SandboxPair()) {
            String changeKey;
            String changeSysId;
            try (ConfigurableApplicationContext before = start(database, systems)) {
                Map<String, String> change = closedUnsuccessfulChange(systems);
                changeKey = "change:" + change.get("number");
                changeSysId = change.get("sys_id");
                before.getBean(ChangeRequestPoller.class).poll();
                settler(before, systems).drainAll();
                assertThat(report(before, failedEnd).statusCode()).isEqualTo(202);
                settler(before, systems).drainAll();
                assertThat(problemsOf(systems, changeKey)).hasSize(1);
                assertThat(problemsOf(systems, failedKey)).hasSize(1);
                // Accepted, then the application stops before the inbox is worked.
                assertThat(report(before, deployment(app, "7.2.1", app + "-2", "2026-12-02T11:00:00Z",
                        "2026-12-02T11:03:00Z")).statusCode()).isEqualTo(202);
            }
            List<String> mirrors = systems.jira.issueKeysLabelled("change-record");

            try (ConfigurableApplicationContext after = start(database, systems)) {
                InboxSettler settler = settler(after, systems);
                HttpResponse<String> repeated = report(after, failedEnd);
                HttpResponse<String> lateStart = report(after, deployment(app, "7.2.0", app + "-1",
                        "2026-12-02T10:00:00Z", null));
                Writes waiting = settler.settle();
                after.getBean(ChangeRequestPoller.class).pollAll();
                Writes again = settler.settle();

                assertThat(repeated.statusCode()).as("the inbox remembers it across the restart").isEqualTo(200);
                assertThat(lateStart.statusCode()).isEqualTo(202);
                assertThat(waiting.jira()).as("only the waiting release's issue").isEqualTo(1);
                assertThat(again).as("every change version read again is known").isEqualTo(new Writes(0, 0));
                for (String key : List.of(changeKey, failedKey, waitingKey)) {
                    assertThat(problemsOf(systems, key)).as(key).hasSize(1);
                    assertThat(systems.jira.issueKeysLabelled(RetrospectiveMarkers.of(key))).as(key).hasSize(1);
                    assertThat(listed(after, key)).as(key).hasSize(1);
                }
                assertThat(systems.servicenow.records("problem")).filteredOn(p -> changeSysId.equals(p.get("rfc")))
                        .hasSize(1);
                assertThat(systems.jira.issueKeysLabelled("change-record")).as("no second mirror")
                        .containsExactlyInAnyOrderElementsOf(mirrors);
            }
        }
    }

    /** A normal change walked from New to Closed unsuccessful by Table API calls. */
    private static Map<String, String> closedUnsuccessfulChange(SandboxPair systems) {
        JsonNode created = SandboxPair.json(systems.servicenowCall("POST", "/api/now/table/change_request",
                "{\"short_description\":\"Move checkout to the new cluster\",\"type\":\"normal\"}")).path("result");
        String sysId = created.get("sys_id").asText();
        for (String fields : List.of("{\"state\":\"-4\"}", "{\"state\":\"-3\"}", "{\"state\":\"-2\"}",
                "{\"state\":\"-1\"}", "{\"state\":\"0\",\"work_end\":\"2026-12-02 09:00:00\"}",
                "{\"state\":\"3\",\"close_code\":\"unsuccessful\",\"close_notes\":\"Backed out\"}")) {
            systems.servicenowCall("PATCH", "/api/now/table/change_request/" + sysId, fields);
        }
        return Map.of("number", created.get("number").asText(), "sys_id", sysId);
    }

    private static ConfigurableApplicationContext start(String database, SandboxPair systems) {
        List<String> settings = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database,
                "--retrobridge.security.api-keys[0].name=release-pipeline",
                "--retrobridge.security.api-keys[0].key=" + PIPELINE_KEY,
                "--retrobridge.security.api-keys[0].role=pipeline"));
        systems.register((name, value) -> settings.add("--" + name + "=" + value.get()));
        return new SpringApplicationBuilder(RetroBridgeApplication.class).profiles("test")
                .run(settings.toArray(String[]::new));
    }

    private static InboxSettler settler(ConfigurableApplicationContext context, SandboxPair systems) {
        return new InboxSettler(systems, context.getBean(InboxWorker.class), context.getBean(EventInbox.class),
                context.getBean(JiraPoller.class), context.getBean(ServiceNowPoller.class));
    }

    private static ObjectNode deployment(String application, String version, String runId, String startedAt,
                                         String finishedAt) {
        ObjectNode event = JSON.createObjectNode();
        event.put("application", application);
        event.put("environment", "production");
        event.put("version", version);
        event.put("runId", runId);
        event.put("startedAt", startedAt);
        if (finishedAt != null) {
            event.put("finishedAt", finishedAt);
            event.put("result", "failure");
        }
        return event;
    }

    private static HttpResponse<String> report(ConfigurableApplicationContext context, JsonNode event) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(context)
                        + "/api/events/deployments"))
                .header("Content-Type", "application/json").header("X-API-Key", PIPELINE_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(event.toString())).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> listed(ConfigurableApplicationContext context, String key) {
        JsonNode page = KeyedApi.json(new KeyedApi(port(context)).get("/api/retrospectives?limit=500",
                AdminApi.ADMIN_KEY));
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(item -> {
            if (key.equals(item.path("trigger").path("key").asText())) {
                items.add(item);
            }
        });
        return items;
    }

    private static List<Map<String, String>> problemsOf(SandboxPair systems, String key) {
        String marker = RetrospectiveMarkers.of(key);
        return systems.servicenow.records("problem").stream().filter(p -> marker.equals(p.get("correlation_id")))
                .toList();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
