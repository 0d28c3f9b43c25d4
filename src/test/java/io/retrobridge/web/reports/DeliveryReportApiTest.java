package io.retrobridge.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.testsupport.DeliverySeed;
import io.retrobridge.testsupport.KeyedApi;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The delivery report over HTTP, as JSON and as CSV, from the seeded shop week in the real stores on H2. The values
 * are those worked out by hand in {@code DeliveryReportTest}: 7 finished runs, 6 successful; lead time 3h30m (4
 * counted, 2 left out); 3 failed (r1 alert, r3 failure, r5 rolled back); recovery 1h30m; 3 rework (r2, r4, r6).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=grafana",
        "retrobridge.security.api-keys[0].key=" + DeliveryReportApiTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class DeliveryReportApiTest {

    // The same keys as the follow-up report test, so they share one running application.
    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String VIEWER_KEY = "view-Rt5uY8iO2pA4sD6f";
    private static final String WEEK = "/api/reports/delivery?from=" + DeliverySeed.FROM + "&to=" + DeliverySeed.TO;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @BeforeEach
    void seed() {
        DeliverySeed.shopWeekAlone(context);
    }

    @Test
    void theJsonReportGivesEachFigureWithItsBandAndCount() {
        HttpResponse<String> response = get(WEEK + "&granularity=week", VIEWER_KEY, "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = KeyedApi.json(response);
        assertThat(report.get("environment").asText()).isEqualTo("production");
        assertThat(report.get("granularity").asText()).isEqualTo("week");
        assertThat(report.get("failureWindow").asText()).isEqualTo("PT24H");
        JsonNode shop = report.at("/applications/0/figures");
        assertThat(report.at("/applications/0/application").asText()).isEqualTo("shop");
        assertThat(shop.at("/deploymentFrequency/deployments").asInt()).isEqualTo(6);
        assertThat(shop.at("/deploymentFrequency/band").asText()).isEqualTo("high");
        assertThat(shop.at("/changeLeadTime/medianSeconds").asDouble()).isEqualTo(12600.0);
        assertThat(shop.at("/changeLeadTime/median").asText()).isEqualTo("PT3H30M");
        assertThat(shop.at("/changeLeadTime/counted").asInt()).isEqualTo(4);
        assertThat(shop.at("/changeLeadTime/leftOut").asInt()).isEqualTo(2);
        assertThat(shop.at("/changeLeadTime/band").asText()).isEqualTo("elite");
        assertThat(shop.at("/changeFailRate/failed").asInt()).isEqualTo(3);
        assertThat(shop.at("/changeFailRate/deployments").asInt()).isEqualTo(7);
        assertThat(shop.at("/changeFailRate/band").asText()).isEqualTo("low");
        assertThat(shop.at("/failedDeploymentRecoveryTime/medianSeconds").asDouble()).isEqualTo(5400.0);
        assertThat(shop.at("/failedDeploymentRecoveryTime/band").asText()).isEqualTo("high");
        assertThat(shop.at("/deploymentReworkRate/rework").asInt()).isEqualTo(3);
        assertThat(shop.at("/deploymentReworkRate/band").isMissingNode()).isTrue();
        assertThat(shop.at("/changeFailRate/events").isMissingNode()).as("events only on request").isTrue();
        assertThat(report.at("/overall/changeFailRate/rate").asDouble()).isEqualTo(3.0 / 7);
    }

    @Test
    void theEventsAreListedOnRequestWithTheirLinks() {
        JsonNode report = KeyedApi.json(get(WEEK + "&events=true", VIEWER_KEY, null));

        JsonNode failed = report.at("/overall/changeFailRate/events");
        assertThat(failed).extracting(event -> event.get("runId").asText() + " " + event.get("note").asText())
                .containsExactly("r1 alert HighErrorRate fired", "r3 deployment failure", "r5 rolled back by GITHUB:r6");
        assertThat(failed.get(0).get("runUrl").asText()).isEqualTo("https://ci.example/shop/r1");
        assertThat(failed.get(0).get("finishedAt").asText()).isEqualTo("2026-11-02T10:00:00Z");
        assertThat(report.at("/overall/failedDeploymentRecoveryTime/events/1/durationSeconds").asDouble())
                .isEqualTo(1200.0);
    }

    @Test
    void theCsvHasOneRowPerApplicationAndBucketInTheAskedZone() {
        HttpResponse<String> response = get(WEEK + "&granularity=day&zone=Europe/Berlin", VIEWER_KEY, "text/csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(t -> assertThat(t)
                .contains("delivery-2026-11-02.csv"));
        List<String> lines = response.body().lines().toList();
        assertThat(response.body()).contains("\r\n");
        assertThat(lines.get(0)).isEqualTo(String.join(",", DeliveryCsv.HEADER));
        // Eight Berlin days: 2 Nov (from 00:00 UTC) to 9 Nov, which holds r7 (23:30 UTC on 8 Nov) in its one hour;
        // then the same eight for the team unassigned, as no team of the shipped teams.yaml owns shop.
        assertThat(lines).hasSize(17);
        assertThat(lines.get(9)).isEqualTo("team:unassigned" + lines.get(1).substring("shop".length()));
        assertThat(lines.get(1)).isEqualTo("shop,production,2026-11-02,2026-11-02T00:00:00Z,2026-11-02T23:00:00Z,"
                + "2,2.0869565217391304,elite,10800.0,2,0,elite,1,2,0.5,low,5400.0,1,0,high,1,0.5");
        assertThat(lines.get(8)).isEqualTo("shop,production,2026-11-09,2026-11-08T23:00:00Z,2026-11-09T00:00:00Z,"
                + "1,24.0,elite,10800.0,1,0,elite,0,1,0.0,elite,,0,0,,0,0.0");
        assertThat(lines.get(2)).isEqualTo("shop,production,2026-11-03,2026-11-02T23:00:00Z,2026-11-03T23:00:00Z,"
                + "0,0.0,,,0,0,,0,0,,,,0,0,,0,");
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        assertRefused(WEEK + "&granularity=hour", "granularity", "day, week, month");
        assertRefused(WEEK + "&zone=Mars/Olympus", "zone", "Europe/Berlin");
        assertRefused("/api/reports/delivery?from=2026-11-09&to=2026-11-02", "from", "not before to");
        assertRefused("/api/reports/delivery?from=yesterday", "from", "ISO 8601");
        assertRefused(WEEK + "&to=2026-13-01", "to", "ISO 8601");
        assertRefused(WEEK + "&events=yes", "events", "true nor false");
        assertRefused("/api/reports/delivery?from=2026-11-01&to=%2B999999-01-01T00:00:00Z", "to", "between 1970 and 9998");
        assertRefused(WEEK + "&team=nobody", "team", "the known teams are payments, storefront, fulfilment, discovery, unassigned");
        assertRefused(WEEK + "&application=%3Dcmd%7C", "application", "not an application name");
        assertRefused(WEEK + "&environment=prod%20eu", "environment", "not an environment name");
        assertRefused("/api/reports/delivery?from=2000-01-01&to=2026-01-01&granularity=day", "granularity",
                "more than 1000");
    }

    @Test
    void aDateCountsFromTheStartOfThatDayInTheZone() {
        JsonNode report = KeyedApi.json(get("/api/reports/delivery?from=2026-11-02&to=2026-11-09&zone=Europe/Berlin",
                VIEWER_KEY, null));

        assertThat(report.get("from").asText()).isEqualTo("2026-11-01T23:00:00Z");
        assertThat(report.get("to").asText()).isEqualTo("2026-11-08T23:00:00Z");
        // r7 (23:30 UTC on 8 Nov) is Monday in Berlin: outside this week; r0 (20:00 UTC on 1 Nov) is before it.
        assertThat(report.at("/overall/deploymentFrequency/deployments").asInt()).isEqualTo(5);
    }

    @Test
    void anEmptyWindowAnswersWithNoFigures() {
        JsonNode report = KeyedApi.json(get("/api/reports/delivery?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z",
                VIEWER_KEY, null));

        assertThat(report.get("applications")).isEmpty();
        assertThat(report.at("/overall/deploymentFrequency/deployments").asInt()).isZero();
        assertThat(report.at("/overall/changeFailRate/rate").isMissingNode()).isTrue();
        assertThat(report.at("/overall/changeLeadTime/band").isMissingNode()).isTrue();
    }

    @Test
    void oneApplicationAndAnotherEnvironment() {
        assertThat(KeyedApi.json(get(WEEK + "&application=shop", VIEWER_KEY, null)).get("applications")).hasSize(1);
        assertThat(KeyedApi.json(get(WEEK + "&application=billing", VIEWER_KEY, null)).get("applications")).isEmpty();
        assertThat(KeyedApi.json(get(WEEK + "&environment=staging", VIEWER_KEY, null)).get("applications")).isEmpty();
    }

    @Test
    void everyKeyMayReadTheReportAndNoKeyMayNot() {
        assertThat(get(WEEK, VIEWER_KEY, "text/csv").statusCode()).isEqualTo(200);
        assertThat(get(WEEK, ADMIN_KEY, "application/json").statusCode()).isEqualTo(200);
        assertThat(get(WEEK, null, "application/json").statusCode()).isEqualTo(401);
        assertThat(get(WEEK, "not-a-key-123456", "text/csv").statusCode()).isEqualTo(401);
        assertThat(get(WEEK, VIEWER_KEY, "application/xml").statusCode()).isEqualTo(406);
        assertThat(new KeyedApi(port).post("/api/reports/delivery", VIEWER_KEY).statusCode()).isEqualTo(403);
    }

    private void assertRefused(String path, String parameter, String says) {
        KeyedApi.assertRefused(get(path, VIEWER_KEY, "application/json"), parameter, says);
    }

    private HttpResponse<String> get(String path, String key, String accept) {
        return new KeyedApi(port).get(path, key, accept);
    }
}
