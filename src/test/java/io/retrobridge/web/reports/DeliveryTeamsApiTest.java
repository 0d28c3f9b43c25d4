package io.retrobridge.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.team.Team;
import io.retrobridge.sync.DeliveryHistory;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.testsupport.DeliverySeed;
import io.retrobridge.testsupport.KeyedApi;
import java.net.http.HttpResponse;
import java.time.Instant;
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
 * The delivery report's team roll-up and team filter over HTTP, on the seeded shop week plus two more applications,
 * with teams.yaml saying: web owns shop and search, payments owns payment-gateway; billing is in no team.
 *
 * <pre>
 * shop (DeliverySeed, see DeliveryReportTest): in [2 Nov, 9 Nov) 7 finished runs, 6 successful; lead times r1 4h,
 *   r2 2h, r5 24h, r7 3h (r4, r6 have no commit time); failed r1 (restored 1h30m by its alert), r3 (20m, by r4),
 *   r5 (2h, by r6); rework r2, r4, r6.
 * search: s1 SUCCESS 3 Nov 10:00 (commit 09:00: lead 1h); s2 FAILURE 5 Nov 12:00; s3 SUCCESS started 12:02,
 *   finished 12:10 (commit 11:40: lead 30m): restores s2 in 10m and is rework (started within 24h of s2's failure).
 * billing: b1 SUCCESS 4 Nov 10:00 (commit 08:00: lead 2h).
 *
 * team web over the union of shop's and search's runs (not an average of the two applications' figures):
 *   deployments 6 + 2 = 8 over 7 days = 8/7 a day (elite: at least daily)
 *   lead time: 30m 1h 2h 3h 4h 24h -> median (2h + 3h) / 2 = 2h30m = 9000 s (elite), 6 counted, 2 left out
 *     (the mean of the two applications' medians, 3h30m and 45m, would be 2h07m30s)
 *   change fail rate: r1 r3 r5 s2 = 4 of 10 finished = 0.4 (low: above 0.30)
 *   recovery: 10m 20m 90m 120m -> median (20m + 90m) / 2 = 55m = 3300 s (elite: under an hour), 4 restored
 *     (the mean of the medians, 90m and 10m, would be 50m)
 *   rework: r2 r4 r6 s3 = 4 of 10 = 0.4
 * team unassigned: billing alone, 1 deployment, lead time 2h.
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=grafana",
        "retrobridge.security.api-keys[0].key=" + DeliveryReportApiTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class DeliveryTeamsApiTest {

    private static final String WEEK = "/api/reports/delivery?from=" + DeliverySeed.FROM + "&to=" + DeliverySeed.TO
            + "&granularity=week";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    DeploymentStore deployments;
    @Autowired
    DeliveryHistory history;
    @RegisterExtension
    final TeamsInForce teams = TeamsInForce.of(
            new Team("web", "Web shop", List.of("shop", "search")),
            new Team("payments", null, List.of("payment-gateway")));

    @BeforeEach
    void seed() {
        DeliverySeed.shopWeekAlone(context);
        run("search", "s1", DeploymentResult.SUCCESS, "2026-11-03T09:50:00Z", "2026-11-03T10:00:00Z",
                "2026-11-03T09:00:00Z");
        run("search", "s2", DeploymentResult.FAILURE, "2026-11-05T11:50:00Z", "2026-11-05T12:00:00Z", null);
        run("search", "s3", DeploymentResult.SUCCESS, "2026-11-05T12:02:00Z", "2026-11-05T12:10:00Z",
                "2026-11-05T11:40:00Z");
        run("billing", "b1", DeploymentResult.SUCCESS, "2026-11-04T09:50:00Z", "2026-11-04T10:00:00Z",
                "2026-11-04T08:00:00Z");
    }

    @Test
    void eachTeamHasItsFiguresOverTheUnionOfItsApplicationsRuns() {
        JsonNode report = KeyedApi.json(get(WEEK, "application/json"));

        assertThat(report.get("applications")).extracting(a -> a.get("application").asText())
                .containsExactly("billing", "search", "shop");
        assertThat(report.get("team")).as("no team asked for").isNull();
        assertThat(report.get("teams")).extracting(t -> t.get("team").asText()).containsExactly("web", "unassigned");
        JsonNode web = report.at("/teams/0");
        assertThat(web.get("displayName").asText()).isEqualTo("Web shop");
        assertThat(web.get("applications")).extracting(JsonNode::asText).containsExactly("search", "shop");
        assertThat(web.get("environment").asText()).isEqualTo("production");
        JsonNode figures = web.get("figures");
        assertThat(figures.at("/deploymentFrequency/deployments").asInt()).isEqualTo(8);
        assertThat(figures.at("/deploymentFrequency/perDay").asDouble()).isEqualTo(8 / 7.0);
        assertThat(figures.at("/deploymentFrequency/band").asText()).isEqualTo("elite");
        assertThat(figures.at("/changeLeadTime/median").asText()).isEqualTo("PT2H30M");
        assertThat(figures.at("/changeLeadTime/counted").asInt()).isEqualTo(6);
        assertThat(figures.at("/changeLeadTime/leftOut").asInt()).isEqualTo(2);
        assertThat(figures.at("/changeFailRate/failed").asInt()).isEqualTo(4);
        assertThat(figures.at("/changeFailRate/deployments").asInt()).isEqualTo(10);
        assertThat(figures.at("/changeFailRate/rate").asDouble()).isEqualTo(0.4);
        assertThat(figures.at("/changeFailRate/band").asText()).isEqualTo("low");
        assertThat(figures.at("/failedDeploymentRecoveryTime/medianSeconds").asDouble()).isEqualTo(3300.0);
        assertThat(figures.at("/failedDeploymentRecoveryTime/restored").asInt()).isEqualTo(4);
        assertThat(figures.at("/failedDeploymentRecoveryTime/band").asText()).isEqualTo("elite");
        assertThat(figures.at("/deploymentReworkRate/rework").asInt()).isEqualTo(4);
        assertThat(figures.at("/deploymentReworkRate/rate").asDouble()).isEqualTo(0.4);
        assertThat(web.at("/buckets/0/figures")).as("one week, one bucket").isEqualTo(figures);
        JsonNode unassigned = report.at("/teams/1");
        assertThat(unassigned.get("displayName").asText()).isEqualTo("Unassigned");
        assertThat(unassigned.get("applications")).extracting(JsonNode::asText).containsExactly("billing");
        assertThat(unassigned.at("/figures/deploymentFrequency/deployments").asInt()).isEqualTo(1);
        assertThat(unassigned.at("/figures/changeLeadTime/median").asText()).isEqualTo("PT2H");
    }

    @Test
    void theEventsBehindATeamsFigureAreThoseOfItsApplications() {
        JsonNode report = KeyedApi.json(get(WEEK + "&events=true", "application/json"));

        assertThat(report.at("/teams/0/figures/changeFailRate/events"))
                .extracting(e -> e.get("application").asText() + ":" + e.get("runId").asText())
                .containsExactlyInAnyOrder("shop:r1", "shop:r3", "shop:r5", "search:s2");
    }

    @Test
    void aTeamFilterKeepsOnlyItsApplications() {
        JsonNode web = KeyedApi.json(get(WEEK + "&team=web", "application/json"));

        assertThat(web.get("team").asText()).isEqualTo("web");
        assertThat(web.get("applications")).extracting(a -> a.get("application").asText())
                .containsExactly("search", "shop");
        assertThat(web.get("teams")).extracting(t -> t.get("team").asText()).containsExactly("web");
        assertThat(web.get("overall")).as("the report is the team's").isEqualTo(web.at("/teams/0/figures"));
        assertThat(web.at("/overall/changeFailRate/deployments").asInt()).isEqualTo(10);

        JsonNode unassigned = KeyedApi.json(get(WEEK + "&team=unassigned", "application/json"));
        assertThat(unassigned.get("applications")).extracting(a -> a.get("application").asText())
                .containsExactly("billing");

        JsonNode payments = KeyedApi.json(get(WEEK + "&team=payments", "application/json"));
        assertThat(payments.get("applications")).as("payment-gateway did not deploy that week").isEmpty();
        assertThat(payments.get("teams")).isEmpty();
        assertThat(payments.at("/overall/deploymentFrequency/deployments").asInt()).isZero();
    }

    @Test
    void aTeamAndOneOfItsApplications() {
        JsonNode shop = KeyedApi.json(get(WEEK + "&team=web&application=shop", "application/json"));

        assertThat(shop.get("applications")).extracting(a -> a.get("application").asText()).containsExactly("shop");
        assertThat(shop.at("/teams/0/applications")).extracting(JsonNode::asText).containsExactly("shop");
        assertThat(shop.at("/teams/0/figures/deploymentFrequency/deployments").asInt()).isEqualTo(6);
    }

    @Test
    void anUnknownTeamOrAnApplicationOutsideTheTeamIsRefused() {
        assertRefused(WEEK + "&team=nobody", "team", "team 'nobody' is not known; the known teams are web,"
                + " payments, unassigned.");
        assertRefused(WEEK + "&team=web&application=billing", "application", "application 'billing' does not"
                + " belong to team 'web' (it is reported under 'unassigned')");
        assertRefused(WEEK + "&team=unassigned&application=shop", "application", "reported under 'web'");
    }

    @Test
    void theCsvHasTheTeamRowsAfterTheApplicationRows() {
        List<String> lines = get(WEEK, "text/csv").body().lines().toList();

        assertThat(lines).extracting(line -> line.substring(0, line.indexOf(','))).containsExactly("application",
                "billing", "search", "shop", "team:web", "team:unassigned");
        assertThat(lines.get(4)).isEqualTo("team:web,production,2026-11-02,2026-11-02T00:00:00Z,2026-11-09T00:00:00Z,"
                + "8," + 8 / 7.0 + ",elite,9000.0,6,2,elite,4,10,0.4,low,3300.0,4,0,elite,4,0.4");
    }

    @Test
    void withoutATeamsFileTheReportIsAsBeforeAndATeamIsRefused() {
        teams.none();

        JsonNode report = KeyedApi.json(get(WEEK, "application/json"));
        assertThat(report.get("teams")).isEmpty();
        assertThat(get(WEEK, "text/csv").body().lines()).hasSize(4);
        assertRefused(WEEK + "&team=web", "team", "no teams are defined");
    }

    private void assertRefused(String path, String parameter, String says) {
        KeyedApi.assertRefused(get(path, "application/json"), parameter, says);
    }

    private HttpResponse<String> get(String path, String accept) {
        return new KeyedApi(port).get(path, DeliveryReportApiTest.VIEWER_KEY, accept);
    }

    private void run(String application, String runId, DeploymentResult result, String startedAt, String finishedAt,
                     String commitAt) {
        deployments.record(new Deployment(ExternalSystem.valueOf("GITHUB"), runId, application, "production",
                "v-" + runId, "sha-" + runId, "deploy", null, Instant.parse(startedAt), Instant.parse(finishedAt),
                result, false, null));
        if (commitAt != null) {
            history.recordCommitTime("GITHUB", runId, Instant.parse(commitAt));
        }
    }
}
