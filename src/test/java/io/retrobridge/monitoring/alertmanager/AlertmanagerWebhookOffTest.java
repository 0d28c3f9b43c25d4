package io.retrobridge.monitoring.alertmanager;

import static io.retrobridge.monitoring.alertmanager.AlertmanagerDeliveries.json;
import static io.retrobridge.monitoring.alertmanager.AlertmanagerDeliveries.sample;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Without retrobridge.alertmanager.secret the endpoint takes nothing, as every source without its secret does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AlertmanagerWebhookOffTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void withoutASecretEveryNotificationIsRefusedAndNothingIsStored() {
        AlertmanagerDeliveries deliver = new AlertmanagerDeliveries(port, jdbc);
        deliver.emptyStores();

        HttpResponse<String> response = deliver.post(sample(AlertmanagerWebhookTest.ZULIP_FIRING));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("error").asText()).contains("retrobridge.alertmanager.secret");
        assertThat(deliver.inbox()).isEmpty();
    }
}
