package io.retrobridge.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.testsupport.EffectivenessSeed;
import io.retrobridge.testsupport.KeyedApi;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The effectiveness report over HTTP, from {@link EffectivenessSeed}'s data in the real stores on H2: JSON by default,
 * CSV for {@code Accept: text/csv}, a 400 naming each parameter that is not valid, and who may read it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=effectiveness-readers",
        "retrobridge.security.api-keys[0].key=" + EffectivenessReportApiTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class EffectivenessReportApiTest {

    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String VIEWER_KEY = "view-Qe4rT6yU8iO0pA2s";
    private static final String JUNE = "/api/reports/effectiveness?application=eff-payments&from=2026-06-01"
            + "&to=2026-07-01";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @BeforeEach
    void seed() {
        EffectivenessSeed.from(context).write();
    }

    @Test
    void theReportIsJsonByDefault() {
        HttpResponse<String> response = new KeyedApi(port).get(JUNE, VIEWER_KEY, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        JsonNode report = KeyedApi.json(response);
        assertThat(report.get("application").asText()).isEqualTo("eff-payments");
        assertThat(report.get("granularity").asText()).isEqualTo("WINDOW");
        JsonNode june = report.at("/periods/0");
        assertThat(june.get("from").asText()).isEqualTo("2026-06-01");
        assertThat(june.get("to").asText()).isEqualTo("2026-07-01");
        // EFF1 and EFF2: t1..t5, done t1 t2 = 0.40; t1 on time of the two done = 0.50.
        assertThat(june.at("/overall/completionRate").decimalValue()).isEqualByComparingTo("0.40");
        assertThat(june.at("/overall/onTimeRate").decimalValue()).isEqualByComparingTo("0.50");
        assertThat(june.at("/overall/recurrence/tags/0/recurredIn").asText()).isEqualTo("change:EFF2");
        assertThat(june.at("/overall/recovery/retrospectives/0/before/recoveryMinutes").toString())
                .isEqualTo("[20,90,90]");
        assertThat(june.at("/overall/escalations/1/board").asText()).isEqualTo("CAB");
        assertThat(june.at("/byApplication/0/application").asText()).isEqualTo("eff-payments");
    }

    @Test
    void csvHasARowForAllAndOnePerApplication() {
        HttpResponse<String> response = new KeyedApi(port).get(JUNE, VIEWER_KEY, "text/csv");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains("attachment").contains("effectiveness-2026-06-01-2026-07-01.csv"));
        String figures = "2,5,2,1,0.40,1,0.50," + openAndOverdueColumnsToday()
                + ",1,1,1.00,3,3,90.0,2,1,10.0,3,1,1,1,0,0,1,1,1";
        assertThat(response.body().split("\r\n")).containsExactly(
                String.join(",", EffectivenessCsv.HEADER),
                "2026-06-01,2026-07-01,(all)," + figures,
                "2026-06-01,2026-07-01,eff-payments," + figures,
                // No team of the shipped teams.yaml owns eff-payments: the team unassigned has its figures.
                "2026-06-01,2026-07-01,team:unassigned," + figures);
    }

    @Test
    void eachParameterThatIsNotValidIsNamed() {
        assertRefused("/api/reports/effectiveness?from=2026-13-01", "from", "not an ISO date");
        assertRefused("/api/reports/effectiveness?to=tomorrow", "to", "not an ISO date");
        assertRefused("/api/reports/effectiveness?from=2026-07-01&to=2026-07-01", "from", "must be before to");
        assertRefused("/api/reports/effectiveness?from=2020-01-01&to=2026-07-01", "from", "longer than");
        assertRefused("/api/reports/effectiveness?granularity=year", "granularity", "window, month or week");
        assertRefused("/api/reports/effectiveness?application=no%20spaces", "application", "not an application");
    }

    @Test
    void anyKeyMayReadTheReportAndNoKeyMayNot() {
        KeyedApi api = new KeyedApi(port);
        assertThat(api.get(JUNE, VIEWER_KEY, "text/csv").statusCode()).isEqualTo(200);
        assertThat(api.get(JUNE, ADMIN_KEY, "application/json").statusCode()).isEqualTo(200);
        assertThat(api.get(JUNE, null, "application/json").statusCode()).isEqualTo(401);
        assertThat(api.get(JUNE, "not-a-key-123456", "text/csv").statusCode()).isEqualTo(401);
        assertThat(api.get(JUNE, VIEWER_KEY, "application/xml").statusCode()).isEqualTo(406);
        assertThat(api.post("/api/reports/effectiveness", VIEWER_KEY).statusCode()).isEqualTo(403);
    }

    @Test
    void withoutAWindowTheLastNinetyDaysAreReported() {
        JsonNode report = KeyedApi.json(new KeyedApi(port).get("/api/reports/effectiveness", VIEWER_KEY, null));

        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        assertThat(report.get("to").asText()).isEqualTo(tomorrow.toString());
        assertThat(report.get("from").asText()).isEqualTo(tomorrow.minusDays(90).toString());
    }

    /**
     * The CSV columns from the open items to the oldest overdue one, for the seed's June: the report judges ages on the
     * real today, so these are worked out here. Open t4 and t5 since EFF2 opened on 06-20; both overdue now (due 07-01
     * and 07-10), the oldest since 07-01.
     */
    static String openAndOverdueColumnsToday() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long open = ChronoUnit.DAYS.between(LocalDate.of(2026, 6, 20), today);
        long t4 = ChronoUnit.DAYS.between(LocalDate.of(2026, 7, 1), today);
        long t5 = ChronoUnit.DAYS.between(LocalDate.of(2026, 7, 10), today);
        String overdueMedian = BigDecimal.valueOf(t4 + t5).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP)
                .toPlainString();
        return "2," + open + ".0," + open + ",2," + overdueMedian + "," + t4;
    }

    private void assertRefused(String path, String parameter, String message) {
        KeyedApi.assertRefused(new KeyedApi(port).get(path, VIEWER_KEY, null), parameter, message);
    }
}
