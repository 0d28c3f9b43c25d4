package io.retrobridge.sandbox.servicenow;

import static io.retrobridge.testsupport.WebhookReceiver.hmacHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.testsupport.WebhookReceiver;
import io.retrobridge.testsupport.WebhookReceiver.Delivery;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outbound notifications: what the connector's ServiceNow webhook endpoint will receive. */
class ServiceNowWebhookTest extends SandboxTestSupport {

    private static final String SECRET = "webhook-shared-secret";

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = WebhookReceiver.start("/hooks/servicenow", "X-RetroBridge-Signature", 500);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private URI target() {
        return receiver.url();
    }

    private JsonNode next() throws Exception {
        Delivery delivery = receiver.poll(Duration.ofSeconds(10));
        assertThat(delivery).as("a notification arrives").isNotNull();
        assertThat(delivery.signature()).isEqualTo("sha256=" + hmacHex(delivery.body(), SECRET));
        return SandboxJson.parse(delivery.body());
    }

    @Test
    void everyChangeOnAWatchedTableIsNotifiedInOrderWithAVerifiableSignature() throws Exception {
        WebhookSubscription subscription = sandbox.registerWebhook(target(), SECRET, Set.of("problem_task"));
        String beth = sandbox.seed().user("beth.anglin", "Beth Anglin", "beth@example.com").sysId();

        String id = result(post("/api/now/table/problem_task", "{\"short_description\":\"Add canary\"}"))
                .get("sys_id").asText();
        clock.advance(Duration.ofMinutes(3));
        patch("/api/now/table/problem_task/" + id, "{\"assigned_to\":\"" + beth + "\",\"state\":\"154\"}");
        sandbox.seed().problem(Map.of("short_description", "not watched"));
        ServiceNowSeed.SeededRecord bySomeoneElse = sandbox.seed().problemTask(Map.of("short_description", "Made in UI"));
        send("DELETE", "/api/now/table/problem_task/" + id, null, basic(USER, PASSWORD));

        JsonNode inserted = next();
        JsonNode updated = next();
        JsonNode other = next();
        JsonNode deleted = next();

        assertThat(inserted.get("operation").asText()).isEqualTo("insert");
        assertThat(inserted.get("table").asText()).isEqualTo("problem_task");
        assertThat(inserted.get("sys_id").asText()).isEqualTo(id);
        assertThat(inserted.get("sys_mod_count").asText()).isEqualTo("0");
        assertThat(updated.get("operation").asText()).isEqualTo("update");
        assertThat(updated.get("sys_mod_count").asText()).isEqualTo("1");
        assertThat(updated.get("sys_updated_on").asText()).isEqualTo("2026-03-02 09:33:00");
        assertThat(updated.get("record").get("assigned_to").asText()).isEqualTo(beth);
        assertThat(updated.get("record").get("state").asText()).isEqualTo("154");
        assertThat(other.get("sys_id").asText()).isEqualTo(bySomeoneElse.sysId());
        assertThat(deleted.get("operation").asText()).isEqualTo("delete");
        assertThat(deleted.get("sys_id").asText()).isEqualTo(id);
        await().until(() -> subscription.delivered() == 4);
        assertThat(receiver.poll(Duration.ZERO)).isNull();
    }

    @Test
    void notificationsCanBeLostOrDoubledAndPendingOnesAreCounted() throws Exception {
        WebhookSubscription subscription = sandbox.registerWebhook(target(), SECRET, Set.of("problem_task"));

        sandbox.dropNextWebhooks(1);
        sandbox.seed().problemTask(Map.of("short_description", "lost"));
        sandbox.duplicateNextWebhooks(1);
        sandbox.seed().problemTask(Map.of("short_description", "doubled"));
        sandbox.seed().problemTask(Map.of("short_description", "once"));

        JsonNode first = next();
        JsonNode second = next();
        JsonNode third = next();
        await().until(() -> sandbox.pendingWebhooks() == 0);
        assertThat(first.toString()).as("both copies are the same notification").isEqualTo(second.toString());
        assertThat(first.path("record").path("short_description").asText()).isEqualTo("doubled");
        assertThat(third.path("record").path("short_description").asText()).isEqualTo("once");
        assertThat(subscription.dropped()).isEqualTo(1);
        assertThat(subscription.delivered()).isEqualTo(3);
        assertThat(receiver.poll(Duration.ZERO)).isNull();
    }

    @Test
    void failedSendsAreRetriedThenDroppedAndCounted() throws Exception {
        WebhookSubscription subscription = sandbox.registerWebhook(target(), SECRET, Set.of("problem_task"));

        receiver.refuseNext(2);
        sandbox.seed().problemTask(Map.of("short_description", "survives two failures"));
        JsonNode retried = next();
        await().until(() -> subscription.delivered() == 1);

        receiver.refuseNext(100);
        sandbox.seed().problemTask(Map.of("short_description", "never accepted"));
        await().atMost(Duration.ofSeconds(20)).until(() -> subscription.dropped() == 1);

        assertThat(retried.get("record").get("short_description").asText()).isEqualTo("survives two failures");
        assertThat(receiver.attempts()).isEqualTo(3 + 4);
        assertThat(subscription.delivered()).isEqualTo(1);
    }

    @Test
    void aSignatureMadeWithAnotherSecretDoesNotVerify() throws Exception {
        sandbox.registerWebhook(target(), SECRET, Set.of("problem_task"));
        sandbox.seed().problemTask(Map.of("short_description", "x"));

        Delivery delivery = receiver.poll(Duration.ofSeconds(10));

        assertThat(delivery).isNotNull();
        assertThat(delivery.signature()).isNotEqualTo("sha256=" + hmacHex(delivery.body(), "another-secret"));
        List<String> names = new ArrayList<>();
        SandboxJson.parse(delivery.body()).fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("table", "sys_id", "operation", "sys_updated_on", "sys_mod_count", "record");
    }
}
