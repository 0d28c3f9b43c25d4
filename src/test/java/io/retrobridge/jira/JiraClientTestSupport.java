package io.retrobridge.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.jira.JiraSandbox;
import io.retrobridge.testsupport.JiraOpenApiValidator;
import io.retrobridge.transport.CamelHttpSender;
import io.retrobridge.transport.OutboundRequest;
import io.retrobridge.transport.OutboundSender;
import io.retrobridge.transport.RemoteSystem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A Jira sandbox with projects PAY and OPS, the connector's account and two colleagues, on a fixed clock;
 * a {@link JiraClient} wired to it as the application wires it (Camel HTTP through {@link RemoteSystem}),
 * with every request the client sends kept so each can be checked against Jira's OpenAPI spec.
 */
abstract class JiraClientTestSupport {

    static final String BOT = "5b10a2844c20165700ede21g";
    static final String BOT_EMAIL = "bot@retrobridge.example";
    static final String TOKEN = "api-token-123";
    static final String PAT = "server-pat-456";
    static final String BETH = "557058:beth";
    static final String DAVID = "557058:david";
    static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    static final ObjectMapper JSON = new ObjectMapper();

    static DefaultCamelContext camel;
    static CamelHttpSender camelSender;

    JiraSandbox sandbox;
    final List<OutboundRequest> sent = Collections.synchronizedList(new ArrayList<>());
    JiraClient jira;

    @BeforeAll
    static void startCamel() {
        camel = new DefaultCamelContext();
        camel.start();
        camelSender = new CamelHttpSender(camel, camel.createProducerTemplate());
    }

    @AfterAll
    static void stopCamel() {
        camel.stop();
    }

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = new JiraSandbox(0, Clock.fixed(NOW, ZoneOffset.UTC)).start();
        sandbox.addUser(BOT, "RetroBridge", BOT_EMAIL, TOKEN);
        sandbox.addPersonalAccessToken(PAT, BOT);
        sandbox.seed().project("PAY", "Payments", "Checkout");
        sandbox.seed().project("OPS", "Operations");
        sandbox.seed().user(BETH, "Beth Anglin", "beth.anglin@example.com");
        sandbox.seed().user(DAVID, "David Loo", "david.loo@example.com");
        jira = cloudClient(TOKEN);
    }

    /** Every request a Cloud client sent must be one Jira Cloud's published spec accepts. */
    @AfterEach
    void everyRequestSentMatchesJirasSpecAndStop() {
        try {
            List<OutboundRequest> v3;
            synchronized (sent) {
                v3 = sent.stream().filter(r -> r.path().startsWith("/rest/api/3/")).toList();
            }
            v3.forEach(r -> JiraOpenApiValidator.shared().assertValid(call(r)));
        } finally {
            sandbox.close();
        }
    }

    JiraClient cloudClient(String apiToken) {
        JiraProperties properties = new JiraProperties(sandbox.baseUrl(), BOT_EMAIL, apiToken, null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMinutes(3));
        return new JiraClient(JiraConnectionConfiguration.remoteSystem(properties, recording()), properties);
    }

    JiraClient serverClient() {
        JiraProperties properties = new JiraProperties(sandbox.baseUrl(), null, null, PAT, null,
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMinutes(3));
        return new JiraClient(JiraConnectionConfiguration.remoteSystem(properties, recording()), properties);
    }

    private OutboundSender recording() {
        return (target, request) -> {
            sent.add(request);
            return camelSender.send(target, request);
        };
    }

    static JiraOpenApiValidator.Call call(OutboundRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        String query = request.query().isEmpty() ? "" : "?" + request.encodedQuery();
        return new JiraOpenApiValidator.Call(request.method(), request.path() + query, headers, request.body());
    }

    /** Requests the client sent with this method whose path ends as given. */
    long sentCount(String method, String pathSuffix) {
        synchronized (sent) {
            return sent.stream().filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix)).count();
        }
    }

    static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static JsonNode adf(String text) {
        ObjectNode doc = JSON.createObjectNode().put("type", "doc").put("version", 1);
        ObjectNode paragraph = doc.putArray("content").addObject().put("type", "paragraph");
        paragraph.putArray("content").addObject().put("type", "text").put("text", text);
        return doc;
    }

    /** Fields of a new task in PAY. */
    static ObjectNode task(String summary) {
        ObjectNode fields = JSON.createObjectNode();
        fields.putObject("project").put("key", "PAY");
        fields.putObject("issuetype").put("name", "Task");
        fields.put("summary", summary);
        return fields;
    }
}
