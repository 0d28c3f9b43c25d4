package io.retrobridge.insight.delivery;

import io.retrobridge.domain.Alert;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.sync.DeliveryHistory.DeliveredRun;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Pure: classifies the runs of one application to one environment, and computes the five figures over a set. */
public final class DeliveryCalculator {

    private static final Comparator<DeliveredRun> BY_FINISH = Comparator
            .comparing((DeliveredRun run) -> run.deployment().finishedAt())
            .thenComparing(run -> run.deployment().source().name())
            .thenComparing(run -> run.deployment().runId());

    private DeliveryCalculator() {
    }

    /**
     * Classifies the finished runs of one application to one environment, oldest first: which failed (it failed or was
     * aborted; or the next run, a rollback, finished within the failure window; or an alert linked to it started
     * within that window), when service was restored after a failure (the earlier of its linked alerts' last
     * resolution and the next successful run's finish), and which are rework (a rollback, or a run started within
     * the rework window after a failed run finished).
     *
     * @param history the runs, with some history before the period (for rework) and after it (for failures)
     * @param alerts  alert firings of the application; only those linked to a run count
     */
    public static List<ClassifiedRun> classify(Collection<DeliveredRun> history, Collection<Alert> alerts,
                                               DeliveryRules rules) {
        List<DeliveredRun> runs = history.stream().filter(run -> run.deployment().result().finished())
                .sorted(BY_FINISH).toList();
        Map<String, List<Alert>> alertsByRun = alerts.stream().filter(alert -> alert.deploymentRun() != null)
                .collect(Collectors.groupingBy(Alert::deploymentRun));
        Deployment[] nextSuccessful = nextSuccessful(runs);
        List<ClassifiedRun> classified = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            Deployment run = runs.get(i).deployment();
            Deployment next = i + 1 < runs.size() ? runs.get(i + 1).deployment() : null;
            Instant failureEnds = run.finishedAt().plus(rules.failureWindow());
            List<Alert> linked = alertsByRun.isEmpty() ? List.of()
                    : alertsByRun.getOrDefault(run.source().name() + ":" + run.runId(), List.of())
                    .stream().filter(alert -> !alert.startsAt().isBefore(run.finishedAt())
                            && alert.startsAt().isBefore(failureEnds)).toList();
            String failure = failure(run, next, linked, failureEnds);
            Instant restoredAt = null;
            String restoredBy = null;
            if (failure != null) {
                Deployment nextGood = nextSuccessful[i];
                Instant alertsResolved = linked.isEmpty() || linked.stream().anyMatch(alert -> !alert.resolved()) ? null
                        : linked.stream().map(Alert::endsAt).max(Comparator.naturalOrder()).orElseThrow();
                if (alertsResolved != null && (nextGood == null || !nextGood.finishedAt().isBefore(alertsResolved))) {
                    restoredAt = alertsResolved;
                    restoredBy = "alert resolved";
                } else if (nextGood != null) {
                    restoredAt = nextGood.finishedAt();
                    restoredBy = "next successful deployment " + nextGood.source().name() + ":" + nextGood.runId();
                }
            }
            classified.add(new ClassifiedRun(run, runs.get(i).commitAt(), failure, restoredAt, restoredBy,
                    rework(run, i == 0 ? null : classified.get(i - 1), rules)));
        }
        return classified;
    }

    /** For each run, the first successful run after it; null when none. One pass from the newest run back. */
    private static Deployment[] nextSuccessful(List<DeliveredRun> runs) {
        Deployment[] next = new Deployment[runs.size()];
        Deployment successful = null;
        for (int i = runs.size() - 1; i >= 0; i--) {
            next[i] = successful;
            Deployment run = runs.get(i).deployment();
            if (run.result() == DeploymentResult.SUCCESS) {
                successful = run;
            }
        }
        return next;
    }

    private static String failure(Deployment run, Deployment next, List<Alert> linked, Instant failureEnds) {
        if (run.result() == DeploymentResult.FAILURE || run.result() == DeploymentResult.ABORTED) {
            return "deployment " + run.result().name().toLowerCase(java.util.Locale.ROOT);
        }
        if (next != null && next.rollback() && next.finishedAt().isBefore(failureEnds)) {
            return "rolled back by " + next.source().name() + ":" + next.runId();
        }
        return linked.isEmpty() ? null : "alert " + linked.get(0).name() + " fired";
    }

    private static String rework(Deployment run, ClassifiedRun previous, DeliveryRules rules) {
        if (run.rollback()) {
            return "rollback";
        }
        if (previous == null || !previous.failed()) {
            return null;
        }
        Instant started = run.startedAt() != null ? run.startedAt() : run.finishedAt();
        return started.isBefore(previous.finishedAt().plus(rules.reworkWindow()))
                ? "after failed deployment " + previous.key() : null;
    }

    /**
     * The five figures over {@code runs} (classified, all finished in a period of {@code period} length).
     *
     * @param events whether to list the events behind each figure
     */
    public static DeliveryFigures figures(List<ClassifiedRun> runs, Duration period, boolean events) {
        List<ClassifiedRun> successful = runs.stream().filter(ClassifiedRun::successful).toList();
        double perDay = successful.size() / (period.toMillis() / (double) Duration.ofDays(1).toMillis());
        DeliveryFigures.Frequency frequency = new DeliveryFigures.Frequency(successful.size(), perDay,
                successful.isEmpty() ? null : DoraBand.ofDeploymentsPerDay(perDay),
                list(events, () -> successful.stream().map(run -> run.event("deployed", null)).toList()));

        List<ClassifiedRun> withCommit = successful.stream().filter(run -> run.commitAt() != null
                && !run.commitAt().isAfter(run.finishedAt())).toList();
        Duration leadTime = median(withCommit.stream()
                .mapToLong(run -> run.commitAt().until(run.finishedAt(), ChronoUnit.NANOS)).toArray());
        DeliveryFigures.LeadTime lead = new DeliveryFigures.LeadTime(leadTime, withCommit.size(),
                successful.size() - withCommit.size(), leadTime == null ? null : DoraBand.ofLeadTime(leadTime),
                list(events, () -> withCommit.stream().map(run -> run.event("committed " + run.commitAt(),
                        Duration.between(run.commitAt(), run.finishedAt()))).toList()));

        List<ClassifiedRun> failed = runs.stream().filter(ClassifiedRun::failed).toList();
        Double failRate = runs.isEmpty() ? null : (double) failed.size() / runs.size();
        DeliveryFigures.FailRate failures = new DeliveryFigures.FailRate(failed.size(), runs.size(), failRate,
                failRate == null ? null : DoraBand.ofChangeFailRate(failRate),
                list(events, () -> failed.stream().map(run -> run.event(run.failure(), null)).toList()));

        List<ClassifiedRun> restored = failed.stream().filter(run -> run.restoredAt() != null).toList();
        Duration recoveryTime = median(restored.stream()
                .mapToLong(run -> run.finishedAt().until(run.restoredAt(), ChronoUnit.NANOS)).toArray());
        DeliveryFigures.Recovery recovery = new DeliveryFigures.Recovery(recoveryTime, restored.size(),
                failed.size() - restored.size(), recoveryTime == null ? null : DoraBand.ofRecoveryTime(recoveryTime),
                list(events, () -> failed.stream().map(run -> run.restoredAt() == null ? run.event("not restored", null)
                        : run.event("restored by " + run.restoredBy() + " at " + run.restoredAt(),
                        Duration.between(run.finishedAt(), run.restoredAt()))).toList()));

        List<ClassifiedRun> rework = runs.stream().filter(run -> run.rework() != null).toList();
        DeliveryFigures.Rework reworkRate = new DeliveryFigures.Rework(rework.size(), runs.size(),
                runs.isEmpty() ? null : (double) rework.size() / runs.size(), null,
                list(events, () -> rework.stream().map(run -> run.event(run.rework(), null)).toList()));
        return new DeliveryFigures(frequency, lead, failures, recovery, reworkRate);
    }

    /** The events behind a figure, built only when asked for: most reports want the figures alone. */
    private static List<DeliveryEvent> list(boolean wanted, Supplier<List<DeliveryEvent>> events) {
        return wanted ? events.get() : List.of();
    }

    /**
     * The middle value; of an even count, the mean of the two middle values. In nanoseconds: a year of a portfolio's
     * runs is a hundred thousand of them, and a primitive sort is far cheaper than one of durations.
     */
    static Duration median(long[] nanos) {
        if (nanos.length == 0) {
            return null;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? Duration.ofNanos(sorted[middle])
                : Duration.ofNanos(sorted[middle - 1]).plus(Duration.ofNanos(sorted[middle])).dividedBy(2);
    }
}
