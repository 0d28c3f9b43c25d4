package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Jira due date D becomes a ServiceNow date-time (UTC) that a user in the instance's zone sees on day D,
 * east and west of UTC and on the days clocks change, and comes back as D.
 */
class ServiceNowDueDatesTest {

    private static final DateTimeFormatter GLIDE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @ParameterizedTest(name = "{0} {1} -> {2} UTC")
    @CsvSource({
            "UTC,                 2026-12-01, 2026-12-01 23:59:59",
            "Europe/Berlin,       2026-12-01, 2026-12-01 22:59:59",
            "Europe/Berlin,       2026-03-29, 2026-03-29 21:59:59", // clocks go forward that night: CEST, +2
            "Europe/Berlin,       2026-10-25, 2026-10-25 22:59:59", // clocks go back: CET, +1
            "America/Los_Angeles, 2026-12-01, 2026-12-02 07:59:59", // west of UTC: the next UTC day
            "America/Los_Angeles, 2026-03-08, 2026-03-09 06:59:59", // PDT begins, -7
            "America/Los_Angeles, 2026-11-01, 2026-11-02 07:59:59", // PST again, -8
            "Pacific/Auckland,    2026-07-01, 2026-07-01 11:59:59", // NZST, +12
            "Pacific/Auckland,    2026-04-05, 2026-04-05 11:59:59", // NZDT ends that morning
            "Pacific/Auckland,    2026-09-27, 2026-09-27 10:59:59", // NZDT begins, +13
    })
    void aDayIsWrittenAsItsLastSecondInTheInstancesZoneAndReadBackAsTheSameDay(String zone, String day, String utc) {
        ServiceNowDueDates dates = new ServiceNowDueDates(ZoneId.of(zone));

        String written = dates.write(LocalDate.parse(day));

        assertThat(written).isEqualTo(utc);
        assertThat(shownIn(zone, written)).as("what ServiceNow shows a user in " + zone).isEqualTo(day);
        assertThat(dates.read(written)).isEqualTo(LocalDate.parse(day));
    }

    @ParameterizedTest(name = "{0}: {1} UTC is {2}")
    @CsvSource({
            "Europe/Berlin,       2026-12-01 23:30:00, 2026-12-02", // already the next day in Berlin
            "America/Los_Angeles, 2026-12-02 05:00:00, 2026-12-01", // still the day before in Los Angeles
            "Pacific/Auckland,    2026-12-01 12:00:00, 2026-12-02",
            "Europe/Berlin,       2026-12-01,          2026-12-01", // a date field holds a day already
    })
    void aServiceNowValueIsTheDayItFallsOnInTheInstancesZone(String zone, String stored, String day) {
        assertThat(new ServiceNowDueDates(ZoneId.of(zone)).read(stored)).isEqualTo(LocalDate.parse(day));
    }

    @Property(tries = 400)
    void everyDayInEveryZoneRoundTripsAndIsShownAsThatDay(@ForAll("zones") String zone, @ForAll("days") LocalDate day) {
        ServiceNowDueDates dates = new ServiceNowDueDates(ZoneId.of(zone));

        String written = dates.write(day);

        assertThat(dates.read(written)).isEqualTo(day);
        assertThat(shownIn(zone, written)).isEqualTo(day.toString());
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of(List.of("UTC", "Europe/Berlin", "Europe/London", "America/Los_Angeles", "America/New_York",
                "America/St_Johns", "Pacific/Auckland", "Pacific/Chatham", "Pacific/Kiritimati", "Pacific/Pago_Pago",
                "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "America/Santiago", "Asia/Tehran"));
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 365 * 30).map(n -> LocalDate.of(2010, 1, 1).plusDays(n));
    }

    private static String shownIn(String zone, String utc) {
        return LocalDateTime.parse(utc, GLIDE).atOffset(ZoneOffset.UTC).atZoneSameInstant(ZoneId.of(zone))
                .toLocalDate().toString();
    }
}
