package io.retrobridge.insight.portfolio;

import io.retrobridge.insight.SideReads;
import io.retrobridge.insight.delivery.Delivery;
import io.retrobridge.insight.delivery.DeliveryFigures;
import io.retrobridge.insight.delivery.DeliveryQuery;
import io.retrobridge.insight.delivery.DeliveryReport;
import io.retrobridge.insight.effectiveness.EffectivenessFigures;
import io.retrobridge.insight.effectiveness.EffectivenessReader;
import io.retrobridge.insight.effectiveness.EffectivenessReport;
import io.retrobridge.insight.effectiveness.Granularity;
import io.retrobridge.insight.portfolio.Portfolio.ApplicationOverdue;
import io.retrobridge.insight.portfolio.Portfolio.Change;
import io.retrobridge.insight.portfolio.Portfolio.Recurred;
import io.retrobridge.insight.portfolio.Portfolio.Row;
import io.retrobridge.insight.portfolio.Portfolio.SharedFailureMode;
import io.retrobridge.insight.team.TeamScope;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Builds the portfolio from the delivery report (production, month buckets) and the effectiveness report (month
 * periods) over the same window and zone; neither's figures are recomputed here, only placed side by side and
 * compared month to month by {@link TrendRules}.
 */
@Component
public class PortfolioReport {

    /** The environment the delivery side reads: leadership's question is about releases reaching users. */
    public static final String ENVIRONMENT = "production";

    private final DeliveryReport delivery;
    private final EffectivenessReader effectiveness;
    private final SideReads sideReads;

    public PortfolioReport(DeliveryReport delivery, EffectivenessReader effectiveness, SideReads sideReads) {
        this.delivery = delivery;
        this.effectiveness = effectiveness;
        this.sideReads = sideReads;
    }

    /**
     * @param application only this application; null for all
     * @param from        first day of the window in {@code zone}
     * @param to          the day after the window
     * @param today       the day ages and overdue are judged on
     */
    public Portfolio report(String application, LocalDate from, LocalDate to, ZoneId zone, LocalDate today) {
        return report(application, from, to, zone, today, TeamScope.NONE);
    }

    /** The portfolio of the applications {@code teams} includes, with a row per team beside those per application. */
    public Portfolio report(String application, LocalDate from, LocalDate to, ZoneId zone, LocalDate today,
                            TeamScope teams) {
        DeliveryQuery query = new DeliveryQuery(application, ENVIRONMENT, from.atStartOfDay(zone).toInstant(),
                to.atStartOfDay(zone).toInstant(), io.retrobridge.insight.delivery.Granularity.MONTH, zone, false);
        // The delivery side shares nothing with the effectiveness side: read both at once.
        SideReads.Pending<Delivery> deliveries = sideReads.start(() -> delivery.report(query, teams));
        EffectivenessReport retrospectives = effectiveness.report(application, from, to, Granularity.MONTH, zone,
                today, teams);
        return of(application, deliveries.join(), retrospectives, teams);
    }

    /** The portfolio of two reports over the same window, zone and application, both cut by month; no teams. */
    public static Portfolio of(String application, Delivery deliveries, EffectivenessReport retrospectives) {
        return of(application, deliveries, retrospectives, TeamScope.NONE);
    }

    /**
     * The portfolio of two reports over the same window, zone, application and teams, both cut by month;
     * {@code teams} says which team each application's recurrences belong to.
     */
    public static Portfolio of(String application, Delivery deliveries, EffectivenessReport retrospectives,
                               TeamScope teams) {
        Map<YearMonth, Map<String, DeliveryFigures>> deliveryByMonth = new TreeMap<>();
        for (Delivery.ApplicationDelivery app : deliveries.applications()) {
            for (Delivery.Bucket bucket : app.buckets()) {
                if (bucket.figures().changeFailRate().deployments() > 0) {
                    deliveryByMonth.computeIfAbsent(YearMonth.from(bucket.start()), unused -> new TreeMap<>())
                            .put(app.application(), bucket.figures());
                }
            }
        }
        List<Portfolio.Month> months = new ArrayList<>();
        for (EffectivenessReport.Period period : retrospectives.periods()) {
            YearMonth month = YearMonth.from(period.from());
            Map<String, EffectivenessFigures> effective = new TreeMap<>();
            period.byApplication().forEach(app -> effective.put(app.application(), app.figures()));
            Map<String, DeliveryFigures> delivered = deliveryByMonth.getOrDefault(month, Map.of());
            TreeSet<String> names = new TreeSet<>(delivered.keySet());
            names.addAll(effective.keySet());
            List<Row> rows = names.stream().map(name -> new Row(name, delivered.get(name), effective.get(name)))
                    .toList();
            months.add(new Portfolio.Month(month, period.from(), period.to(), rows,
                    PortfolioTeamRows.of(month, deliveries, period)));
        }
        return new Portfolio(application, retrospectives.from(), retrospectives.to(), retrospectives.zone(),
                retrospectives.today(), months, trend(months, teams), retrospectives.team());
    }

    private static Portfolio.Trend trend(List<Portfolio.Month> months, TeamScope teams) {
        List<Change> changes = new ArrayList<>();
        for (int i = 1; i < months.size(); i++) {
            Map<String, Row> earlier = new TreeMap<>();
            months.get(i - 1).applications().forEach(row -> earlier.put(row.application(), row));
            for (Row later : months.get(i).applications()) {
                Row before = earlier.get(later.application());
                if (before != null) {
                    changes.addAll(TrendRules.compare(later.application(), months.get(i).month(), before, later));
                }
            }
        }
        List<Recurred> recurred = new ArrayList<>();
        Map<String, TreeSet<String>> applicationsByMode = new TreeMap<>();
        Map<String, long[]> overdueByApplication = new TreeMap<>();
        for (Portfolio.Month month : months) {
            for (Row row : month.applications()) {
                EffectivenessFigures figures = row.effectiveness();
                if (figures == null) {
                    continue;
                }
                for (EffectivenessFigures.RecurredTag tag : figures.recurrence().tags()) {
                    recurred.add(new Recurred(row.application(), month.month(), tag.failureMode(),
                            tag.retrospective(), tag.recurredIn()));
                    applicationsByMode.computeIfAbsent(tag.failureMode(), unused -> new TreeSet<>())
                            .add(row.application());
                }
                if (figures.overdue().items() > 0) {
                    long[] tally = overdueByApplication.computeIfAbsent(row.application(), unused -> new long[2]);
                    tally[0] += figures.overdue().items();
                    tally[1] = Math.max(tally[1], figures.overdue().oldestDays());
                }
            }
        }
        List<ApplicationOverdue> overdue = new ArrayList<>();
        overdueByApplication.forEach((name, tally) -> overdue.add(new ApplicationOverdue(name, (int) tally[0],
                tally[1])));
        int items = overdue.stream().mapToInt(ApplicationOverdue::items).sum();
        Long oldest = overdue.stream().map(ApplicationOverdue::oldestDays).max(Long::compareTo).orElse(null);
        List<SharedFailureMode> shared = new ArrayList<>();
        applicationsByMode.forEach((mode, names) -> {
            // With teams, two applications of one team recurring is that team's to fix; across teams, nobody's.
            List<String> owners = teams.rollsUp()
                    ? names.stream().map(teams::teamOf).distinct().sorted(TeamScope.ORDER).toList() : List.of();
            if (teams.rollsUp() ? owners.size() > 1 : names.size() > 1) {
                shared.add(new SharedFailureMode(mode, List.copyOf(names), owners));
            }
        });
        return new Portfolio.Trend(changes, recurred, new Portfolio.Overdue(items, oldest, overdue), shared);
    }
}
