package io.retrobridge.mapping.retro;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.DayCount;
import io.retrobridge.domain.WorkCalendar;
import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.mapping.retro.RuleMatch.ChangeMatch;
import io.retrobridge.mapping.retro.RuleMatch.DeploymentMatch;
import io.retrobridge.mapping.retro.RuleMatch.DeploymentOutcome;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What retrospectives.yaml says reaches the mapping the inclusion criteria work from, exactly. */
class RetrospectivesParserTest {

    @TempDir
    Path dir;

    @Test
    void shippedFileGivesTheDefaultCriteria() {
        LoadedMappings loaded = MappingFiles.load(RetrospectiveFiles.write(dir, RetrospectiveFiles.shipped()));
        assertThat(loaded.files()).containsExactly("action-items.yaml", "retrospectives.yaml");
        RetrospectivesMapping mapping = loaded.retrospectives().orElseThrow();

        assertThat(mapping.records()).isEqualTo(new RetrospectiveRecords("PAY", "Task", "retrospective", "problem",
                "rfc"));
        assertThat(mapping.calendar().zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(mapping.calendar().weekend()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(mapping.tiers().keySet()).containsExactly("lightweight", "deep-dive");
        assertThat(mapping.tier("lightweight")).isEqualTo(new Tier("lightweight",
                List.of("summary", "timeline", "what-went-wrong", "action-items"), List.of("what-went-well", "metrics")));
        assertThat(mapping.tier("deep-dive").mandatory()).containsExactly("summary", "timeline", "impact", "root-cause",
                "contributing-factors", "action-items");

        DueIn fiveBusinessDays = new DueIn(5, DayCount.BUSINESS);
        assertThat(mapping.rules()).containsExactly(
                new InclusionRule("change-failed", new ChangeMatch(Set.of(), Set.of("unsuccessful", "backed_out"),
                        false), Optional.of("deep-dive"), fiveBusinessDays, true),
                new InclusionRule("major-incident", new ChangeMatch(Set.of(), Set.of(), true), Optional.of("deep-dive"),
                        fiveBusinessDays, true),
                new InclusionRule("standard-change-succeeded", new ChangeMatch(Set.of("standard"), Set.of("successful"),
                        false), Optional.empty(), null, false),
                new InclusionRule("emergency-change", new ChangeMatch(Set.of("emergency"), Set.of(), false),
                        Optional.of("lightweight"), new DueIn(10, DayCount.BUSINESS), false),
                new InclusionRule("failed-production-deployment", new DeploymentMatch(
                        Set.of(DeploymentOutcome.FAILED, DeploymentOutcome.ABORTED), Set.of("production")),
                        Optional.of("lightweight"), fiveBusinessDays, true),
                new InclusionRule("production-rollback", new DeploymentMatch(Set.of(DeploymentOutcome.ROLLED_BACK),
                        Set.of("production")), Optional.of("lightweight"), fiveBusinessDays, true));
        assertThat(mapping.rules().get(2).excludes()).isTrue();

        assertThat(mapping.programs()).containsOnlyKeys("payments");
        assertThat(mapping.programOf("checkout")).map(Program::id).contains("payments");
        assertThat(mapping.programOf("search")).isEmpty();
        assertThat(mapping.programs().get("payments").threshold()).contains(new ProgramThreshold(3, Period.ofDays(30),
                "deep-dive", new DueIn(10, DayCount.BUSINESS)));
    }

    @Test
    void recordsTakeTheirDefaultsWhenOnlyTheProjectIsGiven() {
        RetrospectivesMapping mapping = RetrospectiveFiles.load(dir, RetrospectiveFiles.shippedWith(
                "  jira: {project: PAY, issue-type: Task, label: retrospective}\n"
                        + "  servicenow: {table: problem, change-field: rfc}\n", "  jira: {project: OPS}\n"));
        assertThat(mapping.records()).isEqualTo(new RetrospectiveRecords("OPS", "Task", "retrospective", "problem",
                "rfc"));
    }

    @Test
    void recordsMayNameTheirOwnTableAndField() {
        RetrospectivesMapping mapping = RetrospectiveFiles.load(dir, RetrospectiveFiles.shippedWith(
                "servicenow: {table: problem, change-field: rfc}", "servicenow: {table: u_retrospective, change-field:"
                        + " u_change}"));
        assertThat(mapping.records().serviceNowTable()).isEqualTo("u_retrospective");
        assertThat(mapping.records().serviceNowChangeField()).isEqualTo("u_change");
    }

    @Test
    void aDeploymentRuleWithoutEnvironmentMeansProduction() {
        RetrospectivesMapping mapping = RetrospectiveFiles.load(dir, RetrospectiveFiles.shippedWith(
                "when: {deployment: [failed, aborted], environment: [production]}", "when: {deployment: [failed]}"));
        assertThat(mapping.rules().get(4).when()).isEqualTo(new DeploymentMatch(Set.of(DeploymentOutcome.FAILED),
                Set.of("production")));
    }

    @Test
    void noFileMeansNoCriteria() {
        LoadedMappings loaded = MappingFiles.load(MappingFiles.writeEscalations(dir, MappingFiles.shippedEscalations()));
        assertThat(loaded.retrospectives()).isEmpty();
    }

    @Test
    void businessDaysSkipTheWeekendInTheFilesZone() {
        WorkCalendar berlin = new WorkCalendar(ZoneId.of("Europe/Berlin"), Set.of(DayOfWeek.SATURDAY,
                DayOfWeek.SUNDAY), Set.of());
        // Friday 23:30 UTC is Saturday in Berlin: five business days from Saturday end on the next Friday.
        Instant fridayNightUtc = Instant.parse("2026-12-04T23:30:00Z");
        assertThat(new DueIn(5, DayCount.BUSINESS).after(fridayNightUtc, berlin)).isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(new DueIn(5, DayCount.BUSINESS).after(fridayNightUtc, WorkCalendar.standard()))
                .isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(new DueIn(1, DayCount.BUSINESS).after(Instant.parse("2026-12-04T10:00:00Z"),
                WorkCalendar.standard())).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(new DueIn(3, DayCount.CALENDAR).after(fridayNightUtc, berlin)).isEqualTo(LocalDate.of(2026, 12, 8));
    }
}
