package io.retrobridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sends a request a test expects to succeed: any status of 300 or more fails the test, naming the call. */
final class SuccessfulHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SuccessfulHttp() {
    }

    /** The response body; the failure message carries method, address and body so the cause is visible. */
    static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s: %s", request.method(), request.uri(), response.body())
                    .isLessThan(300);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
