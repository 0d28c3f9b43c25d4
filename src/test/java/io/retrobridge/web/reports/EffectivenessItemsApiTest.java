package io.retrobridge.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.testsupport.EffectivenessSeed;
import io.retrobridge.testsupport.KeyedApi;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code items=true} on the effectiveness report over HTTP, from {@link EffectivenessSeed}'s data: per week and
 * application, the action items behind the figures, each as worked out by hand from the seed below; CSV unchanged;
 * a value that is neither true nor false refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=effectiveness-items",
        "retrobridge.security.api-keys[0].key=" + EffectivenessItemsApiTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class EffectivenessItemsApiTest {

    static final String VIEWER_KEY = "view-It5mS7eW9qR1tY3u";
    private static final String JUNE_BY_WEEK = "/api/reports/effectiveness?from=2026-06-01&to=2026-07-01"
            + "&granularity=week";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @BeforeEach
    void seed() {
        EffectivenessSeed.from(context).write();
    }

    @Test
    void itemsAreListedPerPeriodAndApplication() {
        JsonNode report = KeyedApi.json(new KeyedApi(port).get(JUNE_BY_WEEK + "&items=true", VIEWER_KEY, null));

        // 2026-06-01 is a Monday: weeks from 06-01, 06-08, 06-15, 06-22 and 06-29 (cut to the window's end, 07-01).
        // EFF1 (06-02) is in the first week; EFF2 (06-20), EFF3 (06-15, never read) and EFF4 (06-16) in the third;
        // EFF0 opened on 07-01, outside.
        JsonNode periods = report.at("/items/periods");
        assertThat(periods.size()).isEqualTo(5);
        assertThat(periods.get(0).get("from").asText()).isEqualTo("2026-06-01");
        assertThat(periods.get(0).get("to").asText()).isEqualTo("2026-06-08");
        assertThat(periods.get(4).get("to").asText()).isEqualTo("2026-07-01");
        for (int empty : new int[] {1, 3, 4}) {
            assertThat(periods.get(empty).get("items").asInt()).isZero();
            assertThat(periods.get(empty).get("byApplication").size()).isZero();
        }

        // Week 1: EFF1's t1 t2 t3 (t-missing has no link: not an item), the same 3 the figures count.
        JsonNode first = periods.get(0);
        assertThat(first.get("items").asInt()).isEqualTo(3).isEqualTo(report.at("/periods/0/overall/actionItems")
                .asInt());
        assertThat(first.get("leftOut").asInt()).isZero();
        assertThat(first.at("/byApplication/0/application").asText()).isEqualTo("eff-payments");
        assertThat(rows(first.at("/byApplication/0/items"))).containsExactly(
                // done on its due day; done 3 days late, its CAB escalation resolved because the item closed;
                // cancelled, no due date. None is open, so none is overdue.
                "PTASK1|change:EFF1|eff-payments|DONE|2026-06-10|2026-06-10|null|config-drift|",
                "PTASK2|change:EFF1|eff-payments|DONE|2026-06-05|2026-06-08|null|config-drift|CAB:CLOSED_ITEM",
                "PTASK3|change:EFF1|eff-payments|CANCELLED|null|2026-06-09|null|null|");

        // Week 3: eff-payments' EFF2 (t4 t5), then eff-search's EFF4 (t7); EFF3's follow-ups were never read.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode third = periods.get(2);
        assertThat(third.get("items").asInt()).isEqualTo(3).isEqualTo(report.at("/periods/2/overall/actionItems")
                .asInt());
        assertThat(third.at("/byApplication/0/application").asText()).isEqualTo("eff-payments");
        assertThat(rows(third.at("/byApplication/0/items"))).containsExactly(
                // open, due 07-01: overdue by the days from 07-01 to today; escalated to CAB, still raised.
                "PTASK4|change:EFF2|eff-payments|OPEN|2026-07-01|null|" + overdue(LocalDate.of(2026, 7, 1), today)
                        + "|config-drift|CAB:OPEN",
                // in progress, due 07-10; its ARB escalation ended when the due date moved.
                "PTASK5|change:EFF2|eff-payments|IN_PROGRESS|2026-07-10|null|" + overdue(LocalDate.of(2026, 7, 10),
                        today) + "|capacity|ARB:DEESCALATED");
        assertThat(third.at("/byApplication/1/application").asText()).isEqualTo("eff-search");
        assertThat(rows(third.at("/byApplication/1/items"))).containsExactly(
                "PTASK7|change:EFF4|eff-search|DONE|null|2026-06-20|null|cache-stampede|");
    }

    @Test
    void oneApplicationListsOnlyItsItemsAndWithoutItemsThereAreNone() {
        KeyedApi api = new KeyedApi(port);
        JsonNode search = KeyedApi.json(api.get(JUNE_BY_WEEK + "&application=eff-search&items=true", VIEWER_KEY,
                null));
        assertThat(search.at("/items/periods/2/byApplication").size()).isEqualTo(1);
        assertThat(rows(search.at("/items/periods/2/byApplication/0/items")))
                .containsExactly("PTASK7|change:EFF4|eff-search|DONE|null|2026-06-20|null|cache-stampede|");

        assertThat(KeyedApi.json(api.get(JUNE_BY_WEEK, VIEWER_KEY, null)).has("items")).isFalse();
        assertThat(KeyedApi.json(api.get(JUNE_BY_WEEK + "&items=false", VIEWER_KEY, null)).has("items")).isFalse();
    }

    @Test
    void csvIsTheSameWithItems() {
        KeyedApi api = new KeyedApi(port);
        HttpResponse<String> plain = api.get(JUNE_BY_WEEK, VIEWER_KEY, "text/csv");
        HttpResponse<String> withItems = api.get(JUNE_BY_WEEK + "&items=true", VIEWER_KEY, "text/csv");

        assertThat(withItems.statusCode()).isEqualTo(200);
        assertThat(withItems.body()).isEqualTo(plain.body()).doesNotContain("PTASK");
    }

    @Test
    void itemsThatIsNeitherTrueNorFalseIsRefused() {
        HttpResponse<String> response = new KeyedApi(port).get(JUNE_BY_WEEK + "&items=yes", VIEWER_KEY, null);

        KeyedApi.assertRefused(response, "items", "neither true nor false");
    }

    private static String overdue(LocalDate due, LocalDate today) {
        return due.isBefore(today) ? String.valueOf(ChronoUnit.DAYS.between(due, today)) : "null";
    }

    /** Each item as item|retrospective|application|status|due|completed|overdue days|failure mode|board:outcome,... */
    private static List<String> rows(JsonNode items) {
        List<String> rows = new ArrayList<>();
        for (JsonNode item : items) {
            List<String> escalated = new ArrayList<>();
            item.get("escalations").forEach(e -> escalated.add(e.get("board").asText() + ":" + e.get("outcome")
                    .asText()));
            rows.add(String.join("|", item.get("item").asText(), item.get("retrospective").asText(),
                    item.get("application").asText(), item.get("status").asText(), text(item.get("dueDate")),
                    text(item.get("completedOn")), text(item.get("overdueDays")), text(item.get("failureMode")),
                    String.join(",", escalated)));
        }
        return rows;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "null" : value.asText();
    }
}
