package io.retrobridge.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.testsupport.MutableClock;
import io.retrobridge.testsupport.SandboxHttpTestSupport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Starts a Jira sandbox with project PAY, the connector's account and two colleagues on a hand-moved
 * clock, and speaks HTTP to it as a client would.
 */
abstract class JiraSandboxTestSupport extends SandboxHttpTestSupport {

    static final String BOT = "5b10a2844c20165700ede21g";
    static final String BOT_EMAIL = "bot@retrobridge.example";
    static final String TOKEN = "api-token-123";
    static final String BETH = "557058:beth";
    static final String DAVID = "557058:david";
    static final Instant START = Instant.parse("2026-11-25T10:15:30Z");

    MutableClock clock;
    JiraSandbox sandbox;

    @BeforeEach
    void startSandbox() throws Exception {
        clock = new MutableClock(START);
        sandbox = new JiraSandbox(0, clock).start();
        sandbox.addUser(BOT, "RetroBridge", BOT_EMAIL, TOKEN);
        sandbox.seed().project("PAY", "Payments", "Checkout", "Gateway");
        sandbox.seed().user(BETH, "Beth Anglin", "beth.anglin@example.com");
        sandbox.seed().user(DAVID, "David Loo", "david.loo@example.com");
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Override
    protected URI sandboxBaseUrl() {
        return sandbox.baseUrl();
    }

    @Override
    protected String defaultAuthorization() {
        return basic(BOT_EMAIL, TOKEN);
    }

    /** An Atlassian Document holding one paragraph, as a JSON fragment. */
    static String adf(String text) {
        return SandboxJson.write(JiraSeed.adf(text));
    }

    /** Creates a task through the API; answers its key. */
    String createTask(String summary, String extraFields) throws Exception {
        HttpResponse<String> response = post("/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"PAY\"},"
                + "\"issuetype\":{\"name\":\"Task\"},\"summary\":" + SandboxJson.write(summary)
                + (extraFields.isEmpty() ? "" : "," + extraFields) + "}}");
        if (response.statusCode() != 201) {
            throw new AssertionError("create failed: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("key").asText();
    }

    JsonNode issue(String key) throws Exception {
        HttpResponse<String> response = get("/rest/api/3/issue/" + key);
        if (response.statusCode() != 200) {
            throw new AssertionError("get failed: " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }
}
