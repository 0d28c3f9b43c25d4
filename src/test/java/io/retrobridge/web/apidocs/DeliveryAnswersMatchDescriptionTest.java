package io.retrobridge.web.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.testsupport.DeliverySeed;
import io.retrobridge.testsupport.KeyedApi;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** The delivery report's answers, with events and without, JSON and CSV, match the description served. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=grafana",
        "retrobridge.security.api-keys[0].key=" + DeliveryAnswersMatchDescriptionTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class DeliveryAnswersMatchDescriptionTest {

    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String VIEWER_KEY = "view-Rt5uY8iO2pA4sD6f";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void reportsAndRefusalsMatchTheDescription() {
        DeliverySeed.shopWeekAlone(context);
        KeyedApi api = new KeyedApi(port);
        OwnApiValidator description = OwnApiValidator.served(api, ADMIN_KEY);
        String week = "/api/reports/delivery?from=" + DeliverySeed.FROM + "&to=" + DeliverySeed.TO;

        List<HttpResponse<String>> answers = List.of(
                api.get(week + "&events=true&granularity=day&zone=Europe/Berlin", VIEWER_KEY, "application/json"),
                api.get(week, VIEWER_KEY, "application/json"),
                api.get("/api/reports/delivery?from=2026-12-01&to=2026-12-02", VIEWER_KEY, "application/json"),
                api.get(week, VIEWER_KEY, "text/csv"),
                api.get(week + "&granularity=hour", VIEWER_KEY, "application/json"));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 200, 200, 200, 400);
        assertThat(description.problems(answers)).as("answers the description does not allow").isEmpty();
    }
}
