package io.retrobridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.RetroBridgeApplication;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** What a newcomer sees when the demo starts: where to look and what to try, or why it could not start. */
@ExtendWith(OutputCaptureExtension.class)
class DemoStartupTest {

    @Test
    void bannerPrintsWorkingUrlsCredentialsAndAnAdminKey(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext ignored = demo().run("--server.port=0",
                "--retrobridge.sandbox.jira-port=0", "--retrobridge.sandbox.servicenow-port=0",
                "--retrobridge.sandbox.prometheus-port=0")) {
            String banner = output.getAll();
            assertThat(banner).contains("RetroBridge demo is running").contains("Admin API key      export RB_KEY=rb-demo-");

            Matcher servicenow = Pattern.compile("curl -s -u (\\S+) '(http://\\S+)'").matcher(banner);
            assertThat(servicenow.find()).as("a ServiceNow curl line in:%n%s", banner).isTrue();
            assertThat(curl(servicenow.group(2), servicenow.group(1))).isEqualTo(200);

            Matcher key = Pattern.compile("export RB_KEY=(\\S+)").matcher(banner);
            Matcher app = Pattern.compile("curl -s -H \"X-API-Key: \\$RB_KEY\" (\\S+)").matcher(banner);
            assertThat(key.find()).isTrue();
            assertThat(app.find()).isTrue();
            HttpResponse<String> whoami = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.group(1)))
                    .header("X-API-Key", key.group(1)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(whoami.statusCode()).isEqualTo(200);
            assertThat(whoami.body()).contains("admin");
        }
    }

    @Test
    void aTakenSandboxPortStopsStartupWithTheSettingThatMovesIt(CapturedOutput output) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> demo().run("--server.port=0", "--retrobridge.sandbox.jira-port=0",
                    "--retrobridge.sandbox.servicenow-port=" + port, "--retrobridge.sandbox.prometheus-port=0"))
                    .hasRootCauseInstanceOf(java.net.BindException.class);

            assertThat(output.getAll())
                    .contains("APPLICATION FAILED TO START")
                    .contains("The ServiceNow sandbox cannot listen on port " + port + ": the port is already in use")
                    .contains("--retrobridge.sandbox.servicenow-port=<free port>")
                    .contains("RETROBRIDGE_SANDBOX_SERVICENOW_PORT");
        }
    }

    private static SpringApplicationBuilder demo() {
        return new SpringApplicationBuilder(RetroBridgeApplication.class).profiles("demo");
    }

    private static int curl(String url, String userColonPassword) throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString(userColonPassword.getBytes());
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
