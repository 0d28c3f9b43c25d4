package io.retrobridge.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.escalation.FollowUpFact;
import io.retrobridge.escalation.FollowUpStore;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.MappingLoader;
import io.retrobridge.mapping.TextFormatConverters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.ResponseEntity;

/** The report's "today" is the scan's: the date in the zone of escalations.yaml's calendar, not UTC. */
class FollowUpReportZoneTest {

    /** Noon UTC on 26 November is already 27 November on Kiritimati (UTC+14). */
    static final Instant NOON_UTC = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void anItemDueOnTheUtcDayIsOverdueWhereTheCalendarsDayHasAlreadyEnded(@TempDir Path dir) throws Exception {
        CurrentMappings kiritimati = shippedWithZone(dir, "Pacific/Kiritimati");
        FollowUpStore facts = new ListedFacts(new FollowUpFact("rb-1", "PTASK0010001", "Alert on latency",
                "PRB0040001 Gateway", "PAY", null, LocalDate.of(2026, 11, 26), "open", null, false, NOON_UTC));

        FollowUpReportController.ReportView report = report(facts, kiritimati);

        assertThat(report.today()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(report.byRetrospective()).singleElement().satisfies(row -> {
            assertThat(row.open()).isEqualTo(1);
            assertThat(row.overdue()).isEqualTo(1);
        });
    }

    @Test
    void inUtcTheSameItemIsDueTodayAndNotOverdue(@TempDir Path dir) throws Exception {
        CurrentMappings utc = shippedWithZone(dir, "UTC");
        FollowUpStore facts = new ListedFacts(new FollowUpFact("rb-1", "PTASK0010001", "Alert on latency",
                "PRB0040001 Gateway", "PAY", null, LocalDate.of(2026, 11, 26), "open", null, false, NOON_UTC));

        FollowUpReportController.ReportView report = report(facts, utc);

        assertThat(report.today()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(report.byRetrospective()).singleElement().satisfies(row -> assertThat(row.overdue()).isZero());
    }

    private static FollowUpReportController.ReportView report(FollowUpStore facts, CurrentMappings mappings) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("clock",
                Clock.fixed(NOON_UTC, ZoneOffset.UTC)));
        ResponseEntity<?> answer = new FollowUpReportController(facts, mappings, beans.getBeanProvider(Clock.class))
                .followUp("application/json");
        return (FollowUpReportController.ReportView) answer.getBody();
    }

    private static CurrentMappings shippedWithZone(Path dir, String zone) throws Exception {
        Path shipped = Path.of("mappings");
        Files.copy(shipped.resolve("action-items.yaml"), dir.resolve("action-items.yaml"));
        String escalations = Files.readString(shipped.resolve("escalations.yaml"));
        Files.writeString(dir.resolve("escalations.yaml"), escalations.replace("  zone: UTC", "  zone: " + zone));
        return new CurrentMappings(new MappingLoader(TextFormatConverters.standard()).load(dir));
    }

    private record ListedFacts(List<FollowUpFact> facts) implements FollowUpStore {

        ListedFacts(FollowUpFact... facts) {
            this(new ArrayList<>(List.of(facts)));
        }

        @Override
        public void save(FollowUpFact fact) {
            facts.add(fact);
        }

        @Override
        public List<FollowUpFact> all() {
            return List.copyOf(facts);
        }
    }
}
