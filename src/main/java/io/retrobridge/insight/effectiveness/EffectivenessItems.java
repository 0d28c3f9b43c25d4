package io.retrobridge.insight.effectiveness;

import io.retrobridge.domain.ActionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The action items behind an effectiveness report's figures: per period, the items of the retrospectives opened in
 * it, grouped per application (in name order), each application's items by retrospective (oldest first) and item.
 * At most {@code limit} items are listed per period, so a long window cannot make the answer unbounded; the rest are
 * counted in {@link PeriodItems#leftOut()}.
 */
public record EffectivenessItems(List<PeriodItems> periods) {

    /**
     * One action item as the figures counted it.
     *
     * @param item        its key as people see it (its ServiceNow number when known)
     * @param overdueDays whole days past its due date today while it is open; null when not overdue
     * @param failureMode the failure-mode tag it addresses; null when untagged
     * @param escalations its board escalations and how they ended
     */
    public record ListedItem(String item, String retrospective, String application, ActionStatus status,
                             LocalDate dueDate, LocalDate completedOn, Long overdueDays, String failureMode,
                             List<BoardEscalation> escalations) {
    }

    public record ApplicationItems(String application, List<ListedItem> items) {
    }

    /**
     * @param items  how many items the period's retrospectives have
     * @param leftOut how many of them are not listed, beyond the limit
     */
    public record PeriodItems(LocalDate from, LocalDate to, int items, int leftOut, List<ApplicationItems> byApplication) {
    }

    /**
     * @param history every retrospective read for the report; those opened in a period are its
     * @param limit   the most items listed per period
     */
    public static EffectivenessItems of(Collection<TrackedRetrospective> history, List<Granularity.Period> periods,
                                        ZoneId zone, LocalDate today, int limit) {
        List<PeriodItems> listed = new ArrayList<>();
        for (Granularity.Period period : periods) {
            Instant start = period.from().atStartOfDay(zone).toInstant();
            Instant stop = period.to().atStartOfDay(zone).toInstant();
            List<TrackedRetrospective> opened = history.stream()
                    .filter(r -> !r.openedAt().isBefore(start) && r.openedAt().isBefore(stop))
                    .sorted(Comparator.comparing(TrackedRetrospective::application)
                            .thenComparing(TrackedRetrospective::openedAt).thenComparing(TrackedRetrospective::key))
                    .toList();
            Map<String, List<ListedItem>> byApplication = new TreeMap<>();
            int total = 0;
            int shown = 0;
            for (TrackedRetrospective retrospective : opened) {
                List<TrackedItem> items = retrospective.items().stream()
                        .sorted(Comparator.comparing(TrackedItem::displayKey)).toList();
                for (TrackedItem item : items) {
                    total++;
                    if (shown < limit) {
                        shown++;
                        byApplication.computeIfAbsent(retrospective.application(), unused -> new ArrayList<>())
                                .add(item(retrospective, item, today));
                    }
                }
            }
            List<ApplicationItems> groups = new ArrayList<>();
            byApplication.forEach((application, items) -> groups.add(new ApplicationItems(application, items)));
            listed.add(new PeriodItems(period.from(), period.to(), total, total - shown, groups));
        }
        return new EffectivenessItems(listed);
    }

    private static ListedItem item(TrackedRetrospective retrospective, TrackedItem item, LocalDate today) {
        Long overdue = !item.closed() && item.dueDate() != null && item.dueDate().isBefore(today)
                ? ChronoUnit.DAYS.between(item.dueDate(), today) : null;
        return new ListedItem(item.displayKey(), retrospective.key(), retrospective.application(), item.status(),
                item.dueDate(), item.completedOn(), overdue, item.failureMode(), item.escalations());
    }
}
