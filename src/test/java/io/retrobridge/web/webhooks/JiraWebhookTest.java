package io.retrobridge.web.webhooks;

import static io.retrobridge.web.webhooks.Deliveries.JIRA_SECRET;
import static io.retrobridge.web.webhooks.Deliveries.jiraSample;
import static io.retrobridge.web.webhooks.Deliveries.json;
import static io.retrobridge.web.webhooks.Deliveries.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/** Jira deliveries over real HTTP, with the real sample payloads, signed as Jira signs them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class JiraWebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    Deliveries deliver;

    @BeforeEach
    void emptyInbox() {
        deliver = new Deliveries(port);
        jdbc.sql("DELETE FROM inbound_events").update();
    }

    @Test
    void everyRealSampleIsAcceptedAndStoredAsItArrived() {
        Map<String, String> issueIdBySample = Map.of(
                "issue-created.json", "30369",
                "issue-updated-description-update.json", "15082",
                "issue-updated-issue-assigned.json", "19435",
                "issue-updated-status-changed.json", "11442",
                "comment-created.json", "26313");
        issueIdBySample.forEach((sample, issueId) -> {
            byte[] body = jiraSample(sample);
            HttpResponse<String> response = deliver.jira(body);

            assertThat(response.statusCode()).as(sample).isEqualTo(202);
            JsonNode answer = json(response);
            assertThat(answer.get("status").asText()).isEqualTo("accepted");
            Map<String, Object> row = jdbc.sql("SELECT * FROM inbound_events WHERE id = :id")
                    .param("id", java.util.UUID.fromString(answer.get("event").asText())).query().singleRow();
            assertThat(row.get("SOURCE_SYSTEM")).isEqualTo("JIRA");
            assertThat(row.get("ENTITY_ID")).as(sample).isEqualTo(issueId);
            assertThat(row.get("EVENT_KIND")).isEqualTo(sample.startsWith("comment") ? "comment_created"
                    : sample.startsWith("issue-created") ? "jira:issue_created" : "jira:issue_updated");
            assertThat(row.get("PAYLOAD")).as("the body is kept byte for byte for replay")
                    .isEqualTo(new String(body, StandardCharsets.UTF_8));
        });
        assertThat(storedCount()).isEqualTo(5);
    }

    @Test
    void aDeliveryRepeatedThreeTimesIsStoredOnce() {
        byte[] body = jiraSample("issue-updated-status-changed.json");

        List<Integer> statuses = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = deliver.jira(body);
            statuses.add(response.statusCode());
            answers.add(json(response).get("status").asText());
        }

        assertThat(statuses).containsExactly(202, 200, 200);
        assertThat(answers).containsExactly("accepted", "duplicate", "duplicate");
        assertThat(storedCount()).isEqualTo(1);
    }

    @Test
    void concurrentRedeliveriesAreStoredOnce() throws Exception {
        byte[] body = jiraSample("issue-created.json");
        ExecutorService senders = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> deliver.jira(body).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : senders.invokeAll(calls)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(202, 200);
            assertThat(statuses).filteredOn(status -> status == 202).hasSize(1);
        } finally {
            senders.shutdownNow();
        }
        assertThat(storedCount()).isEqualTo(1);
    }

    @Test
    void aLaterChangeToTheSameIssueIsANewEvent() throws Exception {
        ObjectNode first = (ObjectNode) JSON.readTree(jiraSample("issue-updated-status-changed.json"));
        ObjectNode second = first.deepCopy();
        ((ObjectNode) second.get("issue").get("fields")).put("updated", "2019-01-30T16:02:11.000+0300");

        assertThat(deliver.jira(JSON.writeValueAsString(first)).statusCode()).isEqualTo(202);
        assertThat(deliver.jira(JSON.writeValueAsString(second)).statusCode()).isEqualTo(202);
        assertThat(storedCount()).isEqualTo(2);
    }

    @Test
    void cloudCommentEditsAreStoredPerEditOfTheCommentAgainstTheirIssue() {
        String edit = cloudComment("comment_updated", "2026-03-02T09:31:00.000+0000");
        String laterEdit = cloudComment("comment_updated", "2026-03-02T09:35:00.000+0000");

        assertThat(deliver.jira(edit).statusCode()).isEqualTo(202);
        assertThat(deliver.jira(edit).statusCode()).isEqualTo(200);
        assertThat(deliver.jira(laterEdit).statusCode()).isEqualTo(202);
        assertThat(deliver.jira(cloudComment("comment_created", "2026-03-02T09:31:00.000+0000")).statusCode())
                .isEqualTo(202);

        assertThat(jdbc.sql("SELECT DISTINCT entity_id FROM inbound_events").query(String.class).list())
                .containsExactly("10042");
        assertThat(storedCount()).isEqualTo(3);
    }

    @Test
    void aCloudDeleteIsStoredAgainstTheIssueId() {
        HttpResponse<String> response = deliver.jira("{\"timestamp\": 1772443860000, \"webhookEvent\": "
                + "\"jira:issue_deleted\", \"issue_event_type_name\": \"issue_deleted\", \"user\": {\"accountId\": "
                + "\"5b10ac8d82e05b22cc7d4ef5\"}, \"issue\": {\"id\": \"10042\", \"key\": \"RB-12\", \"fields\": "
                + "{\"updated\": \"2026-03-02T09:30:55.000+0000\"}}}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(jdbc.sql("SELECT event_kind FROM inbound_events").query(String.class).single())
                .isEqualTo("jira:issue_deleted");
    }

    private static String cloudComment(String event, String commentUpdated) {
        return "{\"timestamp\": 1772443860000, \"webhookEvent\": \"" + event + "\", \"comment\": {\"self\": "
                + "\"https://acme.atlassian.net/rest/api/2/issue/10042/comment/10100\", \"id\": \"10100\", \"body\": "
                + "\"Canary added\", \"created\": \"2026-03-02T09:31:00.000+0000\", \"updated\": \"" + commentUpdated
                + "\"}, \"issue\": {\"id\": \"10042\", \"key\": \"RB-12\", \"fields\": {\"updated\": "
                + "\"2026-03-02T09:20:00.000+0000\"}}}";
    }

    @Test
    void unsignedOrWronglySignedDeliveriesAreRefusedAndNothingIsStored(CapturedOutput output) {
        byte[] body = jiraSample("issue-created.json");
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("BBCOM-1398", "BBCOM-1399")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> tamperedBody = deliver.post("/webhooks/jira", tampered, "X-Hub-Signature", sign(body, JIRA_SECRET));
        HttpResponse<String> wrongSecret = deliver.post("/webhooks/jira", body, "X-Hub-Signature", sign(body, "some-other-secret"));
        HttpResponse<String> noHeader = deliver.post("/webhooks/jira", body);
        HttpResponse<String> notHex = deliver.post("/webhooks/jira", body, "X-Hub-Signature", "sha256=zz");

        for (HttpResponse<String> refused : List.of(tamperedBody, wrongSecret, noHeader, notHex)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(json(refused).get("error").asText()).contains("X-Hub-Signature");
            assertThat(refused.body()).doesNotContain(JIRA_SECRET);
        }
        assertThat(json(noHeader).get("error").asText()).contains("missing");
        assertThat(json(wrongSecret).get("error").asText()).contains("retrobridge.jira.webhook-secret");
        assertThat(storedCount()).isZero();
        assertThat(output.getAll()).contains("Refused a webhook delivery from jira").doesNotContain(JIRA_SECRET);
    }

    @Test
    void malformedDeliveriesAreRefusedNamingTheProblem() {
        assertRefused("{\"webhookEvent\": \"jira:issue_updated\", \"issue\": ", "not valid JSON");
        assertRefused("", "empty");
        assertRefused("[1, 2]", "not an object");
        assertRefused("{\"issue\": {\"id\": \"10001\"}}", "webhookEvent is missing");
        assertRefused("{\"webhookEvent\": \"jira:issue_updated\", \"issue\": {\"key\": \"RB-1\"}}", "issue.id is missing");
        assertRefused("{\"webhookEvent\": \"jira:issue_updated\", \"issue\": {\"id\": \"RB-1\"}}", "issue.id 'RB-1'");
        assertRefused("{\"webhookEvent\": \"comment_created\", \"issue\": {\"id\": \"10001\"}}", "comment.id is missing");
        assertRefused("{\"webhookEvent\": \"jira:issue_deleted\", \"issue\": {\"id\": \"10001\"}}",
                "issue.fields.updated and timestamp");
        assertRefused("{\"webhookEvent\": \"<script>\", \"issue\": {\"id\": \"10001\"}}", "not a Jira event name");
        assertThat(storedCount()).isZero();
    }

    @Test
    void eventsWeDoNotSyncAreAcknowledgedAsIgnoredAndNotStored() {
        HttpResponse<String> response = deliver.jira("{\"timestamp\": 1732600000000, \"webhookEvent\": "
                + "\"jira:worklog_updated\", \"worklog\": {\"id\": \"5\", \"issueId\": \"10001\"}}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("status").asText()).isEqualTo("ignored");
        assertThat(json(response).get("reason").asText()).contains("jira:worklog_updated", "jira:issue_updated");
        assertThat(storedCount()).isZero();
    }

    @Test
    void aBodyOverOneMebibyteIsRefused() {
        byte[] huge = new byte[1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');

        HttpResponse<String> response = deliver.jira(huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("error").asText()).contains("1 MiB");
        assertThat(storedCount()).isZero();
    }

    @Test
    void everyDeliveryIsCountedByOutcome() {
        double acceptedBefore = count("jira:issue_updated", "accepted");
        double duplicateBefore = count("jira:issue_updated", "duplicate");
        double rejectedBefore = count("unknown", "rejected");
        double ignoredBefore = count("jira:worklog_updated", "ignored");
        byte[] body = jiraSample("issue-updated-issue-assigned.json");

        deliver.jira(body);
        deliver.jira(body);
        deliver.post("/webhooks/jira", body);
        deliver.jira("{\"webhookEvent\": \"jira:worklog_updated\"}");

        assertThat(count("jira:issue_updated", "accepted")).isEqualTo(acceptedBefore + 1);
        assertThat(count("jira:issue_updated", "duplicate")).isEqualTo(duplicateBefore + 1);
        assertThat(count("unknown", "rejected")).isEqualTo(rejectedBefore + 1);
        assertThat(count("jira:worklog_updated", "ignored")).isEqualTo(ignoredBefore + 1);
    }

    private void assertRefused(String body, String expectedMessage) {
        HttpResponse<String> response = deliver.jira(body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(json(response).get("error").asText()).as(body).contains(expectedMessage);
    }

    private double count(String kind, String result) {
        Counter counter = meters.find("retrobridge.events.received")
                .tags("system", "jira", "kind", kind, "result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    private long storedCount() {
        return jdbc.sql("SELECT COUNT(*) FROM inbound_events").query(Long.class).single();
    }
}
