package io.retrobridge.testsupport;

import java.net.URI;
import java.net.http.HttpRequest;

/** The admin REST API of the running connector, called as an operator would (key from application-test.yaml). */
public final class AdminApi {

    public static final String ADMIN_KEY = "test-admin-key-0123456789";

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
        return SuccessfulHttp.send(request);
    }
}
