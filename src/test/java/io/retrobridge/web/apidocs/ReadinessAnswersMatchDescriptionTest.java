package io.retrobridge.web.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.testsupport.KeyedApi;
import io.retrobridge.testsupport.ReadinessSeed;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** The readiness review's answers, with every section filled, match the description the application serves. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.servicenow.base-url=https://acme.service-now.com",
        "retrobridge.security.api-keys[0].name=release-managers",
        "retrobridge.security.api-keys[0].key=" + ReadinessAnswersMatchDescriptionTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class ReadinessAnswersMatchDescriptionTest {

    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String VIEWER_KEY = "view-Rm2nB8vC5xZ1qW7d";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void reviewsAndRefusalsMatchTheDescription() {
        Instant now = Instant.now();
        ReadinessSeed seed = ReadinessSeed.from(context);
        Retrospective retrospective = seed.retrospective("CHG0030001", "payment-gateway", now.minus(Duration.ofDays(9)));
        Link fix = seed.item("task-fix", "PTASK0010001", "Fix ledger rounding", "OPEN", "2026-01-01", "hotfix",
                "config-drift", now.minus(Duration.ofDays(9)));
        seed.escalated(fix, "CAB", now.minus(Duration.ofDays(2)));
        seed.followUps(retrospective, now.minus(Duration.ofDays(1)), "task-fix");
        seed.run("r1", "payment-gateway", "production", "4.2.0", now.minus(Duration.ofDays(8)),
                DeploymentResult.FAILURE, true, "CHG0030001");
        seed.pir("payment-gateway@production@4.2.0", null, "payment-gateway", "4.2.0", now.minus(Duration.ofDays(8)));
        KeyedApi api = new KeyedApi(port);
        OwnApiValidator description = OwnApiValidator.served(api, ADMIN_KEY);

        List<HttpResponse<String>> answers = List.of(
                api.get("/api/readiness?application=payment-gateway&version=4.2.0", VIEWER_KEY),
                api.get("/api/readiness?application=first-timer", VIEWER_KEY),
                api.get("/api/readiness?application=payment-gateway&format=markdown", VIEWER_KEY),
                api.get("/api/readiness?version=4.2.0", VIEWER_KEY));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 200, 200, 400);
        assertThat(KeyedApi.json(answers.get(0)).at("/followUps/items/0/escalatedTo").asText()).isEqualTo("CAB");
        assertThat(KeyedApi.json(answers.get(0)).at("/pir/forVersion/key").asText())
                .isEqualTo("payment-gateway@production@4.2.0");
        assertThat(description.problems(answers)).as("answers the description does not allow").isEmpty();
    }
}
