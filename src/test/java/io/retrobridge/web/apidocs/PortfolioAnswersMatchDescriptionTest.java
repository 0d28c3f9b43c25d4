package io.retrobridge.web.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.testsupport.EffectivenessSeed;
import io.retrobridge.testsupport.KeyedApi;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** The portfolio report's answers (JSON with every trend section filled, CSV, HTML, a refusal) match the description. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=portfolio-description",
        "retrobridge.security.api-keys[0].key=" + PortfolioAnswersMatchDescriptionTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class PortfolioAnswersMatchDescriptionTest {

    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String VIEWER_KEY = "view-Pd4fG6hJ8kL0zX2c";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void reportsAndRefusalsMatchTheDescription() {
        EffectivenessSeed.from(context).write();
        KeyedApi api = new KeyedApi(port);
        OwnApiValidator description = OwnApiValidator.served(api, ADMIN_KEY);

        List<HttpResponse<String>> answers = List.of(
                api.get("/api/reports/portfolio?from=2026-05-01&to=2026-08-01", VIEWER_KEY),
                api.get("/api/reports/portfolio?from=2026-01-01&to=2026-02-01", VIEWER_KEY),
                api.get("/api/reports/portfolio?from=2026-05-01&to=2026-08-01", VIEWER_KEY, "text/csv"),
                api.get("/api/reports/portfolio?from=2026-05-01&to=2026-08-01&format=html", VIEWER_KEY),
                api.get("/api/reports/portfolio?zone=Nowhere/Here", VIEWER_KEY));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 200, 200, 200, 400);
        assertThat(KeyedApi.json(answers.get(0)).at("/trend/recurred/0/failureMode").asText())
                .isEqualTo("config-drift");
        assertThat(description.problems(answers)).as("answers the description does not allow").isEmpty();
    }
}
