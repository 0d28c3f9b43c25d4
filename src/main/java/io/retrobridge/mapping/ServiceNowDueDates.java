package io.retrobridge.mapping;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A Jira due date is a calendar day; ServiceNow's {@code due_date} is a date-time kept in UTC and shown in
 * each user's time zone. A day D is written as the last second of D in the instance's zone, converted to
 * UTC: ServiceNow then shows D to a user in that zone, and an item is not overdue before D has ended there,
 * which is what a Jira due date means. (Midnight would make the item overdue all of day D; midnight or
 * the end of D in UTC shows the day before or after east or west of UTC.) Read back, the UTC date-time is
 * turned into the day it falls on in that zone, so a round trip keeps the day, DST switches included.
 */
public final class ServiceNowDueDates {

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
    private static final DateTimeFormatter GLIDE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    public ServiceNowDueDates(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The UTC date-time ServiceNow stores for day {@code date} in the instance's zone. */
    public String write(LocalDate date) {
        // A DST gap never covers 23:59:59 in today's zones; should one, atZone moves the time forward, still day D.
        return GLIDE.format(date.atTime(END_OF_DAY).atZone(zone).withZoneSameInstant(ZoneOffset.UTC));
    }

    /**
     * The day a ServiceNow value falls on in the instance's zone: {@code yyyy-MM-dd HH:mm:ss} is UTC; a bare
     * {@code yyyy-MM-dd} (a date field) is that day already.
     *
     * @throws DateTimeParseException when the value is neither
     */
    public LocalDate read(String raw) {
        String value = raw.strip();
        if (value.length() == 10) {
            return LocalDate.parse(value);
        }
        return LocalDateTime.parse(value, GLIDE).atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
    }
}
