package io.retrobridge.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.mapping.team.Team;
import io.retrobridge.testsupport.EffectivenessSeed;
import io.retrobridge.testsupport.KeyedApi;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The portfolio's team rows and team filter over HTTP, from the same data as {@link PortfolioReportApiTest}, with
 * teams.yaml saying: reliability owns eff-payments and eff-search, web owns shop; the application whose name is
 * markup is in no team. A team row holds the team's figures of the delivery and effectiveness reports for that month
 * (compared with what those endpoints answer), and in June the effectiveness side is worked by hand in
 * {@link EffectivenessTeamsApiTest}: 4 retrospectives, completion 3 of 6 = 0.50, on time 2 of 3 = 0.67.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=portfolio-readers",
        "retrobridge.security.api-keys[0].key=" + PortfolioReportApiTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class PortfolioTeamsApiTest {

    private static final String HALF_YEAR = "/api/reports/portfolio?from=2026-06-01&to=2026-12-01";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @RegisterExtension
    final TeamsInForce teams = TeamsInForce.of(
            new Team("reliability", "Reliability", List.of(EffectivenessSeed.PAYMENTS, EffectivenessSeed.SEARCH)),
            new Team("web", "Web <shop>", List.of("shop")));

    @BeforeEach
    void seed() {
        PortfolioReportApiTest.writeSeeds(context);
    }

    @Test
    void eachMonthHasARowPerTeamBesideTheRowsPerApplication() {
        KeyedApi api = new KeyedApi(port);
        JsonNode portfolio = KeyedApi.json(api.get(HALF_YEAR, PortfolioReportApiTest.VIEWER_KEY, null));

        JsonNode june = portfolio.at("/months/0/teams");
        assertThat(june).extracting(row -> row.get("team").asText()).containsExactly("reliability");
        assertThat(june.at("/0/displayName").asText()).isEqualTo("Reliability");
        assertThat(june.at("/0/effectiveness/retrospectives").asInt()).isEqualTo(4);
        assertThat(june.at("/0/effectiveness/completionRate").decimalValue()).isEqualByComparingTo("0.50");
        assertThat(june.at("/0/effectiveness/onTimeRate").decimalValue()).isEqualByComparingTo("0.67");
        JsonNode juneDelivery = KeyedApi.json(api.get("/api/reports/delivery?team=reliability&from=2026-06-01"
                + "&to=2026-07-01&granularity=month", PortfolioReportApiTest.VIEWER_KEY, null));
        assertThat(june.at("/0/delivery")).isEqualTo(juneDelivery.at("/teams/0/buckets/0/figures"));
        assertThat(june.at("/0/delivery/changeFailRate/failed").asInt()).as("eff-payments' f2, f3, f4").isEqualTo(3);

        JsonNode november = portfolio.at("/months/5/teams");
        assertThat(november).extracting(row -> row.get("team").asText()).containsExactly("web", "unassigned");
        JsonNode shopNovember = KeyedApi.json(api.get("/api/reports/delivery?application=shop&from=2026-11-01"
                + "&to=2026-12-01&granularity=month", PortfolioReportApiTest.VIEWER_KEY, null));
        assertThat(november.at("/0/delivery")).isEqualTo(shopNovember.at("/applications/0/buckets/0/figures"));
        assertThat(november.at("/0/effectiveness").isMissingNode()).as("web opened no retrospective").isTrue();
        assertThat(november.at("/1/delivery/deploymentFrequency/deployments").asInt()).isEqualTo(1);
        assertThat(portfolio.at("/months/1/teams")).extracting(row -> row.get("team").asText())
                .containsExactly("reliability");
    }

    @Test
    void aTeamFilterKeepsOnlyItsApplications() {
        JsonNode portfolio = KeyedApi.json(new KeyedApi(port).get(HALF_YEAR + "&team=web",
                PortfolioReportApiTest.VIEWER_KEY, null));

        assertThat(portfolio.get("team").asText()).isEqualTo("web");
        assertThat(portfolio.at("/months/0/applications")).isEmpty();
        assertThat(portfolio.at("/months/0/teams")).isEmpty();
        assertThat(portfolio.at("/months/5/applications")).extracting(row -> row.get("application").asText())
                .containsExactly("shop");
        assertThat(portfolio.at("/months/5/teams")).extracting(row -> row.get("team").asText())
                .containsExactly("web");
        assertThat(portfolio.at("/trend/recurred")).as("config-drift recurred in eff-payments, not web's").isEmpty();
    }

    @Test
    void anUnknownTeamOrAnApplicationOutsideTheTeamIsRefused() {
        assertRefused(HALF_YEAR + "&team=nobody", "team", "the known teams are reliability, web, unassigned");
        assertRefused(HALF_YEAR + "&team=web&application=" + EffectivenessSeed.PAYMENTS, "application",
                "does not belong to team 'web' (it is reported under 'reliability')");
    }

    @Test
    void theCsvHasTheTeamRowsAfterTheApplicationRows() {
        String[] lines = new KeyedApi(port).get(HALF_YEAR, PortfolioReportApiTest.VIEWER_KEY, "text/csv").body()
                .split("\r\n");

        assertThat(lines).hasSize(10);
        assertThat(lines[5]).startsWith("2026-11,2026-11-01,2026-12-01,shop,");
        assertThat(lines[6]).startsWith("2026-06,2026-06-01,2026-07-01,team:reliability,").contains(",4,6,0.50,0.67,");
        assertThat(lines[7]).startsWith("2026-07,2026-07-01,2026-08-01,team:reliability,");
        assertThat(lines[8]).isEqualTo("2026-11,2026-11-01,2026-12-01,team:web"
                + lines[5].substring("2026-11,2026-11-01,2026-12-01,shop".length()));
        assertThat(lines[9]).startsWith("2026-11,2026-11-01,2026-12-01,team:unassigned,1,");
    }

    @Test
    void theHtmlReportHasATeamTablePerMonthWithEveryNameEscaped() {
        String html = new KeyedApi(port).get(HALF_YEAR + "&format=html", PortfolioReportApiTest.VIEWER_KEY, null)
                .body();

        assertThat(html).contains("<h3>2026-06 by team</h3>", "<th>Team</th>", "<td>Reliability (reliability)</td>",
                "<td>Web &lt;shop&gt; (web)</td>", "<td>Unassigned (unassigned)</td>");
        assertThat(html).doesNotContain("Web <shop>");
        String filtered = new KeyedApi(port).get(HALF_YEAR + "&format=html&team=web",
                PortfolioReportApiTest.VIEWER_KEY, null).body();
        assertThat(filtered).contains("All applications of team web").doesNotContain("Reliability (reliability)");
    }

    private void assertRefused(String path, String parameter, String message) {
        KeyedApi.assertRefused(new KeyedApi(port).get(path, PortfolioReportApiTest.VIEWER_KEY, null), parameter, message);
    }
}
