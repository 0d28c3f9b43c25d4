package io.retrobridge.sandbox.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.testsupport.MutableClock;
import io.retrobridge.testsupport.SandboxHttpTestSupport;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts an open Prometheus simulator on a hand-moved clock, and speaks HTTP to it as a client would. */
abstract class PrometheusSandboxTestSupport extends SandboxHttpTestSupport {

    static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

    MutableClock clock;
    PrometheusSandbox sandbox;

    @BeforeEach
    void startSandbox() throws Exception {
        clock = new MutableClock(NOW);
        sandbox = new PrometheusSandbox(0, clock).start();
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
        return null;
    }

    /** POSTs {@code form} as {@code application/x-www-form-urlencoded}, as clients send long queries. */
    HttpResponse<String> postForm(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode reference(String file) throws Exception {
        Path dir = Path.of(System.getProperty("retrobridge.reference-dir", "../shared/reference"),
                "monitoring", "prometheus");
        return SandboxJson.parse(Files.readString(dir.resolve(file)));
    }
}
