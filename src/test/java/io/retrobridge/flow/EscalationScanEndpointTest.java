package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.escalation.scan.EscalationScan;
import io.retrobridge.escalation.scan.ScanSummary;
import io.retrobridge.flow.EscalationWorld.Item;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.SandboxPair;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * POST /api/admin/escalations/scan runs the application's scan (shipped mappings, planner, JDBC stores) and answers
 * what it did, one at a time; the follow-up report then shows the items it looked at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EscalationScanEndpointTest extends EscalationSetup {

    static final SandboxPair systems = new SandboxPair();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        systems.register(registry);
    }

    @AfterAll
    static void stop() {
        systems.close();
    }

    EscalationScanEndpointTest() {
        super(systems);
    }

    @LocalServerPort
    int port;
    @Autowired
    EscalationScan scan;

    @Test
    void anAdminGetsTheSummaryOfTheScanItRan() {
        String summary = AdminApi.post(port, "/api/admin/escalations/scan");

        assertThat(SandboxPair.json(summary).path("items").isInt()).isTrue();
        assertThat(summary).contains("\"raised\"").contains("\"resolved\"").contains("\"parked\"").contains("\"skipped\"");
    }

    @Test
    void aSecondScanWhileOneRunsIsAConflictThatSaysSo() throws Exception {
        // Every answer of either system takes two seconds, so the first scan is still reading when the second is
        // asked for.
        systems.servicenow.faults().latency(Duration.ofSeconds(2));
        systems.jira.faults().latency(Duration.ofSeconds(2));
        CompletableFuture<ScanSummary> running = CompletableFuture.supplyAsync(scan::scan);
        try {
            Thread.sleep(300);

            HttpResponse<String> second = post("/api/admin/escalations/scan", AdminApi.ADMIN_KEY);

            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(second.body()).contains("already running");
        } finally {
            systems.servicenow.faults().latency(Duration.ZERO);
            systems.jira.faults().latency(Duration.ZERO);
        }
        assertThat(running.get(60, TimeUnit.SECONDS).items()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void withoutAKeyNothingRuns() throws Exception {
        assertThat(post("/api/admin/escalations/scan", null).statusCode()).isEqualTo(401);
    }

    /**
     * Three actions of one retrospective: one overdue (taken to the CAB by the scan), one not due yet, one done on
     * time. The report, as JSON and as CSV, counts them for the retrospective.
     */
    @Test
    void afterAScanTheFollowUpReportCountsTheRetrospectivesActions() throws Exception {
        String title = "Follow-up " + UUID.randomUUID().toString().substring(0, 8);
        String problemSysId = SandboxPair.json(systems.servicenowCall("POST", "/api/now/table/problem",
                "{\"short_description\":" + SandboxPair.quote(title) + "}")).path("result").path("sys_id").asText();
        String retrospective = systems.servicenow.record("problem", problemSysId).orElseThrow().get("number") + " " + title;
        Item overdue = world.linkedItem("Alert on " + title, today.minusDays(1));
        Item notDue = world.linkedItem("Dashboard for " + title, today.plusDays(5));
        Item done = world.linkedItem("Runbook for " + title, today.plusDays(5));
        for (Item item : List.of(overdue, notDue, done)) {
            systems.patchTask(item.sysId(), "{\"problem\":\"" + problemSysId + "\"}");
        }
        systems.patchTask(done.sysId(), "{\"state\":\"157\",\"close_code\":\"fix_applied\"}");
        world.settle();

        JsonNode summary = SandboxPair.json(AdminApi.post(port, "/api/admin/escalations/scan"));
        assertThat(summary.path("raised").asInt()).isGreaterThanOrEqualTo(2);
        String cabTicket = world.onlyServiceNowTicket(overdue, "production-fixes", "cab").get("number");
        JsonNode history = SandboxPair.json(AdminApi.get(port, "/api/admin/escalations?item=" + overdue.number()));
        assertThat(history.path("itemKey").asText()).isEqualTo(overdue.key());
        List<String> steps = new java.util.ArrayList<>();
        history.path("escalations").forEach(e -> steps.add(e.path("stepId").asText() + " " + e.path("state").asText()
                + " " + e.path("ticketKey").asText("")));
        assertThat(steps).containsExactly("remind raised ", "cab raised " + cabTicket);

        JsonNode report = SandboxPair.json(AdminApi.get(port, "/api/reports/follow-up"));
        JsonNode row = null;
        for (JsonNode candidate : report.path("byRetrospective")) {
            if (candidate.path("name").asText().equals(retrospective)) {
                row = candidate;
            }
        }
        assertThat(row).as("the row of %s in %s", retrospective, report).isNotNull();
        assertThat(row.path("committed").asInt()).isEqualTo(3);
        assertThat(row.path("completedOnTime").asInt()).isEqualTo(1);
        assertThat(row.path("completedLate").asInt()).isZero();
        assertThat(row.path("open").asInt()).isEqualTo(2);
        assertThat(row.path("overdue").asInt()).isEqualTo(1);
        assertThat(row.path("escalated").asInt()).isEqualTo(1);
        assertThat(row.path("completionRate").decimalValue()).isEqualByComparingTo("0.33");

        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/reports/follow-up"))
                .header("X-API-Key", AdminApi.ADMIN_KEY).header("Accept", "text/csv").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("group-by,name,committed,completed-on-time,completed-late,cancelled,open,"
                + "overdue,escalated,completion-rate");
        assertThat(lines).contains("retrospective," + retrospective + ",3,1,0,0,2,1,1,0.33");
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
