package io.retrobridge.insight.delivery;

import io.retrobridge.domain.Alert;
import io.retrobridge.insight.team.TeamScope;
import io.retrobridge.sync.AlertStore;
import io.retrobridge.sync.DeliveryHistory;
import io.retrobridge.sync.DeliveryHistory.DeliveredRun;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Reads the deployments and alerts a delivery report needs and computes it. */
@Component
public class DeliveryReport {

    private final DeliveryHistory history;
    private final AlertStore alerts;
    private final DeliveryRules rules;

    public DeliveryReport(DeliveryHistory history, AlertStore alerts, DeliveryProperties settings) {
        this.history = history;
        this.alerts = alerts;
        this.rules = settings.rules();
    }

    /** How many buckets [from, to) is cut into, counted up to {@code limit} + 1 at most. */
    public static long bucketCount(Instant from, Instant to, Granularity granularity, java.time.ZoneId zone,
                                   long limit) {
        long count = 0;
        LocalDate start = granularity.bucketOf(LocalDate.ofInstant(from, zone));
        while (count <= limit && start.atStartOfDay(zone).toInstant().isBefore(to)) {
            count++;
            start = granularity.next(start);
        }
        return count;
    }

    public Delivery report(DeliveryQuery query) {
        return report(query, TeamScope.NONE);
    }

    /** The report of the applications {@code teams} includes, with their team roll-ups. */
    public Delivery report(DeliveryQuery query, TeamScope teams) {
        // Runs before the window decide whether the first runs in it are rework; runs and alerts after it decide
        // whether its last runs failed and when they were restored.
        Instant loadedTo = query.to().plus(rules.failureWindow());
        Instant loadedFrom = query.from().minus(rules.reworkWindow());
        Map<String, List<DeliveredRun>> byApplication = history.finishedBetween(query.application(),
                        query.environment(), loadedFrom, loadedTo).stream()
                .filter(run -> teams.includes(run.deployment().application()))
                .collect(Collectors.groupingBy(run -> run.deployment().application(), TreeMap::new,
                        Collectors.toList()));
        Duration window = Duration.between(query.from(), query.to());
        Map<String, List<Alert>> alertsByApplication = alerts.activeBetween(byApplication.keySet(), loadedFrom,
                loadedTo);
        List<ClassifiedRun> everyRun = new ArrayList<>();
        List<Delivery.ApplicationDelivery> applications = new ArrayList<>();
        Map<String, List<ClassifiedRun>> inWindowByApplication = new TreeMap<>();
        byApplication.forEach((application, runs) -> {
            List<Alert> firings = alertsByApplication.getOrDefault(application, List.of());
            List<ClassifiedRun> inWindow = DeliveryCalculator.classify(runs, firings, rules).stream()
                    .filter(run -> within(run.finishedAt(), query.from(), query.to())).toList();
            if (inWindow.isEmpty()) {
                return;
            }
            everyRun.addAll(inWindow);
            inWindowByApplication.put(application, inWindow);
            applications.add(new Delivery.ApplicationDelivery(application, query.environment(),
                    DeliveryCalculator.figures(inWindow, window, query.events()), buckets(query, inWindow)));
        });
        DeliveryFigures overall = DeliveryCalculator.figures(everyRun, window, query.events());
        return new Delivery(query, rules, overall, applications, teams.team(),
                TeamDeliveries.of(teams, inWindowByApplication, query, overall));
    }

    static List<Delivery.Bucket> buckets(DeliveryQuery query, List<ClassifiedRun> runs) {
        // Each run to its bucket in one pass: a team of hundreds of applications has tens of thousands of runs.
        Map<LocalDate, List<ClassifiedRun>> byBucket = new HashMap<>();
        for (ClassifiedRun run : runs) {
            if (within(run.finishedAt(), query.from(), query.to())) {
                byBucket.computeIfAbsent(query.granularity().bucketOf(LocalDate.ofInstant(run.finishedAt(),
                        query.zone())), unused -> new ArrayList<>()).add(run);
            }
        }
        List<Delivery.Bucket> buckets = new ArrayList<>();
        LocalDate start = query.granularity().bucketOf(LocalDate.ofInstant(query.from(), query.zone()));
        while (start.atStartOfDay(query.zone()).toInstant().isBefore(query.to())) {
            LocalDate next = query.granularity().next(start);
            Instant from = latest(start.atStartOfDay(query.zone()).toInstant(), query.from());
            Instant to = earliest(next.atStartOfDay(query.zone()).toInstant(), query.to());
            List<ClassifiedRun> inBucket = byBucket.getOrDefault(start, List.of());
            buckets.add(new Delivery.Bucket(start, from, to,
                    DeliveryCalculator.figures(inBucket, Duration.between(from, to), query.events())));
            start = next;
        }
        return buckets;
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
