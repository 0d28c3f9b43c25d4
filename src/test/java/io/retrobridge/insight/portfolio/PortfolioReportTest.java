package io.retrobridge.insight.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ActionStatus;
import io.retrobridge.insight.delivery.Delivery;
import io.retrobridge.insight.delivery.DeliveryFigures;
import io.retrobridge.insight.delivery.DoraBand;
import io.retrobridge.insight.effectiveness.EffectivenessFigures;
import io.retrobridge.insight.effectiveness.EffectivenessReport;
import io.retrobridge.insight.effectiveness.Granularity;
import io.retrobridge.insight.effectiveness.TrackedItem;
import io.retrobridge.insight.effectiveness.TrackedRetrospective;
import io.retrobridge.insight.portfolio.Portfolio.Change;
import io.retrobridge.insight.portfolio.Portfolio.Direction;
import io.retrobridge.insight.team.TeamScope;
import io.retrobridge.mapping.team.Team;
import io.retrobridge.mapping.team.TeamsMapping;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The portfolio roll-up and its trend rules over a seeded two-month portfolio (UTC, window [2026-09-01,
 * 2026-11-01), judged on 2026-11-10). The effectiveness figures are computed by the effectiveness report's own
 * {@link EffectivenessFigures#of}; the delivery figures are given as the delivery report would give them.
 *
 * <pre>
 * shop   delivery Sep: 10 deployments, frequency high, lead 2 h elite, fail 0.10 medium, recovery 30 min elite,
 *                      rework 0.10
 *        delivery Oct: 31 deployments, frequency elite, lead 2 d high, fail 0.50 low, recovery 2 h high,
 *                      rework 0.20 (moved by exactly 0.10: not a change)
 *        R1 opened 09-03: i1 DONE due 09-10 closed 09-09, i2 DONE due 09-10 closed 09-12, both config-drift
 *           -> completion 1.00, on time 0.50; config-drift closed 09-13T00:00Z
 *        R2 opened 10-05: i3 OPEN due 10-20 config-drift (overdue 21 days on 11-10), i4 DONE due 10-30 closed 10-25
 *           -> completion 0.50, on time 1.00; R1's config-drift recurred in R2
 * search delivery Sep: 4 deployments (no Oct deployments: nothing to compare)
 *        S1 opened 09-20: j1 DONE due 09-25 closed 09-24 "Config-Drift" -> completion 1.00
 *        S2 opened 10-02: j2 OPEN due 10-05 config-drift (overdue 36 days) -> completion 0.00; S1's tag recurred
 * </pre>
 * Changes in October: search completion 1.00 -> 0.00 worsened; shop frequency high -> elite improved, lead time
 * elite -> high, fail rate medium -> low, recovery elite -> high worsened, completion 1.00 -> 0.50 worsened,
 * on time 0.50 -> 1.00 improved. Overdue: 2 items, oldest 36 days. config-drift recurred in search and shop.
 */
class PortfolioReportTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 10);
    private static final LocalDate SEP = LocalDate.of(2026, 9, 1);
    private static final LocalDate OCT = LocalDate.of(2026, 10, 1);
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);

    private final TrackedRetrospective r1 = retro("change:R1", "shop", "2026-09-03T10:00:00Z",
            item("i1", ActionStatus.DONE, "2026-09-10", "2026-09-09", "config-drift"),
            item("i2", ActionStatus.DONE, "2026-09-10", "2026-09-12", "config-drift"));
    private final TrackedRetrospective r2 = retro("change:R2", "shop", "2026-10-05T10:00:00Z",
            item("i3", ActionStatus.OPEN, "2026-10-20", null, "config-drift"),
            item("i4", ActionStatus.DONE, "2026-10-30", "2026-10-25", null));
    private final TrackedRetrospective s1 = retro("change:S1", "search", "2026-09-20T10:00:00Z",
            item("j1", ActionStatus.DONE, "2026-09-25", "2026-09-24", "Config-Drift"));
    private final TrackedRetrospective s2 = retro("change:S2", "search", "2026-10-02T10:00:00Z",
            item("j2", ActionStatus.OPEN, "2026-10-05", null, "config-drift"));
    private final List<TrackedRetrospective> history = List.of(r1, r2, s1, s2);

    private static final DeliveryFigures SHOP_SEP = delivery(10, 10 / 30.0, DoraBand.HIGH, Duration.ofHours(2),
            DoraBand.ELITE, 0.10, DoraBand.MEDIUM, Duration.ofMinutes(30), DoraBand.ELITE, 0.10);
    private static final DeliveryFigures SHOP_OCT = delivery(31, 1.0, DoraBand.ELITE, Duration.ofDays(2),
            DoraBand.HIGH, 0.50, DoraBand.LOW, Duration.ofHours(2), DoraBand.HIGH, 0.20);
    private static final DeliveryFigures SEARCH_SEP = delivery(4, 4 / 30.0, DoraBand.MEDIUM, Duration.ofHours(3),
            DoraBand.ELITE, 0.0, DoraBand.ELITE, null, null, 0.0);

    @Test
    void monthsHoldBothReportsSideBySidePerApplication() {
        Portfolio portfolio = twoMonths();

        assertThat(portfolio.months()).extracting(Portfolio.Month::month)
                .containsExactly(YearMonth.of(2026, 9), YearMonth.of(2026, 10));
        Portfolio.Month september = portfolio.months().get(0);
        assertThat(september.applications()).extracting(Portfolio.Row::application).containsExactly("search", "shop");
        assertThat(september.applications().get(1).delivery()).isSameAs(SHOP_SEP);
        assertThat(september.applications().get(1).effectiveness().completionRate()).isEqualByComparingTo("1.00");
        assertThat(september.applications().get(1).effectiveness().onTimeRate()).isEqualByComparingTo("0.50");
        Portfolio.Month october = portfolio.months().get(1);
        // search deployed nothing in October: its delivery side is empty, its retrospective is still there.
        assertThat(october.applications().get(0).delivery()).isNull();
        assertThat(october.applications().get(0).effectiveness().completionRate()).isEqualByComparingTo("0.00");
        assertThat(october.applications().get(1).effectiveness().completionRate()).isEqualByComparingTo("0.50");
    }

    @Test
    void theTrendNamesWhatImprovedAndWorsenedByTheBandOrByMoreThanTenPoints() {
        YearMonth october = YearMonth.of(2026, 10);

        assertThat(twoMonths().trend().changes()).containsExactly(
                new Change("search", october, "action completion rate", "1.00", "0.00", Direction.WORSENED),
                new Change("shop", october, "deployment frequency", "high", "elite", Direction.IMPROVED),
                new Change("shop", october, "change lead time", "elite", "high", Direction.WORSENED),
                new Change("shop", october, "change fail rate", "medium", "low", Direction.WORSENED),
                new Change("shop", october, "failed deployment recovery time", "elite", "high", Direction.WORSENED),
                new Change("shop", october, "action completion rate", "1.00", "0.50", Direction.WORSENED),
                new Change("shop", october, "on-time rate", "0.50", "1.00", Direction.IMPROVED));
    }

    @Test
    void recurrencesOverdueItemsAndFailureModesRecurringAcrossApplications() {
        Portfolio.Trend trend = twoMonths().trend();

        assertThat(trend.recurred()).containsExactly(
                new Portfolio.Recurred("search", YearMonth.of(2026, 9), "config-drift", "change:S1", "change:S2"),
                new Portfolio.Recurred("shop", YearMonth.of(2026, 9), "config-drift", "change:R1", "change:R2"));
        // j2 due 10-05 and i3 due 10-20, judged on 11-10: 36 and 21 days.
        assertThat(trend.overdue()).isEqualTo(new Portfolio.Overdue(2, 36L, List.of(
                new Portfolio.ApplicationOverdue("search", 1, 36L),
                new Portfolio.ApplicationOverdue("shop", 1, 21L))));
        assertThat(trend.underInvestment()).containsExactly(
                new Portfolio.SharedFailureMode("config-drift", List.of("search", "shop")));
    }

    @Test
    void withTeamsAFailureModeIsUnderInvestmentOnlyWhenItRecursInMoreThanOneTeam() {
        Delivery delivery = new Delivery(null, null, SHOP_SEP, List.of(
                new Delivery.ApplicationDelivery("search", "production", SEARCH_SEP, List.of(bucket(SEP, SEARCH_SEP))),
                new Delivery.ApplicationDelivery("shop", "production", SHOP_SEP,
                        List.of(bucket(SEP, SHOP_SEP), bucket(OCT, SHOP_OCT)))));
        // config-drift recurred in search and in shop (see above).
        TeamScope oneTeam = new TeamScope(new TeamsMapping(List.of(
                new Team("storefront", null, List.of("search", "shop")))), null);
        TeamScope twoTeams = new TeamScope(new TeamsMapping(List.of(
                new Team("storefront", null, List.of("shop")), new Team("discovery", null, List.of("search")))), null);
        TeamScope shopInATeam = new TeamScope(new TeamsMapping(List.of(
                new Team("storefront", null, List.of("shop")))), null);

        assertThat(PortfolioReport.of(null, delivery, effectiveness(history, SEP, NOV), oneTeam).trend()
                .underInvestment()).isEmpty();
        assertThat(PortfolioReport.of(null, delivery, effectiveness(history, SEP, NOV), twoTeams).trend()
                .underInvestment()).containsExactly(new Portfolio.SharedFailureMode("config-drift",
                List.of("search", "shop"), List.of("discovery", "storefront")));
        // search is in no team: its recurrence counts under "unassigned", listed last.
        assertThat(PortfolioReport.of(null, delivery, effectiveness(history, SEP, NOV), shopInATeam).trend()
                .underInvestment()).containsExactly(new Portfolio.SharedFailureMode("config-drift",
                List.of("search", "shop"), List.of("storefront", "unassigned")));
    }

    @Test
    void aFailureModeRecurringInOneApplicationOnlyIsNotUnderInvestment() {
        Portfolio portfolio = PortfolioReport.of("shop",
                new Delivery(null, null, SHOP_SEP, List.of(new Delivery.ApplicationDelivery("shop", "production",
                        SHOP_SEP, List.of(bucket(SEP, SHOP_SEP), bucket(OCT, SHOP_OCT))))),
                effectiveness(List.of(r1, r2), SEP, NOV));

        assertThat(portfolio.trend().recurred()).hasSize(1);
        assertThat(portfolio.trend().underInvestment()).isEmpty();
    }

    @Test
    void aSingleMonthHasFiguresButNothingToCompare() {
        Portfolio portfolio = PortfolioReport.of(null,
                new Delivery(null, null, SHOP_SEP, List.of(new Delivery.ApplicationDelivery("shop", "production",
                        SHOP_SEP, List.of(bucket(SEP, SHOP_SEP))))),
                effectiveness(history, SEP, OCT));

        assertThat(portfolio.months()).hasSize(1);
        assertThat(portfolio.months().get(0).applications()).extracting(Portfolio.Row::application)
                .containsExactly("search", "shop");
        assertThat(portfolio.trend().changes()).isEmpty();
        // The September retrospectives' tags still recurred (in October, after the window): recurrence looks ahead.
        assertThat(portfolio.trend().recurred()).hasSize(2);
        assertThat(portfolio.trend().overdue()).isEqualTo(new Portfolio.Overdue(0, null, List.of()));
    }

    @Test
    void anEmptyWindowHasEmptyMonthsAndAnEmptyTrend() {
        Portfolio portfolio = PortfolioReport.of(null, new Delivery(null, null, null, List.of()),
                effectiveness(List.of(), SEP, NOV));

        assertThat(portfolio.months()).hasSize(2).allSatisfy(month -> assertThat(month.applications()).isEmpty());
        assertThat(portfolio.trend()).isEqualTo(new Portfolio.Trend(List.of(), List.of(),
                new Portfolio.Overdue(0, null, List.of()), List.of()));
    }

    @Test
    void aMonthWithoutDeploymentsInTheDeliveryBucketsIsNoDeliveryRow() {
        DeliveryFigures none = delivery(0, 0.0, null, null, null, null, null, null, null, null);
        Portfolio portfolio = PortfolioReport.of(null,
                new Delivery(null, null, SHOP_SEP, List.of(new Delivery.ApplicationDelivery("shop", "production",
                        SHOP_SEP, List.of(bucket(SEP, SHOP_SEP), bucket(OCT, none))))),
                effectiveness(List.of(), SEP, NOV));

        assertThat(portfolio.months().get(1).applications()).isEmpty();
    }

    private Portfolio twoMonths() {
        Delivery delivery = new Delivery(null, null, SHOP_SEP, List.of(
                new Delivery.ApplicationDelivery("search", "production", SEARCH_SEP, List.of(bucket(SEP, SEARCH_SEP))),
                new Delivery.ApplicationDelivery("shop", "production", SHOP_SEP,
                        List.of(bucket(SEP, SHOP_SEP), bucket(OCT, SHOP_OCT)))));
        return PortfolioReport.of(null, delivery, effectiveness(history, SEP, NOV));
    }

    /** The effectiveness report cut by month, as {@code EffectivenessReader} assembles it. */
    private EffectivenessReport effectiveness(List<TrackedRetrospective> all, LocalDate from, LocalDate to) {
        List<EffectivenessReport.Period> periods = new ArrayList<>();
        for (Granularity.Period period : Granularity.MONTH.periods(from, to)) {
            Instant start = period.from().atStartOfDay(UTC).toInstant();
            Instant stop = period.to().atStartOfDay(UTC).toInstant();
            List<TrackedRetrospective> opened = all.stream()
                    .filter(r -> !r.openedAt().isBefore(start) && r.openedAt().isBefore(stop)).toList();
            List<EffectivenessReport.ApplicationFigures> byApplication = opened.stream()
                    .map(TrackedRetrospective::application).distinct().sorted()
                    .map(name -> new EffectivenessReport.ApplicationFigures(name, EffectivenessFigures.of(
                            opened.stream().filter(r -> r.application().equals(name)).toList(), all, Map.of(),
                            TODAY, UTC)))
                    .toList();
            periods.add(new EffectivenessReport.Period(period.from(), period.to(),
                    EffectivenessFigures.of(opened, all, Map.of(), TODAY, UTC), byApplication));
        }
        return new EffectivenessReport(null, from, to, Granularity.MONTH, UTC, TODAY, periods);
    }

    private static Delivery.Bucket bucket(LocalDate start, DeliveryFigures figures) {
        return new Delivery.Bucket(start, start.atStartOfDay(UTC).toInstant(),
                start.plusMonths(1).atStartOfDay(UTC).toInstant(), figures);
    }

    private static DeliveryFigures delivery(int deployments, double perDay, DoraBand frequency, Duration lead,
                                            DoraBand leadBand, Double failRate, DoraBand failBand, Duration recovery,
                                            DoraBand recoveryBand, Double rework) {
        return new DeliveryFigures(
                new DeliveryFigures.Frequency(deployments, perDay, frequency, List.of()),
                new DeliveryFigures.LeadTime(lead, lead == null ? 0 : deployments, 0, leadBand, List.of()),
                new DeliveryFigures.FailRate(0, deployments, failRate, failBand, List.of()),
                new DeliveryFigures.Recovery(recovery, recovery == null ? 0 : 1, 0, recoveryBand, List.of()),
                new DeliveryFigures.Rework(0, deployments, rework, null, List.of()));
    }

    private static TrackedRetrospective retro(String key, String application, String openedAt, TrackedItem... items) {
        return new TrackedRetrospective(key, application, Instant.parse(openedAt), true, 0, List.of(items));
    }

    private static TrackedItem item(String key, ActionStatus status, String due, String completed, String mode) {
        return new TrackedItem(key, key, status, LocalDate.parse(due), completed == null ? null
                : LocalDate.parse(completed), mode, List.of());
    }
}
