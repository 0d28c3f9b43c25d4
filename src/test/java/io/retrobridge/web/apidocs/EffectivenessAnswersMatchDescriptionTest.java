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

/** The effectiveness report's answers, with every section filled, match the description the application serves. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=effectiveness-description",
        "retrobridge.security.api-keys[0].key=" + EffectivenessAnswersMatchDescriptionTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class EffectivenessAnswersMatchDescriptionTest {

    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String VIEWER_KEY = "view-Dz3xC5vB7nM9kL1j";

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
                api.get("/api/reports/effectiveness?from=2026-05-15&to=2026-07-15&granularity=month", VIEWER_KEY),
                api.get("/api/reports/effectiveness?from=2026-01-01&to=2026-02-01", VIEWER_KEY),
                api.get("/api/reports/effectiveness?granularity=year", VIEWER_KEY));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 200, 400);
        assertThat(KeyedApi.json(answers.get(0)).at("/periods/1/overall/recurrence/recurred").asInt()).isEqualTo(1);
        assertThat(description.problems(answers)).as("answers the description does not allow").isEmpty();
    }
}
