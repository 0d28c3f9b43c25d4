package io.retrobridge.web.webhooks;

import static io.retrobridge.web.webhooks.Deliveries.SERVICENOW_SECRET;
import static io.retrobridge.web.webhooks.Deliveries.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import io.retrobridge.sandbox.servicenow.WebhookSubscription;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Notifications from the ServiceNow business rule, first as the ServiceNow simulator sends them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ServiceNowWebhookTest {

    private static final String USER = "retrobridge.integration";
    private static final String PASSWORD = "sandbox-pw-4711";
    private static final String SYS_ID = "9d385017c611228701d22104cc95c371";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Deliveries deliver;
    ServiceNowSandbox serviceNow;

    @BeforeEach
    void start() throws Exception {
        deliver = new Deliveries(port);
        jdbc.sql("DELETE FROM inbound_events").update();
        serviceNow = new ServiceNowSandbox(0, Clock.systemUTC()).start();
        serviceNow.addUser(USER, PASSWORD, "itil");
    }

    @AfterEach
    void stop() {
        serviceNow.close();
    }

    @Test
    void theSimulatorsNotificationsOfARecordsChangesEndUpInTheInbox() {
        WebhookSubscription subscription = serviceNow.registerWebhook(
                URI.create("http://localhost:" + port + "/webhooks/servicenow"), SERVICENOW_SECRET, Set.of("problem_task"));

        String sysId = serviceNow.seed().problemTask(Map.of("short_description", "Add a canary stage")).sysId();
        HttpResponse<String> patched = deliver.send(HttpRequest.newBuilder(
                        URI.create(serviceNow.baseUrl() + "/api/now/table/problem_task/" + sysId))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"short_description\":\"Add a canary stage to deploys\"}"))
                .build());
        assertThat(patched.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> subscription.delivered() == 2);
        List<Map<String, Object>> stored = jdbc.sql(
                        "SELECT * FROM inbound_events WHERE entity_id = :id ORDER BY arrival_seq")
                .param("id", sysId).query().listOfRows();
        assertThat(stored).extracting(row -> row.get("EVENT_KIND"))
                .containsExactly("servicenow:problem_task:insert", "servicenow:problem_task:update");
        assertThat(stored).extracting(row -> row.get("SOURCE_SYSTEM")).containsOnly("SERVICENOW");
        assertThat((String) stored.get(1).get("PAYLOAD")).contains("Add a canary stage to deploys");
        assertThat(subscription.dropped()).isZero();
    }

    @Test
    void aRedeliveryIsStoredOnceAndADeleteIsNotMistakenForTheLastUpdate() {
        String update = notice("problem_task", SYS_ID, "update", "4");
        String delete = notice("problem_task", SYS_ID, "delete", "4");

        assertThat(deliver.serviceNow(update).statusCode()).isEqualTo(202);
        HttpResponse<String> again = deliver.serviceNow(update);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("status").asText()).isEqualTo("duplicate");
        assertThat(deliver.serviceNow(delete).statusCode()).isEqualTo(202);

        assertThat(storedCount()).isEqualTo(2);
    }

    @Test
    void malformedNotificationsAreRefusedNamingTheField() {
        assertRefused(notice("problem_task", "not-a-sys-id", "update", "1"), "sys_id 'not-a-sys-id'");
        assertRefused(notice("problem_task", SYS_ID.substring(1), "update", "1"), "32 hexadecimal");
        assertRefused(notice("problem_task; drop table x", SYS_ID, "update", "1"), "is not a ServiceNow table name");
        assertRefused(notice("problem_task", SYS_ID, "update", "-1"), "sys_mod_count '-1'");
        assertRefused("{\"table\":\"problem_task\",\"operation\":\"update\",\"sys_mod_count\":\"1\"}", "sys_id is missing");
        assertRefused("{\"sys_id\":\"" + SYS_ID + "\",\"operation\":\"update\",\"sys_mod_count\":\"1\"}", "table is missing");
        assertRefused("{\"table\":\"problem_task\",\"sys_id\":\"" + SYS_ID + "\",\"operation\":\"update\"}",
                "sys_mod_count is missing");
        assertRefused("{\"table\":\"problem_task\"", "not valid JSON");
        assertThat(storedCount()).isZero();
    }

    @Test
    void wronglySignedNotificationsAreRefusedAndTheSecretNeverShows(CapturedOutput output) {
        byte[] body = notice("problem_task", SYS_ID, "update", "1").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> wrongSecret = deliver.post("/webhooks/servicenow", body,
                "X-RetroBridge-Signature", Deliveries.sign(body, "not-the-secret"));
        HttpResponse<String> jiraHeader = deliver.post("/webhooks/servicenow", body,
                "X-Hub-Signature", Deliveries.sign(body, SERVICENOW_SECRET));

        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(jiraHeader.statusCode()).isEqualTo(401);
        assertThat(json(jiraHeader).get("error").asText()).contains("X-RetroBridge-Signature is missing");
        assertThat(json(wrongSecret).get("error").asText()).contains("retrobridge.servicenow.webhook-secret");
        assertThat(wrongSecret.body() + jiraHeader.body()).doesNotContain(SERVICENOW_SECRET);
        assertThat(output.getAll()).doesNotContain(SERVICENOW_SECRET);
        assertThat(storedCount()).isZero();
    }

    @Test
    void operationsThatChangeNothingAreIgnored() {
        HttpResponse<String> response = deliver.serviceNow(notice("problem_task", SYS_ID, "query", "1"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("status").asText()).isEqualTo("ignored");
        assertThat(storedCount()).isZero();
    }

    private void assertRefused(String body, String expectedMessage) {
        HttpResponse<String> response = deliver.serviceNow(body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(json(response).get("error").asText()).as(body).contains(expectedMessage);
    }

    private static String notice(String table, String sysId, String operation, String modCount) {
        return "{\"table\":\"" + table + "\",\"sys_id\":\"" + sysId + "\",\"operation\":\"" + operation
                + "\",\"sys_updated_on\":\"2026-03-02 09:33:00\",\"sys_mod_count\":\"" + modCount
                + "\",\"record\":{\"sys_id\":\"" + sysId + "\",\"short_description\":\"Add canary\"}}";
    }

    private long storedCount() {
        return jdbc.sql("SELECT COUNT(*) FROM inbound_events").query(Long.class).single();
    }
}
