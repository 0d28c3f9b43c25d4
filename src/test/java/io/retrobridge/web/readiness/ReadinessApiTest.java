package io.retrobridge.web.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.testsupport.KeyedApi;
import io.retrobridge.testsupport.ReadinessSeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * GET /api/readiness over real HTTP, against a store seeded through the real stores, the gate's own facts source and
 * the shipped gates.yaml; and the gate's answers linking to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.jira.base-url=https://acme.atlassian.net",
        "retrobridge.servicenow.base-url=https://acme.service-now.com",
        "retrobridge.security.api-keys[0].name=argo-rollouts",
        "retrobridge.security.api-keys[0].key=" + ReadinessApiTest.PIPELINE_KEY,
        "retrobridge.security.api-keys[0].role=pipeline",
        "retrobridge.security.api-keys[1].name=release-managers",
        "retrobridge.security.api-keys[1].key=" + ReadinessApiTest.VIEWER_KEY,
        "retrobridge.security.api-keys[1].role=viewer"})
@ActiveProfiles("test")
class ReadinessApiTest {

    static final String PIPELINE_KEY = "pipe-Rd7nQ2kW9sT4xX1a";
    static final String VIEWER_KEY = "view-Rd5mJ8dS3fW6yH2b";
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final String APP = "payment-gateway";
    private static final String HOSTILE_TITLE = "Fix | the <b>ledger</b>\n| injected | row |\n# heading [x](javascript:alert(1)) `c` *e*";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    private KeyedApi api;

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @BeforeEach
    void seededStore() {
        for (String table : List.of("escalations", "follow_up_facts", "link_snapshots", "link_external_ids", "links",
                "retrospectives", "deployments", "pir_written_notes", "pir_summaries", "gate_evaluations")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        api = new KeyedApi(port);
        ReadinessSeed seed = ReadinessSeed.from(context);
        Retrospective older = seed.retrospective("CHG0030001", APP, daysAgo(20));
        Link ledger = seed.item("task-ledger", "PTASK0010001", "Fix ledger rounding", "OPEN", "2026-12-01", "hotfix",
                "config-drift", daysAgo(20));
        seed.escalated(ledger, "CAB", daysAgo(3));
        seed.followUps(older, daysAgo(1), "task-ledger");
        Retrospective newer = seed.retrospective("CHG0030002", APP, daysAgo(5));
        seed.item("task-hostile", "PTASK0010002", HOSTILE_TITLE, "OPEN", "2026-12-20", "", "config-drift",
                daysAgo(5));
        seed.followUps(newer, daysAgo(1), "task-hostile");
        seed.run("r1", APP, "production", "4.2.0", daysAgo(30), DeploymentResult.FAILURE, false, null);
        seed.run("r2", APP, "production", "4.1.0", daysAgo(29), DeploymentResult.SUCCESS, true, "CHG0030007");
        seed.pir("change:CHG0030007", "CHG0030007", APP, "4.1.0", daysAgo(29));
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static String query(String application, String version) {
        return "/api/readiness?application=" + URLEncoder.encode(application, StandardCharsets.UTF_8)
                + (version == null ? "" : "&version=" + URLEncoder.encode(version, StandardCharsets.UTF_8));
    }

    @Test
    void anonymousCallersAreRefusedAndViewersAndPipelinesRead() {
        HttpResponse<String> anonymous = api.get(query(APP, "4.3.0"), null);
        HttpResponse<String> viewer = api.get(query(APP, "4.3.0"), VIEWER_KEY);
        HttpResponse<String> pipeline = api.get(query(APP, "4.3.0"), PIPELINE_KEY);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(viewer.statusCode()).as(viewer.body()).isEqualTo(200);
        assertThat(viewer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(pipeline.statusCode()).as(pipeline.body()).isEqualTo(200);
        assertThat(KeyedApi.json(pipeline)).isEqualTo(KeyedApi.json(viewer));
    }

    @Test
    void theJsonNamesEachSectionWithTheFiguresAndLinks() {
        JsonNode review = KeyedApi.json(api.get(query(APP, "4.3.0"), VIEWER_KEY));

        assertThat(review.get("application").asText()).isEqualTo(APP);
        assertThat(review.get("version").asText()).isEqualTo("4.3.0");
        assertThat(review.get("environment").asText()).isEqualTo("production");
        assertThat(review.get("generatedAt").asText()).isEqualTo("2026-12-07T09:00:00Z");
        assertThat(review.get("known").asBoolean()).isTrue();
        assertThat(review.get("note").isNull()).isTrue();
        assertThat(review.at("/gate/gate").asText()).isEqualTo("prod");
        assertThat(review.at("/gate/decision").asText()).isEqualTo("DENY");
        assertThat(review.at("/gate/reason").asText()).startsWith("DENY: payment-gateway 4.3.0 to production");
        assertThat(review.at("/gate/blocking/0/links/servicenow").asText()).startsWith("https://acme.service-now.com/");
        assertThat(review.at("/followUps/open").asInt()).isEqualTo(2);
        assertThat(review.at("/followUps/overdue").asInt()).isEqualTo(1);
        JsonNode ledger = review.at("/followUps/items/0");
        assertThat(ledger.get("reference").asText()).isEqualTo("PTASK0010001");
        assertThat(ledger.get("due").asText()).isEqualTo("2026-12-01");
        assertThat(ledger.get("overdue").asBoolean()).isTrue();
        assertThat(ledger.get("daysOverdue").asInt()).isEqualTo(6);
        assertThat(ledger.get("escalatedTo").asText()).isEqualTo("CAB");
        assertThat(ledger.get("scope").asText()).isEqualTo("immediate-fix");
        assertThat(ledger.at("/links/servicenow").asText()).isEqualTo("https://acme.service-now.com/nav_to.do"
                + "?uri=problem_task.do%3Fsysparm_query%3Dnumber%3DPTASK0010001");
        assertThat(review.at("/deployments/finished").asInt()).isEqualTo(2);
        assertThat(review.at("/deployments/failed").asInt()).isEqualTo(1);
        assertThat(review.at("/deployments/rollbacks").asInt()).isEqualTo(1);
        assertThat(review.at("/deployments/wentWrong/0/runUrl").asText()).isEqualTo("https://ci.example.com/runs/r2");
        assertThat(review.at("/pir/latest/key").asText()).isEqualTo("change:CHG0030007");
        assertThat(review.at("/pir/latest/degraded").asInt()).isEqualTo(1);
        assertThat(review.at("/pir/latest/url").asText())
                .isEqualTo("http://localhost:" + port + "/api/changes/CHG0030007/pir");
        assertThat(review.at("/pir/forVersion").isNull()).isTrue();
        assertThat(review.at("/failureModes/0/name").asText()).isEqualTo("config-drift");
        assertThat(review.at("/failureModes/0/recurred").asBoolean()).isTrue();
        assertThat(review.at("/retrospectives/total").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM gate_evaluations").query(Long.class).single())
                .as("a review is no gate evaluation").isZero();
    }

    @Test
    void theFullPirTheReviewLinksToIsServed() {
        String url = KeyedApi.json(api.get(query(APP, null), VIEWER_KEY)).at("/pir/latest/url").asText();

        HttpResponse<String> pir = send(url, VIEWER_KEY, null);

        assertThat(pir.statusCode()).as(pir.body()).isEqualTo(200);
        assertThat(KeyedApi.json(pir).get("key").asText()).isEqualTo("change:CHG0030007");
    }

    @Test
    void anApplicationNothingIsKnownOfIs200WithEmptySectionsAndANote() {
        HttpResponse<String> response = api.get(query("first-timer", "1.0.0"), VIEWER_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode review = KeyedApi.json(response);
        assertThat(review.get("known").asBoolean()).isFalse();
        assertThat(review.get("note").asText()).startsWith("Nothing is known about first-timer");
        assertThat(review.at("/followUps/items")).isEmpty();
        assertThat(review.at("/deployments/wentWrong")).isEmpty();
        assertThat(review.at("/deployments/finished").asInt()).isZero();
        assertThat(review.at("/pir/latest").isNull()).isTrue();
        assertThat(review.get("failureModes")).isEmpty();
        assertThat(review.at("/retrospectives/latest")).isEmpty();
        assertThat(review.at("/gate/reason").asText()).contains("first-timer is not listed in gates.yaml");
    }

    @Test
    void aMissingOrBadParameterIs400NamingIt() {
        assertRefused(api.get("/api/readiness", VIEWER_KEY), "application", "application is missing");
        assertRefused(api.get("/api/readiness?application=%20&version=4.3.0", VIEWER_KEY), "application",
                "application is missing");
        assertRefused(api.get(query(APP, "4.3.0;rm -rf"), VIEWER_KEY), "version", "is not a version");
        assertRefused(api.get(query(APP, "4.3.0") + "&format=xml", VIEWER_KEY), "format", "use json or markdown");
        assertRefused(api.get("/api/readiness?version=4.3.0", VIEWER_KEY, "text/markdown"), "application",
                "application is missing");
    }

    @Test
    void hostileApplicationNamesAreRefusedAsWellFormedJson() {
        for (String hostile : List.of("<script>alert(1)</script>", "pay\"ment\",\"x\":\"y", "pay\nment\r\n# x",
                "| a | b |", "../../etc/passwd\u0000", "\u202epayment")) {
            HttpResponse<String> refused = api.get(query(hostile, "1.0"), VIEWER_KEY, "text/markdown");

            assertRefused(refused, "application", "is not an application name");
            assertThat(KeyedApi.json(refused).get("error").asText()).doesNotContain("\n", "\r", "\u0000", "\u202e");
        }
    }

    @Test
    void hostileTextFromTheStoreStaysDataInJsonAndTextInMarkdown() {
        JsonNode review = KeyedApi.json(api.get(query(APP, "4.3.0"), VIEWER_KEY));
        String markdown = api.get(query(APP, "4.3.0"), VIEWER_KEY, "text/markdown").body();

        assertThat(review.at("/followUps/items/1/title").asText()).isEqualTo(HOSTILE_TITLE);
        String row = markdown.lines().filter(line -> line.startsWith("| [PTASK0010002"))
                .filter(line -> line.contains("| 2026-12-20 |")).findFirst().orElseThrow();
        assertThat(row).contains("Fix \\| the \\<b\\>ledger\\</b\\> \\| injected \\| row \\| \\# heading "
                + "\\[x\\](javascript:alert(1)) \\`c\\` \\*e\\*");
        assertThat(markdown).doesNotContain("<b>", "\n| injected", "\n# heading", "[x](javascript");
        assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count())
                .as("the follow-up table's seven columns").isEqualTo(8);
    }

    @Test
    void markdownIsTheSameReviewForAReviewTicket() {
        HttpResponse<String> byAccept = api.get(query(APP, "4.3.0"), VIEWER_KEY, "text/markdown, application/json;q=0.5");
        HttpResponse<String> byFormat = api.get(query(APP, "4.3.0") + "&format=markdown", VIEWER_KEY);

        assertThat(byAccept.statusCode()).isEqualTo(200);
        assertThat(byAccept.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/markdown"));
        assertThat(byFormat.body()).isEqualTo(byAccept.body());
        String markdown = byAccept.body();
        assertThat(markdown).startsWith("# Readiness review: payment-gateway 4.3.0 to production\n");
        assertThat(markdown).contains("## Gate", "**DENY** (gate prod, tier high, mode enforce)",
                "DENY: payment-gateway 4.3.0 to production",
                "## Open follow-ups", "2 open, 1 overdue, 1 escalated to a board.",
                "[PTASK0010001](<https://acme.service-now.com/nav_to.do?uri=problem_task.do%3Fsysparm_query"
                        + "%3Dnumber%3DPTASK0010001>)",
                "**6 days**", "CAB",
                "## Failed deployments and rollbacks", "2 finished, 1 failed or aborted, 1 rollback.",
                "## Last PIR", "1 of 2 metrics degraded",
                "## Failure modes", "| config-drift | 2 | 2 | 2 | **yes** | CHG0030002, CHG0030001 |",
                "## Retrospectives", "2 recorded");
        assertThat(api.get(query(APP, "4.3.0"), VIEWER_KEY, "application/json, text/markdown;q=0.5")
                .headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void theGatesAnswerLinksToTheReadinessReviewOfTheRelease() {
        HttpResponse<String> asked = send("http://localhost:" + port + "/api/gates/prod/evaluate?application="
                + APP + "&version=4.3.0%2Bbuild.7&environment=production", PIPELINE_KEY, "POST");
        JsonNode answer = KeyedApi.json(asked);
        String readinessUrl = answer.get("readinessUrl").asText();

        assertThat(readinessUrl).isEqualTo("http://localhost:" + port
                + "/api/readiness?application=payment-gateway&version=4.3.0%2Bbuild.7");
        HttpResponse<String> review = send(readinessUrl, PIPELINE_KEY, null);
        assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
        JsonNode body = KeyedApi.json(review);
        assertThat(body.get("version").asText()).isEqualTo("4.3.0+build.7");
        assertThat(body.at("/gate/decision").asText()).isEqualTo(answer.get("decision").asText()).isEqualTo("DENY");
        assertThat(body.at("/gate/reason").asText()).isEqualTo(answer.get("reason").asText());
    }

    private static void assertRefused(HttpResponse<String> response, String parameter, String message) {
        KeyedApi.assertError(response, 400, message);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(KeyedApi.json(response).get("parameter").asText()).isEqualTo(parameter);
    }

    private static HttpResponse<String> send(String url, String key, String method) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", key);
        request = "POST".equals(method) ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
