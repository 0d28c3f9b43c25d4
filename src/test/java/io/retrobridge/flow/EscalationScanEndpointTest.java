package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.SandboxPair;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** POST /api/admin/escalations/scan: an admin runs one scan now and reads what it did; one at a time. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EscalationScanEndpointTest.Ports.class)
class EscalationScanEndpointTest {

    static final SandboxPair systems = new SandboxPair();
    /** Holds a scan inside its lock while a test needs one running. */
    static volatile CountDownLatch hold = new CountDownLatch(0);
    static final CountDownLatch entered = new CountDownLatch(1);

    @TestConfiguration
    static class Ports {
        @Bean
        EscalationPolicySource heldPolicy() {
            EscalationPolicy policy = EscalationTestPolicies.serviceNowBoard("sc_task");
            return () -> {
                entered.countDown();
                try {
                    hold.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.of(policy);
            };
        }

        @Bean
        EscalationPlans testPlanner() {
            return new LadderByCalendarDays();
        }

        @Bean
        InMemoryEscalationStore testEscalationStore() {
            return new InMemoryEscalationStore();
        }

        @Bean
        InMemoryFollowUpStore testFollowUpStore() {
            return new InMemoryFollowUpStore();
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        systems.register(registry);
    }

    @AfterAll
    static void stop() {
        systems.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    EscalationScan scan;

    @Test
    void anAdminGetsTheSummaryOfTheScanItRan() {
        String summary = AdminApi.post(port, "/api/admin/escalations/scan");

        assertThat(SandboxPair.json(summary).path("items").isInt()).isTrue();
        assertThat(summary).contains("\"raised\"").contains("\"resolved\"").contains("\"parked\"").contains("\"skipped\"")
                .contains("not linked yet");
    }

    @Test
    void aSecondScanWhileOneRunsIsAConflictThatSaysSo() throws Exception {
        hold = new CountDownLatch(1);
        CompletableFuture<ScanSummary> running = CompletableFuture.supplyAsync(scan::scan);
        try {
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            HttpResponse<String> second = post("/api/admin/escalations/scan", AdminApi.ADMIN_KEY);

            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(second.body()).contains("already running");
        } finally {
            hold.countDown();
        }
        assertThat(running.get(60, TimeUnit.SECONDS).items()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void withoutAKeyNothingRuns() throws Exception {
        assertThat(post("/api/admin/escalations/scan", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> post(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
