package io.retrobridge.pipeline;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** WireMock's first answer can take seconds on a busy machine; tests whose read timeout is short ask it once first. */
public final class WireMockWarmUp {

    private WireMockWarmUp() {
    }

    public static void warmUp(WireMockServer server) {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/__admin/mappings"))
                    .build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
