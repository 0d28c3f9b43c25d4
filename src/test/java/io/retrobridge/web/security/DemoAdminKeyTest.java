package io.retrobridge.web.security;

import static io.retrobridge.web.security.ApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.RetroBridgeApplication;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo starts with a fresh admin key that works and is printed exactly once. Started here rather than
 * through the test context cache so the captured log is this start's log.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoAdminKeyTest {

    @Test
    void demoGeneratesAWorkingAdminKeyAndPrintsItOnce(CapturedOutput output) {
        try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(RetroBridgeApplication.class)
                .profiles("demo")
                .run("--server.port=0", "--retrobridge.sandbox.jira-port=0", "--retrobridge.sandbox.servicenow-port=0",
                        "--retrobridge.sandbox.prometheus-port=0",
                        "--spring.datasource.url=jdbc:h2:mem:retrobridge-demo-key-test;DB_CLOSE_DELAY=-1")) {
            String key = demo.getBean(DemoAdminKey.class).value();
            int port = ((WebServerApplicationContext) demo).getWebServer().getPort();
            assertThat(port).as("a free port, not the configured 8080").isNotEqualTo(8080);
            ApiCalls api = new ApiCalls(port);

            HttpResponse<String> whoami = api.get("/api/whoami", "X-API-Key", key);
            HttpResponse<String> settings = api.get("/api/admin/settings", "Authorization", "Bearer " + key);

            assertThat(whoami.statusCode()).isEqualTo(200);
            assertThat(json(whoami).get("name").asText()).isEqualTo("demo-admin");
            assertThat(json(whoami).get("role").asText()).isEqualTo("admin");
            assertThat(settings.statusCode()).isEqualTo(200);
            assertThat(settings.body()).doesNotContain(key);
            assertThat(key).hasSizeGreaterThanOrEqualTo(ApiSecurityProperties.MINIMUM_KEY_LENGTH);
            assertThat(output.getAll().lines().filter(line -> line.contains(key)))
                    .singleElement().asString().contains("DEMO ADMIN KEY");
            assertThat(output.getAll().lines().filter(line -> line.contains("DEMO ADMIN KEY"))).hasSize(1);
            assertThat(output.getAll()).doesNotContain("No API key is configured");
        }
    }
}
