package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ActionStatus;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Priority;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shipped mapping reads the demo's ServiceNow problem tasks as they are, and what it writes is accepted. */
class ServiceNowSandboxMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private ServiceNowSandbox sandbox;
    private ActionItemMapping mapping;

    @BeforeEach
    void start() throws Exception {
        sandbox = new ServiceNowSandbox(0, Clock.systemUTC()).start();
        sandbox.addUser("retrobridge.integration", "s3cret-pw", "itil");
        sandbox.seed().demo();
        mapping = new MappingLoader(TextFormatConverters.plainOnly()).load(MappingFiles.SHIPPED_DIR).actionItems();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private JsonNode send(String method, String pathAndQuery, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "retrobridge.integration:s3cret-pw".getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body()).get("result");
    }

    private String table() {
        return "/api/now/table/" + mapping.serviceNowScope().table();
    }

    private String fields() {
        return URLEncoder.encode("sys_id," + String.join(",", mapping.fieldsToRead(ExternalSystem.SERVICENOW)),
                StandardCharsets.UTF_8);
    }

    private Map<String, MappedItem> readAll() throws Exception {
        JsonNode records = send("GET", table() + "?sysparm_query="
                + URLEncoder.encode(mapping.serviceNowScope().query(), StandardCharsets.UTF_8) + "&sysparm_fields=" + fields(), null);
        Map<String, MappedItem> byTitle = new HashMap<>();
        records.forEach(r -> {
            MappedItem read = mapping.read(ExternalSystem.SERVICENOW, RecordJson.fields(r));
            byTitle.put(read.item().title(), read);
        });
        return byTitle;
    }

    @Test
    void demoTasksReadAsTheStoryTellsThem() throws Exception {
        Map<String, MappedItem> items = readAll();
        assertThat(items).hasSize(4);
        ActionItem canary = items.get("Add a canary stage to payment gateway deployments").item();
        assertThat(canary.status()).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(canary.priority()).isEqualTo(Priority.MEDIUM);
        assertThat(canary.assigneeEmail()).isEqualTo("beth.anglin@example.com");
        assertThat(canary.dueDate()).isNotNull();
        assertThat(canary.classification().ruleId()).isEqualTo("pipeline-tooling");
        ActionItem alert = items.get("Alert when the checkout error rate exceeds 2%").item();
        assertThat(alert.status()).isEqualTo(ActionStatus.OPEN);
        assertThat(alert.priority()).isEqualTo(Priority.HIGH);
        assertThat(alert.assigneeEmail()).isEqualTo("david.loo@example.com");
        MappedItem runbook = items.get("Write a rollback runbook for the gateway");
        assertThat(runbook.item().status()).isEqualTo(ActionStatus.DONE);
        assertThat(runbook.classificationReason()).isEqualTo("rule `rollback-runbooks` matched: text contains \"runbook\"");
        MappedItem pinning = items.get("Pin the vendor SDK version");
        assertThat(pinning.item().status()).isEqualTo(ActionStatus.CANCELLED);
        assertThat(pinning.ruleIds()).containsExactly("default");
        assertThat(items.values()).allSatisfy(i -> assertThat(i.notes()).isEmpty());
    }

    @Test
    void whatTheMappingWritesIsReadBackTheSame() throws Exception {
        JsonNode canary = send("GET", table() + "?sysparm_query=" + URLEncoder.encode("short_descriptionLIKEcanary",
                StandardCharsets.UTF_8) + "&sysparm_fields=" + fields(), null).get(0);
        ActionItem before = mapping.toCanonical(ExternalSystem.SERVICENOW, RecordJson.fields(canary));
        ActionItem changed = new ActionItem(before.title(), "Ship to 5% of traffic first.", ActionStatus.DONE, Priority.HIGHEST,
                "abel.tuter@example.com", before.dueDate().plusDays(3), before.labels(), before.components(), "config-drift",
                null);
        ExternalWrite write = mapping.toExternal(ExternalSystem.SERVICENOW, changed);
        send("PATCH", table() + "/" + canary.get("sys_id").asText(), RecordJson.json(write.fields()).toString());

        JsonNode after = send("GET", table() + "/" + canary.get("sys_id").asText() + "?sysparm_fields=priority," + fields(), null);
        ActionItem readBack = mapping.toCanonical(ExternalSystem.SERVICENOW, RecordJson.fields(after));
        assertThat(readBack.status()).isEqualTo(ActionStatus.DONE);
        assertThat(readBack.priority()).isEqualTo(Priority.HIGHEST);
        assertThat(after.get("priority").asText()).as("ServiceNow derives priority from impact x urgency").isEqualTo("1");
        assertThat(readBack.assigneeEmail()).isEqualTo("abel.tuter@example.com");
        assertThat(readBack.dueDate()).isEqualTo(changed.dueDate());
        assertThat(readBack.description()).isEqualTo("Ship to 5% of traffic first.");
        assertThat(readBack.failureMode()).isEqualTo("config-drift");
    }
}
