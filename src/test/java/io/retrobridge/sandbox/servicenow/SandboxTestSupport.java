package io.retrobridge.sandbox.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.testsupport.MutableClock;
import io.retrobridge.testsupport.SandboxHttpTestSupport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a sandbox with an integration user on a hand-moved clock, and speaks HTTP to it as a client would. */
abstract class SandboxTestSupport extends SandboxHttpTestSupport {

    static final String USER = "retrobridge.integration";
    static final String PASSWORD = "s3cret-pw";
    static final Instant START = Instant.parse("2026-03-02T09:30:00Z");

    MutableClock clock;
    ServiceNowSandbox sandbox;

    @BeforeEach
    void startSandbox() throws Exception {
        clock = new MutableClock(START);
        sandbox = new ServiceNowSandbox(0, clock).start();
        sandbox.addUser(USER, PASSWORD, "itil");
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
        return basic(USER, PASSWORD);
    }

    /** The "result" of a successful answer. */
    static JsonNode result(HttpResponse<String> response) {
        return SandboxJson.parse(response.body()).get("result");
    }

    /** Numbers of the records a list answer returned, in order. */
    static List<String> numbers(HttpResponse<String> response) {
        List<String> numbers = new ArrayList<>();
        result(response).forEach(r -> numbers.add(r.get("number").asText()));
        return numbers;
    }
}
