package io.retrobridge.web.reports;

import io.retrobridge.testsupport.KeyedApi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.escalation.FollowUpFact;
import io.retrobridge.escalation.FollowUpStore;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The follow-up report over HTTP, as JSON and as CSV, from facts in the real store on H2. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=grafana",
        "retrobridge.security.api-keys[0].key=" + FollowUpReportApiTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class FollowUpReportApiTest {

    // The same keys as the admin API tests, so they share one running application.
    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String VIEWER_KEY = "view-Rt5uY8iO2pA4sD6f";
    // The report judges overdue against the real clock, so the dates are far from it.
    private static final LocalDate LONG_AGO = LocalDate.of(2020, 3, 1);
    private static final LocalDate FAR_AHEAD = LocalDate.of(2099, 3, 1);
    private static final String GATEWAY = "PRB0040001 Payment gateway upgrade";

    @LocalServerPort
    int port;

    @Autowired
    FollowUpStore facts;

    @Autowired
    JdbcClient jdbc;


    @BeforeEach
    void clean() {
        jdbc.sql("DELETE FROM follow_up_facts").update();
    }

    private void fact(String itemKey, String retrospective, String team, LocalDate due, String status,
                      LocalDate completedOn, boolean escalated) {
        facts.save(new FollowUpFact(itemKey, itemKey.toUpperCase(), "title of " + itemKey, retrospective, team, null,
                due, status, completedOn, escalated, Instant.parse("2026-11-26T08:00:00Z")));
    }

    private void fourGatewayItems() {
        fact("rb-1", GATEWAY, "Payments", LONG_AGO, "done", LONG_AGO.minusDays(1), false);
        fact("rb-2", GATEWAY, "Payments", LONG_AGO, "done", LONG_AGO.plusDays(3), true);
        fact("rb-3", GATEWAY, "Platform", LONG_AGO, "open", null, true);
        fact("rb-4", GATEWAY, "Platform", FAR_AHEAD, "cancelled", null, false);
    }

    @Test
    void theJsonReportCountsEachRetrospectiveAndTeam() {
        fourGatewayItems();
        Instant before = Instant.now();

        HttpResponse<String> response = get("/api/reports/follow-up", VIEWER_KEY, "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode report = json(response);
        assertThat(Instant.parse(report.get("generatedAt").asText())).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(LocalDate.parse(report.get("today").asText())).isEqualTo(LocalDate.now(ZoneOffset.UTC));
        JsonNode gateway = report.get("byRetrospective").get(0);
        assertThat(report.get("byRetrospective")).hasSize(1);
        assertThat(gateway.get("name").asText()).isEqualTo(GATEWAY);
        // rb-1 on time, rb-2 late, rb-3 open and overdue, rb-4 cancelled: 2 of 3 committed are done.
        assertThat(gateway.get("committed").asInt()).isEqualTo(3);
        assertThat(gateway.get("completedOnTime").asInt()).isEqualTo(1);
        assertThat(gateway.get("completedLate").asInt()).isEqualTo(1);
        assertThat(gateway.get("cancelled").asInt()).isEqualTo(1);
        assertThat(gateway.get("open").asInt()).isEqualTo(1);
        assertThat(gateway.get("overdue").asInt()).isEqualTo(1);
        assertThat(gateway.get("escalated").asInt()).isEqualTo(2);
        assertThat(gateway.get("completionRate").decimalValue()).isEqualByComparingTo("0.67");
        assertThat(report.get("byTeam")).extracting(n -> n.get("name").asText() + " " + n.get("committed").asInt()
                        + " " + n.get("completionRate").asText())
                .containsExactly("Payments 2 1.0", "Platform 1 0.0");
    }

    @Test
    void withoutAnAcceptHeaderTheReportIsJson() {
        HttpResponse<String> response = get("/api/reports/follow-up", VIEWER_KEY, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("byRetrospective")).isEmpty();
        assertThat(json(response).get("byTeam")).isEmpty();
    }

    @Test
    void csvIsAnsweredForAcceptTextCsvWithAHeaderAndDefusedCells() {
        fourGatewayItems();
        fact("rb-5", "=HYPERLINK(\"http://evil.example\",\"click\")", "-ops, night shift", null, "open", null, false);

        HttpResponse<String> response = get("/api/reports/follow-up", VIEWER_KEY, "text/csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("attachment").contains("follow-up-").contains(".csv"));
        assertThat(response.body().split("\r\n")).containsExactly(
                "group-by,name,committed,completed-on-time,completed-late,cancelled,open,overdue,escalated,completion-rate",
                // '=' and '-' sort before letters.
                "retrospective,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",1,0,0,0,1,0,0,0.00",
                "retrospective,PRB0040001 Payment gateway upgrade,3,1,1,1,1,1,2,0.67",
                "team,\"'-ops, night shift\",1,0,0,0,1,0,0,0.00",
                "team,Payments,2,1,1,0,0,0,1,1.00",
                "team,Platform,1,0,0,1,1,1,1,0.00");
    }

    @Test
    void aFormatItCannotGiveIsRefusedSayingWhichItCan() {
        HttpResponse<String> response = get("/api/reports/follow-up", VIEWER_KEY, "application/xml");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(json(response).get("error").asText()).contains("application/json or text/csv");
    }

    @Test
    void everyKeyMayReadTheReportButNoneIsNeededLess() {
        assertThat(get("/api/reports/follow-up", VIEWER_KEY, "text/csv").statusCode()).isEqualTo(200);
        assertThat(get("/api/reports/follow-up", ADMIN_KEY, "application/json").statusCode()).isEqualTo(200);
        assertThat(get("/api/reports/follow-up", null, "application/json").statusCode()).isEqualTo(401);
        assertThat(get("/api/reports/follow-up", "not-a-key-123456", "text/csv").statusCode()).isEqualTo(401);
        HttpResponse<String> write = post("/api/reports/follow-up", VIEWER_KEY);
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(json(write).get("requiredRole").asText()).isEqualTo("admin");
    }

    private HttpResponse<String> get(String path, String key, String accept) {
        return new KeyedApi(port).get(path, key, accept);
    }

    private HttpResponse<String> post(String path, String key) {
        return new KeyedApi(port).post(path, key);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return KeyedApi.json(response);
    }
}
