package io.retrobridge.web.webhooks;

import static io.retrobridge.web.webhooks.Deliveries.jiraSample;
import static io.retrobridge.web.webhooks.Deliveries.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Conditions that may pass: no secret configured yet, store unavailable. Both answer 503 so the sender retries. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "retrobridge.jira.webhook-secret=")
@ActiveProfiles("test")
class WebhookOutageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void withoutASecretJiraDeliveriesAreNeverAcceptedAndTheAnswerSaysWhatToSet() {
        HttpResponse<String> response = new Deliveries(port).jira(jiraSample("issue-created.json"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("error").asText()).contains("set retrobridge.jira.webhook-secret");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_events WHERE source_system = 'JIRA'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void whenTheStoreFailsTheSenderIsToldToRetryAndTheRetryIsStored() {
        Deliveries deliver = new Deliveries(port);
        String notice = "{\"table\":\"problem_task\",\"sys_id\":\"0123456789abcdef0123456789abcdef\","
                + "\"operation\":\"insert\",\"sys_updated_on\":\"2026-03-02 09:30:00\",\"sys_mod_count\":\"0\","
                + "\"record\":{}}";
        jdbc.sql("ALTER TABLE inbound_events RENAME TO inbound_events_offline").update();
        HttpResponse<String> duringOutage;
        try {
            duringOutage = deliver.serviceNow(notice);
        } finally {
            jdbc.sql("ALTER TABLE inbound_events_offline RENAME TO inbound_events").update();
        }

        assertThat(duringOutage.statusCode()).isEqualTo(503);
        assertThat(duringOutage.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(duringOutage).get("error").asText()).contains("could not be stored");
        HttpResponse<String> retry = deliver.serviceNow(notice);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(json(retry).get("status").asText()).isEqualTo("accepted");
    }
}
