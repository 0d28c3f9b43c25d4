package io.retrobridge.acme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Watermark;
import io.retrobridge.sync.ChangeSource;
import io.retrobridge.sync.DedupKeys;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.sync.WatermarkStore;
import io.retrobridge.sync.WebhookNotice;
import io.retrobridge.sync.WebhookSource;
import io.retrobridge.transport.WebhookJson;
import io.retrobridge.transport.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A source that exists only here, in its own package, registered as beans: {@code POST /webhooks/acme} then
 * verifies, reads and stores its deliveries through the same intake as Jira's and ServiceNow's, and its poller's
 * watermark is gauged like theirs, with no edit to the web layer, the inbox, the flow or the metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(NewSourceRegistrationTest.AcmeRegistration.class)
class NewSourceRegistrationTest {

    static final String SECRET = "test-acme-webhook-secret";
    static final ExternalSystem ACME = ExternalSystem.valueOf("ACME");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Acme posts {"ticket": "<id>", "revision": <n>} and names the event in a header. */
    static class AcmeWebhookSource implements WebhookSource {

        @Override
        public ExternalSystem system() {
            return ACME;
        }

        @Override
        public String signatureHeader() {
            return "X-Acme-Signature";
        }

        @Override
        public String secretSetting() {
            return "acme.webhook-secret";
        }

        @Override
        public Optional<String> secret() {
            return Optional.of(SECRET);
        }

        @Override
        public WebhookNotice read(byte[] body, Map<String, String> headers) throws InvalidWebhookException {
            JsonNode delivery = WebhookJson.object(body);
            String event = Optional.ofNullable(headers.get("x-acme-event")).orElseThrow(() ->
                    new InvalidWebhookException("X-Acme-Event is missing: Acme names its event there."));
            String ticket = WebhookJson.text(delivery, "ticket").orElseThrow(() ->
                    new InvalidWebhookException("ticket is missing.", "acme:" + event));
            String revision = WebhookJson.text(delivery, "revision").orElse("0");
            return new WebhookNotice.Change("acme:" + event, ticket, DedupKeys.of("acme", event, ticket, revision));
        }
    }

    /** Acme's poller; this test only registers it, nothing here polls. */
    static class AcmeChangeSource implements ChangeSource {

        @Override
        public ExternalSystem system() {
            return ACME;
        }

        @Override
        public String watermark() {
            return "acme-tickets";
        }

        @Override
        public int poll() {
            return 0;
        }

        @Override
        public int pollAll() {
            return 0;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class AcmeRegistration {
        @Bean
        AcmeWebhookSource acmeWebhookSource() {
            return new AcmeWebhookSource();
        }

        @Bean
        AcmeChangeSource acmeChangeSource() {
            return new AcmeChangeSource();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    WatermarkStore watermarks;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void emptyInbox() {
        jdbc.sql("DELETE FROM inbound_events").update();
    }

    @Test
    void aRegisteredSourceIsServedAtItsNameAndItsDeliveriesAreStoredInTheInbox() {
        String body = "{\"ticket\": \"AC-7\", \"revision\": 3}";

        HttpResponse<String> response = post("/webhooks/acme", body, "X-Acme-Signature", sign(body),
                "X-ACME-EVENT", "ticket_changed");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = json(response);
        assertThat(answer.path("status").asText()).isEqualTo("accepted");
        Map<String, Object> row = jdbc.sql("SELECT * FROM inbound_events WHERE id = :id")
                .param("id", UUID.fromString(answer.path("event").asText())).query().singleRow();
        assertThat(row.get("SOURCE_SYSTEM")).isEqualTo("ACME");
        assertThat(row.get("EVENT_KIND")).isEqualTo("acme:ticket_changed");
        assertThat(row.get("ENTITY_ID")).isEqualTo("AC-7");
        assertThat(row.get("STATUS")).isEqualTo("PENDING");
        assertThat(row.get("PAYLOAD")).isEqualTo(body);

        HttpResponse<String> again = post("/webhooks/acme", body, "X-Acme-Signature", sign(body),
                "X-Acme-Event", "ticket_changed");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).path("status").asText()).isEqualTo("duplicate");
        assertThat(meters.get("retrobridge.events.received").tag("system", "acme").tag("result", "accepted")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    void theGenericIntakeGuardsTheNewSourceAsItGuardsTheOthers() {
        String body = "{\"ticket\": \"AC-8\"}";

        HttpResponse<String> unsigned = post("/webhooks/acme", body, "X-Acme-Event", "ticket_changed");
        HttpResponse<String> forged = post("/webhooks/acme", body, "X-Acme-Signature",
                new WebhookSignature("some-other-secret").sign(body.getBytes(StandardCharsets.UTF_8)),
                "X-Acme-Event", "ticket_changed");
        HttpResponse<String> unreadable = post("/webhooks/acme", "{\"ticket\": ", "X-Acme-Signature",
                sign("{\"ticket\": "), "X-Acme-Event", "ticket_changed");

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(json(unsigned).path("error").asText()).startsWith("X-Acme-Signature is missing");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(json(unreadable).path("error").asText()).startsWith("The body is not valid JSON");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_events").query(Long.class).single()).isZero();
    }

    @Test
    void anUnknownSourceIsNotFoundAndTheAnswerListsTheRegisteredOnes() {
        String body = "{\"ticket\": \"AC-9\"}";

        HttpResponse<String> response = post("/webhooks/acne", body, "X-Acme-Signature", sign(body));

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode answer = json(response);
        assertThat(answer.path("error").asText()).contains("'acne'").contains("acme, alertmanager, azure-devops, github, gitlab, jenkins, jira, servicenow");
        assertThat(answer.path("sources")).extracting(JsonNode::asText).containsExactly("acme", "alertmanager",
                "azure-devops", "github", "gitlab", "jenkins", "jira", "servicenow");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_events").query(Long.class).single()).isZero();
    }

    @Test
    void aRegisteredChangeSourceHasItsWatermarkLagGaugedByItsName() {
        assertThat(meters.get("retrobridge.poll.watermark.lag").tag("system", "acme").gauge().value()).isNaN();

        watermarks.save(new Watermark("acme-tickets", Instant.now().minusSeconds(90), Set.of("AC-7")));

        assertThat(meters.get("retrobridge.poll.watermark.lag").tag("system", "acme").gauge().value())
                .isBetween(89.0, 120.0);
    }

    private static String sign(String body) {
        return new WebhookSignature(SECRET).sign(body.getBytes(StandardCharsets.UTF_8));
    }

    /** headers: name, value, ... */
    private HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
