package io.retrobridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.RetroBridgeApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a newcomer sees in the three reports once the demo is up: the three whole months before the current one, month
 * by month, with the trend the seeded history tells.
 * <p>
 * The history, M1 to M3 being the three months before the current one (days of the month; runs start at 10:00 UTC and
 * take 8 minutes; a failed run is one whose HighErrorRate alert fired 5 minutes after it finished, resolved N minutes
 * after it finished; lead time is from the tagged commit to the run's end, 72 h in M1, 30 h in M2, 6 h in M3):
 * <pre>
 *   checkout         M1: 4 12 20            (12 failed, 240 min)   M2: 2 7 12 17 22 27 (17 failed, 90 min)
 *                    M3: 1 4 7 10 13 16 19 22 25
 *   inventory        M1: 6 13 20      (6 and 13 failed, 300 min)   M2: 3 10 17 24 28   (10 failed, 120 min)
 *                    M3: 3 6 9 12 15 18 21 24
 *   search           M1: 9 18 26             (9 failed, 200 min)   M2: 5 11 16 21 26   (16 failed, 100 min)
 *                    M3: 4 9 14 19 24 27
 *   payment-gateway  M1: 5 14 23            (14 failed, 180 min)   M2: 3 8 13 18 24    (8 failed, 120 min)
 *                    M3: 2 5 8 11 14 17 20, and the demo's own 4.1.3 nine days before start-up may fall into M3
 * </pre>
 * Retrospectives (opened on the failure's day) and their action items (due / closed; "open" = still open):
 * <pre>
 *   M1 payment-gateway d14 timeout:       due 21 closed 18; due 24 closed 24                      (2 on time)
 *   M1 inventory d6  config-drift:        due 16 closed 14; due 16 closed 22                      (1 on time, 1 late)
 *   M1 inventory d13 missing-alert:       due 27 closed 25                                        (on time)
 *   M1 search d9     config-drift:        due 19 closed 17                                        (on time)
 *   M2 payment-gateway d8 capacity:       due 20 closed 15                                        (on time)
 *   M2 inventory d10 config-drift:        due 20 closed 19; due 28 open                           (on time; overdue)
 *   M2 search d16    config-drift:        due 26 closed M3 d3; due 28 cancelled d20; due M3 d6 open (late; -; overdue)
 * </pre>
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theReportsShowTheLastThreeMonthsGettingBetterAndAFailureModeRecurring(CapturedOutput output)
            throws Exception {
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(RetroBridgeApplication.class)
                .profiles("demo").run("--server.port=0", "--retrobridge.sandbox.jira-port=" + freePort(),
                        "--retrobridge.sandbox.servicenow-port=" + freePort(),
                        "--retrobridge.sandbox.prometheus-port=" + freePort(),
                        "--spring.datasource.url=jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            String key = find(output, "export RB_KEY=(\\S+)");
            String app = find(output, "RetroBridge +(http://\\S+)");
            YearMonth current = YearMonth.now(ZoneOffset.UTC);
            YearMonth m1 = current.minusMonths(3);
            String window = "from=" + m1.atDay(1) + "&to=" + current.atDay(1);
            String delivery = app + "/api/reports/delivery?" + window + "&granularity=month";
            String effectiveness = app + "/api/reports/effectiveness?" + window + "&granularity=month";

            // The history arrives through the sync, the follow-up refresh and the escalation scan: wait until the last
            // alert is linked to its run and every closed item's closing day is known.
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
                JsonNode search = application(get(delivery, key), "search");
                JsonNode periods = get(effectiveness, key).path("periods");
                return search != null && search.path("buckets").get(1).at("/figures/changeFailRate/failed").asInt() == 1
                        && periods.get(0).at("/overall/doneOnTime").asInt() == 5
                        && periods.get(1).at("/overall/doneOnTime").asInt() == 2;
            });

            JsonNode runs = get(delivery, key);
            // checkout, M1: 3 runs, 1 failed -> 1/3 = 0.33 (low); 3 a month (medium); lead 72 h (high); restored in 4 h
            JsonNode checkout = application(runs, "checkout").path("buckets");
            assertMonth(checkout.get(0), 3, "medium", 1, 1.0 / 3, "low", "PT72H", "high");
            assertThat(checkout.get(0).at("/figures/failedDeploymentRecoveryTime/median").asText()).isEqualTo("PT4H");
            // M2: 6 runs, 1 failed -> 1/6 = 0.17 (high); 6 a month (high); lead 30 h (high); restored in 90 min.
            assertMonth(checkout.get(1), 6, "high", 1, 1.0 / 6, "high", "PT30H", "high");
            assertThat(checkout.get(1).at("/figures/failedDeploymentRecoveryTime/median").asText())
                    .isEqualTo("PT1H30M");
            // M3: 9 runs, none failed -> 0 (elite); lead 6 h (elite).
            assertMonth(checkout.get(2), 9, "high", 0, 0.0, "elite", "PT6H", "elite");
            // inventory: 2 of 3 (0.67, low) -> 1 of 5 (0.2, high) -> 0 of 8 (elite); recovery 5 h (both took 5 h).
            JsonNode inventory = application(runs, "inventory").path("buckets");
            assertMonth(inventory.get(0), 3, "medium", 2, 2.0 / 3, "low", "PT72H", "high");
            assertThat(inventory.get(0).at("/figures/failedDeploymentRecoveryTime/median").asText())
                    .isEqualTo("PT5H");
            assertMonth(inventory.get(1), 5, "high", 1, 0.2, "high", "PT30H", "high");
            assertMonth(inventory.get(2), 8, "high", 0, 0.0, "elite", "PT6H", "elite");
            // search: 1 of 3 -> 1 of 5 -> 0 of 6.
            JsonNode search = application(runs, "search").path("buckets");
            assertMonth(search.get(0), 3, "medium", 1, 1.0 / 3, "low", "PT72H", "high");
            assertMonth(search.get(1), 5, "high", 1, 0.2, "high", "PT30H", "high");
            assertMonth(search.get(2), 6, "high", 0, 0.0, "elite", "PT6H", "elite");
            // payment-gateway's first two months (its last may hold the demo's own release).
            JsonNode gateway = application(runs, "payment-gateway").path("buckets");
            assertMonth(gateway.get(0), 3, "medium", 1, 1.0 / 3, "low", "PT72H", "high");
            assertMonth(gateway.get(1), 5, "high", 1, 0.2, "high", "PT30H", "high");

            JsonNode periods = get(effectiveness, key).path("periods");
            assertThat(periods).hasSize(3);
            // M1: 4 retrospectives, 6 items all done, 5 on time -> completion 6/6 = 1.00, on time 5/6 = 0.83; closed
            // tags timeout, config-drift (inventory), missing-alert, config-drift (search); the two config-drift ones
            // recurred in M2 -> 2/4 = 0.50.
            JsonNode first = periods.get(0).path("overall");
            assertThat(first.path("retrospectives").asInt()).isEqualTo(4);
            assertThat(first.path("actionItems").asInt()).isEqualTo(6);
            assertThat(first.path("done").asInt()).isEqualTo(6);
            assertThat(first.path("completionRate").decimalValue()).isEqualByComparingTo("1.00");
            assertThat(first.path("onTimeRate").decimalValue()).isEqualByComparingTo("0.83");
            assertThat(first.at("/recurrence/closedTags").asInt()).isEqualTo(4);
            assertThat(first.at("/recurrence/recurred").asInt()).isEqualTo(2);
            assertThat(first.at("/recurrence/rate").decimalValue()).isEqualByComparingTo("0.50");
            // M2: 3 retrospectives, 6 items: 3 done (2 on time), 1 cancelled, 2 open and overdue -> completion
            // 3/6 = 0.50, on time 2/3 = 0.67; only capacity closed, and it did not recur -> 0/1.
            JsonNode second = periods.get(1).path("overall");
            assertThat(second.path("retrospectives").asInt()).isEqualTo(3);
            assertThat(second.path("actionItems").asInt()).isEqualTo(6);
            assertThat(second.path("done").asInt()).isEqualTo(3);
            assertThat(second.path("cancelled").asInt()).isEqualTo(1);
            assertThat(second.path("completionRate").decimalValue()).isEqualByComparingTo("0.50");
            assertThat(second.path("onTimeRate").decimalValue()).isEqualByComparingTo("0.67");
            assertThat(second.at("/overdue/items").asInt()).isEqualTo(2);
            assertThat(second.at("/recurrence/closedTags").asInt()).isEqualTo(1);
            assertThat(second.at("/recurrence/recurred").asInt()).isEqualTo(0);
            // M3: no failure, so no retrospective.
            assertThat(periods.get(2).at("/overall/retrospectives").asInt()).isZero();

            JsonNode trend = get(app + "/api/reports/portfolio?" + window, key).path("trend");
            List<String> changes = new ArrayList<>();
            trend.path("changes").forEach(change -> changes.add(change.path("application").asText() + " "
                    + change.path("month").asText() + " " + change.path("figure").asText() + " "
                    + change.path("before").asText() + "->" + change.path("after").asText() + " "
                    + change.path("direction").asText()));
            assertThat(changes).contains(
                    "checkout " + m1.plusMonths(1) + " deployment frequency medium->high IMPROVED",
                    "checkout " + m1.plusMonths(1) + " change fail rate low->high IMPROVED",
                    "checkout " + m1.plusMonths(2) + " change fail rate high->elite IMPROVED",
                    "checkout " + m1.plusMonths(2) + " change lead time high->elite IMPROVED",
                    "inventory " + m1.plusMonths(1) + " action completion rate 1.00->0.50 WORSENED");
            assertThat(trend.path("recurred")).extracting(r -> r.path("application").asText() + " "
                    + r.path("month").asText() + " " + r.path("failureMode").asText())
                    .containsExactlyInAnyOrder("inventory " + m1 + " config-drift", "search " + m1 + " config-drift");
            assertThat(trend.path("underInvestment")).singleElement().satisfies(shared -> {
                assertThat(shared.path("failureMode").asText()).isEqualTo("config-drift");
                assertThat(shared.path("applications")).extracting(JsonNode::asText)
                        .containsExactly("inventory", "search");
                // The shipped teams.yaml: inventory is fulfilment's, search is discovery's.
                assertThat(shared.path("teams")).extracting(JsonNode::asText)
                        .containsExactly("discovery", "fulfilment");
            });
            assertThat(trend.at("/overdue/items").asInt()).isEqualTo(2);
            assertThat(trend.at("/overdue/byApplication")).extracting(a -> a.path("application").asText())
                    .containsExactly("inventory", "search");
        }
    }

    private static void assertMonth(JsonNode bucket, int deployments, String frequencyBand, int failed, double rate,
                                     String failRateBand, String leadTime, String leadTimeBand) {
        JsonNode figures = bucket.path("figures");
        assertThat(figures.at("/deploymentFrequency/deployments").asInt()).as(bucket.toString())
                .isEqualTo(deployments);
        assertThat(figures.at("/deploymentFrequency/band").asText()).as(bucket.toString()).isEqualTo(frequencyBand);
        assertThat(figures.at("/changeFailRate/failed").asInt()).as(bucket.toString()).isEqualTo(failed);
        assertThat(figures.at("/changeFailRate/rate").asDouble()).as(bucket.toString()).isCloseTo(rate, within(1e-9));
        assertThat(figures.at("/changeFailRate/band").asText()).as(bucket.toString()).isEqualTo(failRateBand);
        assertThat(figures.at("/changeLeadTime/median").asText()).as(bucket.toString()).isEqualTo(leadTime);
        assertThat(figures.at("/changeLeadTime/band").asText()).as(bucket.toString()).isEqualTo(leadTimeBand);
    }

    private static JsonNode application(JsonNode delivery, String name) {
        for (JsonNode app : delivery.path("applications")) {
            if (name.equals(app.path("application").asText())) {
                return app;
            }
        }
        return null;
    }

    private static String find(CapturedOutput output, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(output.getAll());
        assertThat(matcher.find()).as("the banner has a line matching %s:%n%s", regex, output.getAll()).isTrue();
        return matcher.group(1);
    }

    private static JsonNode get(String url, String key) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The demo's connector finds its simulators by their configured ports, so they get real ones here. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
