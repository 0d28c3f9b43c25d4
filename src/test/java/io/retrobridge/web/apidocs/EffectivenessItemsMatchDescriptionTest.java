package io.retrobridge.web.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.testsupport.EffectivenessSeed;
import io.retrobridge.testsupport.KeyedApi;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** The effectiveness report with {@code items=true} matches the description the application serves. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=effectiveness-items-description",
        "retrobridge.security.api-keys[0].key=" + EffectivenessItemsMatchDescriptionTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class EffectivenessItemsMatchDescriptionTest {

    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String VIEWER_KEY = "view-Hd4fG6hJ8kL0zX2c";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void theItemsMatchTheDescription() {
        EffectivenessSeed.from(context).write();
        KeyedApi api = new KeyedApi(port);
        OwnApiValidator description = OwnApiValidator.served(api, ADMIN_KEY);

        HttpResponse<String> answer = api.get("/api/reports/effectiveness?from=2026-06-01&to=2026-07-01"
                + "&granularity=week&items=true", VIEWER_KEY);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(KeyedApi.json(answer).at("/items/periods/2/byApplication/0/items/0/escalations/0/outcome")
                .asText()).isEqualTo("OPEN");
        assertThat(description.problems(answer)).as("answers the description does not allow").isEmpty();
    }
}
