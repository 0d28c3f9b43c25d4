package io.retrobridge.mapping;

import io.retrobridge.domain.WorkCalendar;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the {@code calendar} section mapping files share (time zone, weekend days and, where the file allows them,
 * holidays) into a working calendar, reporting every problem at its line; a part left out keeps the standard
 * calendar's.
 */
public final class CalendarReader {

    /** The week's days as the files write them: monday ... sunday. */
    public static final List<String> WEEKDAYS = Arrays.stream(DayOfWeek.values())
            .map(d -> d.name().toLowerCase(Locale.ROOT)).toList();

    private final NodeReader in;

    public CalendarReader(NodeReader in) {
        this.in = in;
    }

    /**
     * @param withHolidays whether the file may list {@code holidays}
     * @param zoneMeaning  what the zone decides, for the fix of an unknown zone, e.g. "the zone in which a due date
     *                     passes at midnight"
     */
    public WorkCalendar read(Node node, boolean withHolidays, String zoneMeaning) {
        WorkCalendar standard = WorkCalendar.standard();
        List<String> keys = withHolidays ? List.of("zone", "weekend", "holidays") : List.of("zone", "weekend");
        Optional<NodeReader.Entries> map = in.map(node, "calendar", keys, List.of());
        if (map.isEmpty()) {
            return standard;
        }
        NodeReader.Entries e = map.get();
        ZoneId zone = e.has("zone") ? in.text(e.get("zone"), "calendar.zone")
                .flatMap(z -> zone(e.get("zone"), z, zoneMeaning)).orElse(standard.zone()) : standard.zone();
        Set<DayOfWeek> weekend = e.has("weekend") ? weekend(e.get("weekend")) : standard.weekend();
        Set<LocalDate> holidays = e.has("holidays") ? holidays(e.get("holidays")) : Set.of();
        return new WorkCalendar(zone, weekend, holidays);
    }

    private Set<DayOfWeek> weekend(Node node) {
        Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        List<Node> days = in.list(node, "calendar.weekend");
        for (int i = 0; i < days.size(); i++) {
            in.choice(days.get(i), "calendar.weekend[" + i + "]", WEEKDAYS)
                    .map(d -> DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT))).ifPresent(weekend::add);
        }
        if (weekend.size() == DayOfWeek.values().length) {
            in.problem(node, "calendar.weekend", "every day of the week is a weekend day, so no business"
                    + " day would ever pass", "list only the days off, usually [saturday, sunday]");
        }
        return weekend;
    }

    private Set<LocalDate> holidays(Node node) {
        Set<LocalDate> holidays = new LinkedHashSet<>();
        List<Node> dates = in.list(node, "calendar.holidays");
        for (int i = 0; i < dates.size(); i++) {
            Node date = dates.get(i);
            String path = "calendar.holidays[" + i + "]";
            in.text(date, path).ifPresent(text -> {
                try {
                    holidays.add(LocalDate.parse(text));
                } catch (DateTimeParseException ex) {
                    in.problem(date, path, "`" + text + "` is not a date",
                            "write dates as YYYY-MM-DD, e.g. 2026-12-25");
                }
            });
        }
        return holidays;
    }

    private Optional<ZoneId> zone(Node node, String text, String zoneMeaning) {
        try {
            return Optional.of(ZoneId.of(text));
        } catch (DateTimeException ex) {
            Optional<String> suggestion = Suggestions.closest(text, ZoneId.getAvailableZoneIds());
            in.problem(node, "calendar.zone", "unknown time zone `" + text + "`"
                    + suggestion.map(s -> "; did you mean `" + s + "`?").orElse(""),
                    "use a zone id such as UTC or Europe/Berlin (" + zoneMeaning + ")");
            return Optional.empty();
        }
    }
}
