package io.retrobridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The admin REST API of the running connector, called as an operator would (key from application-test.yaml). */
public final class AdminApi {

    public static final String ADMIN_KEY = "test-admin-key-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AdminApi() {
    }

    public static String get(int port, String path) {
        return send(port, "GET", path);
    }

    public static String post(int port, String path) {
        return send(port, "POST", path);
    }

    private static String send(int port, String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-API-Key", ADMIN_KEY).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isLessThan(300);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
