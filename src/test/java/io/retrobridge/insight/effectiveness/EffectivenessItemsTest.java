package io.retrobridge.insight.effectiveness;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ActionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link EffectivenessItems} cuts the items into periods, bounds them, and which it calls overdue. */
class EffectivenessItemsTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final LocalDate TODAY = LocalDate.of(2026, 7, 10);

    @Test
    void atMostTheLimitIsListedPerPeriodAndTheRestIsCounted() {
        // Three items in the first week (two of app-b, one of app-a), one in the second.
        List<TrackedRetrospective> history = List.of(
                retrospective("change:B", "app-b", "2026-06-02T10:00:00Z", item("B2"), item("B1")),
                retrospective("change:A", "app-a", "2026-06-03T10:00:00Z", item("A1")),
                retrospective("change:C", "app-a", "2026-06-09T10:00:00Z", item("C1")));

        EffectivenessItems items = EffectivenessItems.of(history, Granularity.WEEK.periods(LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 6, 15)), UTC, TODAY, 2);

        EffectivenessItems.PeriodItems first = items.periods().get(0);
        assertThat(first.items()).isEqualTo(3);
        assertThat(first.leftOut()).isEqualTo(1);
        // Applications in name order, so app-a's A1 comes first, then the first of app-b's by key.
        assertThat(first.byApplication()).extracting(EffectivenessItems.ApplicationItems::application)
                .containsExactly("app-a", "app-b");
        assertThat(first.byApplication().get(1).items()).extracting(EffectivenessItems.ListedItem::item)
                .containsExactly("B1");
        EffectivenessItems.PeriodItems second = items.periods().get(1);
        assertThat(second.items()).isEqualTo(1);
        assertThat(second.leftOut()).isZero();
    }

    @Test
    void onlyOpenItemsDueBeforeTodayAreOverdue() {
        TrackedItem dueYesterday = new TrackedItem("k1", "K1", ActionStatus.OPEN, TODAY.minusDays(1), null, null,
                List.of());
        TrackedItem dueToday = new TrackedItem("k2", "K2", ActionStatus.IN_PROGRESS, TODAY, null, null, List.of());
        TrackedItem doneLate = new TrackedItem("k3", "K3", ActionStatus.DONE, TODAY.minusDays(9), TODAY, null,
                List.of());
        TrackedItem noDueDate = new TrackedItem("k4", "K4", ActionStatus.OPEN, null, null, null, List.of());

        EffectivenessItems items = EffectivenessItems.of(List.of(retrospective("change:K", "app", "2026-06-02T00:00:00Z",
                dueYesterday, dueToday, doneLate, noDueDate)), Granularity.WINDOW.periods(LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 7, 1)), UTC, TODAY, 10);

        assertThat(items.periods().get(0).byApplication().get(0).items())
                .extracting(EffectivenessItems.ListedItem::overdueDays).containsExactly(1L, null, null, null);
    }

    private static TrackedRetrospective retrospective(String key, String application, String opened,
                                                      TrackedItem... items) {
        return new TrackedRetrospective(key, application, Instant.parse(opened), true, 0, List.of(items));
    }

    private static TrackedItem item(String key) {
        return new TrackedItem(key.toLowerCase(), key, ActionStatus.OPEN, null, null, null, List.of());
    }
}
