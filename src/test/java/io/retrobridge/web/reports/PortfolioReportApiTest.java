package io.retrobridge.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.testsupport.DeliverySeed;
import io.retrobridge.testsupport.EffectivenessSeed;
import io.retrobridge.testsupport.KeyedApi;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The portfolio over HTTP, from the delivery seed (shop, November 2026) and the effectiveness seed (June 2026) in the
 * real stores on H2, plus one November deployment of an application whose name is markup: JSON, CSV, the printable
 * HTML report with that name escaped, a 400 naming each parameter that is not valid, and who may read it. The
 * figures themselves are the two reports' own; the month rows are compared with what those endpoints answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=portfolio-readers",
        "retrobridge.security.api-keys[0].key=" + PortfolioReportApiTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class PortfolioReportApiTest {

    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String VIEWER_KEY = "view-Pf7gH9jK1lZ3xC5v";
    static final String HOSTILE = "<b>x</b>&\"'";
    private static final String HALF_YEAR = "/api/reports/portfolio?from=2026-06-01&to=2026-12-01";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @BeforeEach
    void seed() {
        writeSeeds(context);
    }

    /** Both seeds and the November deployment of the application whose name is markup, as the teams test reads too. */
    static void writeSeeds(ApplicationContext context) {
        // Both seeds write the same rows again on every test (no clearing: the effectiveness seed writes its runs once).
        DeliverySeed.from(context).shopWeek();
        EffectivenessSeed.from(context).write();
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        context.getBean(DeploymentStore.class).record(new Deployment(ExternalSystem.valueOf("GITHUB"), "h1", HOSTILE,
                "production", "v1", "sha-h1", "deploy", null, at, at, DeploymentResult.SUCCESS, false, null));
    }

    @Test
    void theJsonHasEveryMonthWithBothReportsFiguresAndTheTrend() {
        KeyedApi api = new KeyedApi(port);
        HttpResponse<String> response = api.get(HALF_YEAR, VIEWER_KEY, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode portfolio = KeyedApi.json(response);
        assertThat(portfolio.get("environment").asText()).isEqualTo("production");
        assertThat(portfolio.get("months")).extracting(month -> month.get("month").asText())
                .containsExactly("2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11");
        JsonNode june = portfolio.at("/months/0/applications");
        assertThat(june).extracting(row -> row.get("application").asText())
                .containsExactly(EffectivenessSeed.PAYMENTS, EffectivenessSeed.SEARCH);
        // EFF1 and EFF2 opened in June: 2 of 5 items done, 1 of the 2 on time (see EffectivenessReportApiTest).
        assertThat(june.at("/0/effectiveness/completionRate").decimalValue()).isEqualByComparingTo("0.40");
        assertThat(june.at("/0/effectiveness/onTimeRate").decimalValue()).isEqualByComparingTo("0.50");
        JsonNode junePaymentsDelivery = KeyedApi.json(api.get("/api/reports/delivery?application="
                + EffectivenessSeed.PAYMENTS + "&from=2026-06-01&to=2026-07-01&granularity=month", VIEWER_KEY, null));
        assertThat(june.at("/0/delivery")).isEqualTo(junePaymentsDelivery.at("/applications/0/buckets/0/figures"));
        assertThat(june.at("/1/delivery").isMissingNode()).as("eff-search has no runs").isTrue();
        assertThat(june.at("/0/delivery/changeFailRate/failed").asInt()).as("f2, f3 and f4").isEqualTo(3);
        JsonNode november = portfolio.at("/months/5/applications");
        assertThat(november).extracting(row -> row.get("application").asText()).containsExactly(HOSTILE, "shop");
        JsonNode shopNovember = KeyedApi.json(api.get("/api/reports/delivery?application=shop&from=2026-11-01"
                + "&to=2026-12-01&granularity=month", VIEWER_KEY, null));
        assertThat(november.at("/1/delivery")).isEqualTo(shopNovember.at("/applications/0/buckets/0/figures"));
        assertThat(portfolio.at("/trend/recurred/0/failureMode").asText()).isEqualTo("config-drift");
        assertThat(portfolio.at("/trend/recurred/0/application").asText()).isEqualTo(EffectivenessSeed.PAYMENTS);
        assertThat(portfolio.at("/trend/recurred/0/recurredIn").asText()).isEqualTo("change:EFF2");
        // Only eff-payments saw config-drift come back: no failure mode recurred across applications.
        assertThat(portfolio.at("/trend/underInvestment")).isEmpty();
        assertThat(portfolio.at("/trend/overdue/byApplication/0/application").asText())
                .isEqualTo(EffectivenessSeed.PAYMENTS);
    }

    @Test
    void oneApplicationOnly() {
        JsonNode portfolio = KeyedApi.json(new KeyedApi(port).get(HALF_YEAR + "&application=shop", VIEWER_KEY,
                null));

        assertThat(portfolio.get("application").asText()).isEqualTo("shop");
        assertThat(portfolio.at("/months/0/applications")).isEmpty();
        assertThat(portfolio.at("/months/5/applications")).extracting(row -> row.get("application").asText())
                .containsExactly("shop");
    }

    @Test
    void csvHasOneRowPerMonthAndApplication() {
        HttpResponse<String> response = new KeyedApi(port).get(HALF_YEAR, VIEWER_KEY, "text/csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains("portfolio-2026-06-01-2026-12-01.csv"));
        String[] lines = response.body().split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", PortfolioCsv.HEADER));
        assertThat(lines).hasSize(9);
        assertThat(lines[1]).startsWith("2026-06,2026-06-01,2026-07-01,eff-payments,").contains(",2,5,0.40,0.50,");
        // eff-search ran nothing: ten empty delivery cells, then its two retrospectives.
        assertThat(lines[2]).startsWith("2026-06,2026-06-01,2026-07-01,eff-search,,,,,,,,,,,2,");
        // EFF0 opened on 07-01 and f5 failed on 07-05.
        assertThat(lines[3]).startsWith("2026-07,2026-07-01,2026-08-01,eff-payments,");
        assertThat(lines[4]).startsWith("2026-11,2026-11-01,2026-12-01,\"<b>x</b>&\"\"'\",1,");
        assertThat(lines[5]).startsWith("2026-11,2026-11-01,2026-12-01,shop,");
        // After every application row, the team rows: the shipped teams.yaml owns none of these applications, so the
        // team unassigned has them all; in November the markup one's run and shop's 7 successful ones.
        assertThat(lines[6]).startsWith("2026-06,2026-06-01,2026-07-01,team:unassigned,");
        assertThat(lines[7]).startsWith("2026-07,2026-07-01,2026-08-01,team:unassigned,");
        assertThat(lines[8]).startsWith("2026-11,2026-11-01,2026-12-01,team:unassigned,8,");
    }

    @Test
    void theHtmlReportIsPrintableAndEscapesEveryName() {
        KeyedApi api = new KeyedApi(port);
        HttpResponse<String> byAccept = api.get(HALF_YEAR, VIEWER_KEY, "text/html");
        HttpResponse<String> byParameter = api.get(HALF_YEAR + "&format=html", VIEWER_KEY, "application/json");

        for (HttpResponse<String> response : java.util.List.of(byAccept, byParameter)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("text/html"));
            String html = response.body();
            assertThat(html).contains("@media print", "What improved", "What recurred", "What is overdue",
                    "under-investment", "<b>config-drift</b>", "&lt;b&gt;x&lt;/b&gt;&amp;&quot;&#39;");
            assertThat(html).doesNotContain("<b>x</b>", "<script");
        }
        assertThat(byAccept.body()).isEqualTo(byParameter.body());
    }

    @Test
    void eachParameterThatIsNotValidIsNamed() {
        assertRefused("/api/reports/portfolio?from=2026-13-01", "from", "not an ISO date");
        assertRefused("/api/reports/portfolio?to=next-month", "to", "not an ISO date");
        assertRefused("/api/reports/portfolio?from=2026-07-01&to=2026-07-01", "from", "must be before to");
        assertRefused("/api/reports/portfolio?from=2020-01-01&to=2026-07-01", "from", "more than 36 months");
        assertRefused("/api/reports/portfolio?zone=Mars/Olympus", "zone", "not a time zone");
        assertRefused("/api/reports/portfolio?application=no%20spaces", "application", "not an application");
        assertRefused("/api/reports/portfolio?format=pdf", "format", "json, csv, html");
    }

    @Test
    void anyKeyMayReadTheReportAndNoKeyMayNot() {
        KeyedApi api = new KeyedApi(port);
        assertThat(api.get(HALF_YEAR, VIEWER_KEY, "text/csv").statusCode()).isEqualTo(200);
        assertThat(api.get(HALF_YEAR, ADMIN_KEY, "application/json").statusCode()).isEqualTo(200);
        assertThat(api.get(HALF_YEAR, null, "text/html").statusCode()).isEqualTo(401);
        assertThat(api.get(HALF_YEAR, "not-a-key-123456", "text/csv").statusCode()).isEqualTo(401);
        assertThat(api.get(HALF_YEAR, VIEWER_KEY, "application/xml").statusCode()).isEqualTo(406);
        assertThat(api.post("/api/reports/portfolio", VIEWER_KEY).statusCode()).isEqualTo(403);
    }

    private void assertRefused(String path, String parameter, String message) {
        KeyedApi.assertRefused(new KeyedApi(port).get(path, VIEWER_KEY, null), parameter, message);
    }
}
