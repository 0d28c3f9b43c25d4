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
 * The effectiveness report's team roll-up and team filter over HTTP, from {@link EffectivenessSeed}'s data, with
 * teams.yaml saying: reliability owns eff-payments and eff-search, payments owns payment-gateway.
 *
 * <pre>
 * team reliability in June, over the retrospectives of both applications together:
 *   retrospectives EFF1 EFF2 (eff-payments), EFF3 EFF4 (eff-search) = 4
 *   items t1..t5 and t7 = 6 (EFF3's follow-ups were never read; t-missing is not synced)
 *   done t1 t2 t7 = 3, cancelled t3 = 1: completion 3/6 = 0.50
 *   on time: t1 (on its due date) and t7 (no due date counts as on time), t2 late: 2/3 = 0.67
 *   open t4 t5 = 2, aged from EFF2's opening on 06-20; overdue t4 (due 07-01) and t5 (due 07-10), judged today
 *   closed tags: EFF1 config-drift (recurred in EFF2) and EFF4 cache-stampede (never again) = 2, 1 recurred: 0.50
 *   recovery: EFF1 landed 06-11: before 3 failures, 3 restored, median 90 min; after 2, 1, 10 min;
 *     EFF4 landed 06-21 but eff-search has no runs: nothing added to either side
 *   escalations: t2 CAB closed item, t4 CAB open, t5 ARB de-escalated = 3
 *   gaps: EFF3 never read, 1 task not synced, t3 t7 without due date, t3 without failure mode
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=effectiveness-readers",
        "retrobridge.security.api-keys[0].key=" + EffectivenessReportApiTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class EffectivenessTeamsApiTest {

    private static final String JUNE = "/api/reports/effectiveness?from=2026-06-01&to=2026-07-01";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @RegisterExtension
    final TeamsInForce teams = TeamsInForce.of(
            new Team("reliability", "Reliability", List.of(EffectivenessSeed.PAYMENTS, EffectivenessSeed.SEARCH)),
            new Team("payments", null, List.of("payment-gateway")));

    @BeforeEach
    void seed() {
        EffectivenessSeed.from(context).write();
    }

    @Test
    void eachPeriodHasTheFiguresOfEachTeamOverAllItsRetrospectives() {
        JsonNode june = KeyedApi.json(get(JUNE, null)).at("/periods/0");

        JsonNode reliability = june.at("/byTeam/0");
        assertThat(reliability.get("team").asText()).isEqualTo("reliability");
        assertThat(reliability.get("displayName").asText()).isEqualTo("Reliability");
        assertThat(reliability.get("applications")).extracting(JsonNode::asText)
                .containsExactly(EffectivenessSeed.PAYMENTS, EffectivenessSeed.SEARCH);
        JsonNode figures = reliability.get("figures");
        assertThat(figures.get("retrospectives").asInt()).isEqualTo(4);
        assertThat(figures.get("actionItems").asInt()).isEqualTo(6);
        assertThat(figures.get("done").asInt()).isEqualTo(3);
        assertThat(figures.get("completionRate").decimalValue()).isEqualByComparingTo("0.50");
        assertThat(figures.get("doneOnTime").asInt()).isEqualTo(2);
        assertThat(figures.get("onTimeRate").decimalValue()).isEqualByComparingTo("0.67");
        assertThat(figures.at("/recurrence/closedTags").asInt()).isEqualTo(2);
        assertThat(figures.at("/recurrence/recurred").asInt()).isEqualTo(1);
        assertThat(figures.at("/recurrence/rate").decimalValue()).isEqualByComparingTo("0.50");
        assertThat(figures.at("/recovery/before/failures").asInt()).isEqualTo(3);
        assertThat(figures.at("/recovery/before/medianMinutes").decimalValue()).isEqualByComparingTo("90.0");
        assertThat(figures.at("/recovery/after/medianMinutes").decimalValue()).isEqualByComparingTo("10.0");
        assertThat(figures.at("/gaps/followUpsNeverRead")).extracting(JsonNode::asText)
                .containsExactly("change:EFF3");
        assertThat(figures.at("/gaps/itemsWithoutDueDate")).hasSize(2);
        // Other tests' applications that opened retrospectives in June would be unassigned, never reliability.
        assertThat(june.get("byTeam")).extracting(t -> t.get("team").asText()).doesNotContain("payments")
                .startsWith("reliability");
    }

    @Test
    void aTeamFilterKeepsOnlyItsApplicationsRetrospectives() {
        JsonNode report = KeyedApi.json(get(JUNE + "&team=reliability", null));

        assertThat(report.get("team").asText()).isEqualTo("reliability");
        JsonNode june = report.at("/periods/0");
        assertThat(june.get("byApplication")).extracting(a -> a.get("application").asText())
                .containsExactly(EffectivenessSeed.PAYMENTS, EffectivenessSeed.SEARCH);
        // The report is the team's; only the order of the compared retrospectives differs (the team's lists them
        // application by application).
        assertThat(withoutComparisons(june.get("overall"))).isEqualTo(withoutComparisons(june.at("/byTeam/0/figures")));
        assertThat(june.at("/overall/recovery/retrospectives")).extracting(r -> r.get("retrospective").asText())
                .containsExactlyInAnyOrder("change:EFF1", "change:EFF4");
        assertThat(june.get("byTeam")).hasSize(1);

        JsonNode search = KeyedApi.json(get(JUNE + "&team=reliability&application=" + EffectivenessSeed.SEARCH,
                null)).at("/periods/0");
        assertThat(search.at("/overall/retrospectives").asInt()).isEqualTo(2);
        assertThat(search.at("/byTeam/0/applications")).extracting(JsonNode::asText)
                .containsExactly(EffectivenessSeed.SEARCH);

        JsonNode payments = KeyedApi.json(get(JUNE + "&team=payments", null)).at("/periods/0");
        assertThat(payments.get("byApplication")).isEmpty();
        assertThat(payments.at("/overall/retrospectives").asInt()).isZero();
    }

    @Test
    void theItemsBehindATeamsFiguresAreOnlyItsApplications() {
        JsonNode reliability = KeyedApi.json(get(JUNE + "&team=reliability&items=true", null))
                .at("/items/periods/0/byApplication");
        assertThat(reliability).extracting(a -> a.get("application").asText())
                .containsExactly(EffectivenessSeed.PAYMENTS, EffectivenessSeed.SEARCH);

        JsonNode payments = KeyedApi.json(get(JUNE + "&team=payments&items=true", null))
                .at("/items/periods/0/byApplication");
        assertThat(payments).isEmpty();
    }

    @Test
    void anUnknownTeamOrAnApplicationOutsideTheTeamIsRefused() {
        assertRefused(JUNE + "&team=nobody", "team", "the known teams are reliability, payments, unassigned");
        assertRefused(JUNE + "&team=payments&application=" + EffectivenessSeed.PAYMENTS, "application",
                "does not belong to team 'payments'");
    }

    @Test
    void theCsvHasARowPerTeamAfterTheApplicationRows() {
        List<String> lines = get(JUNE + "&team=reliability", "text/csv").body().lines().toList();

        String team = "4,6,3,1,0.50,2,0.67," + EffectivenessReportApiTest.openAndOverdueColumnsToday()
                + ",2,1,0.50,3,3,90.0,2,1,10.0,3,1,1,1,0,1,1,2,1";
        assertThat(lines).extracting(line -> line.split(",")[2]).containsExactly("application", "(all)",
                EffectivenessSeed.PAYMENTS, EffectivenessSeed.SEARCH, "team:reliability");
        assertThat(lines.get(1)).isEqualTo("2026-06-01,2026-07-01,(all)," + team);
        assertThat(lines.get(4)).isEqualTo("2026-06-01,2026-07-01,team:reliability," + team);
    }

    private static JsonNode withoutComparisons(JsonNode figures) {
        JsonNode copy = figures.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy.get("recovery")).remove("retrospectives");
        return copy;
    }

    private void assertRefused(String path, String parameter, String message) {
        KeyedApi.assertRefused(get(path, null), parameter, message);
    }

    private HttpResponse<String> get(String path, String accept) {
        return new KeyedApi(port).get(path, EffectivenessReportApiTest.VIEWER_KEY, accept);
    }
}
