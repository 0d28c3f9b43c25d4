package io.retrobridge.sandbox.jira;

import static io.retrobridge.testsupport.WebhookReceiver.hmacHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.testsupport.WebhookReceiver;
import io.retrobridge.testsupport.WebhookReceiver.Delivery;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jira Cloud webhook events as the connector's webhook endpoint will receive them. */
class JiraWebhookTest extends JiraSandboxTestSupport {

    private static final String SECRET = "jira-webhook-secret";
    private static final String IDENTIFIER = "X-Atlassian-Webhook-Identifier";

    private WebhookReceiver receiver;
    private JiraWebhookSubscription subscription;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = WebhookReceiver.start("/hooks/jira", "X-Hub-Signature", 503);
        subscription = sandbox.subscribe(receiver.url(), SECRET);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private Delivery nextDelivery() throws Exception {
        Delivery delivery = receiver.poll(Duration.ofSeconds(10));
        assertThat(delivery).as("a webhook arrives").isNotNull();
        return delivery;
    }

    private JsonNode next() throws Exception {
        Delivery delivery = nextDelivery();
        assertThat(delivery.signature()).isEqualTo("sha256=" + hmacHex(delivery.body(), SECRET));
        return SandboxJson.parse(delivery.body());
    }

    @Test
    void everyChangeArrivesInOrderSignedWithChangelogItems() throws Exception {
        String key = createTask("Webhooks", "");
        put("/rest/api/3/issue/" + key, "{\"fields\":{\"assignee\":{\"accountId\":\"" + BETH + "\"}}}");
        post("/rest/api/3/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"21\"}}");
        post("/rest/api/3/issue/" + key + "/comment", "{\"body\":" + adf("On it") + "}");
        delete("/rest/api/3/issue/" + key);

        JsonNode created = next();
        assertThat(created.get("webhookEvent").asText()).isEqualTo("jira:issue_created");
        assertThat(created.get("issue_event_type_name").asText()).isEqualTo("issue_created");
        assertThat(created.get("timestamp").asLong()).isEqualTo(START.toEpochMilli());
        assertThat(created.at("/user/accountId").asText()).isEqualTo(BOT);
        assertThat(created.at("/issue/key").asText()).isEqualTo(key);
        assertThat(created.at("/issue/fields/summary").asText()).isEqualTo("Webhooks");

        JsonNode assigned = next();
        assertThat(assigned.get("webhookEvent").asText()).isEqualTo("jira:issue_updated");
        assertThat(assigned.get("issue_event_type_name").asText()).isEqualTo("issue_assigned");
        JsonNode assigneeItem = assigned.at("/changelog/items/0");
        assertThat(assigneeItem.get("field").asText()).isEqualTo("assignee");
        assertThat(assigneeItem.get("from").isNull()).isTrue();
        assertThat(assigneeItem.get("to").asText()).isEqualTo(BETH);
        assertThat(assigneeItem.get("toString").asText()).isEqualTo("Beth Anglin");

        JsonNode moved = next();
        JsonNode statusItem = moved.at("/changelog/items/0");
        assertThat(statusItem.get("field").asText()).isEqualTo("status");
        assertThat(statusItem.get("fromString").asText()).isEqualTo("To Do");
        assertThat(statusItem.get("toString").asText()).isEqualTo("In Progress");
        assertThat(statusItem.get("fieldtype").asText()).isEqualTo("jira");

        JsonNode commented = next();
        assertThat(commented.get("webhookEvent").asText()).isEqualTo("comment_created");
        assertThat(commented.at("/comment/body/content/0/content/0/text").asText()).isEqualTo("On it");
        assertThat(commented.at("/issue/key").asText()).isEqualTo(key);

        JsonNode deleted = next();
        assertThat(deleted.get("webhookEvent").asText()).isEqualTo("jira:issue_deleted");
    }

    @Test
    void aNoOpEditSendsNothing() throws Exception {
        String key = createTask("Quiet", "");
        next();

        put("/rest/api/3/issue/" + key, "{\"fields\":{\"summary\":\"Quiet\"}}");
        put("/rest/api/3/issue/" + key, "{\"fields\":{\"summary\":\"Loud\"}}");

        JsonNode edited = next();
        assertThat(edited.at("/changelog/items/0/field").asText()).isEqualTo("summary");
        assertThat(edited.at("/changelog/items/0/fromString").asText()).isEqualTo("Quiet");
        assertThat(receiver.poll(Duration.ofMillis(300))).isNull();
    }

    @Test
    void faultsCanLoseOrDuplicateDeliveries() throws Exception {
        sandbox.dropNextWebhooks(1).duplicateNextWebhooks(1);

        createTask("Lost", "");
        createTask("Twice", "");

        Delivery first = nextDelivery();
        Delivery second = nextDelivery();
        assertThat(SandboxJson.parse(first.body()).at("/issue/fields/summary").asText()).isEqualTo("Twice");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header(IDENTIFIER)).isEqualTo(first.header(IDENTIFIER));
        await().atMost(Duration.ofSeconds(5)).until(() -> subscription.delivered() == 2);
        assertThat(subscription.dropped()).isEqualTo(1);
    }

    @Test
    void aFailedDeliveryIsRetriedAndSaysSo() throws Exception {
        receiver.refuseNext(2);

        createTask("Retry me", "");

        Delivery delivery = nextDelivery();
        assertThat(delivery.header("X-Atlassian-Webhook-Retry")).isEqualTo("2");
        assertThat(SandboxJson.parse(delivery.body()).at("/issue/fields/summary").asText()).isEqualTo("Retry me");
        await().atMost(Duration.ofSeconds(5)).until(() -> subscription.delivered() == 1);
    }
}
