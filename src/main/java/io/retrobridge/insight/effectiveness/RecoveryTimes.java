package io.retrobridge.insight.effectiveness;

import io.retrobridge.domain.Alert;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Recovery time of failed production deployments. A <b>failure</b> is a production run that ended FAILURE or ABORTED.
 * It is <b>restored</b> at the earlier of: the end of the next SUCCESS production run of the same application that
 * finished after it, and the resolution of an alert linked to the failed run (the alert's deployment run names it).
 * Its <b>recovery time</b> is from the failed run's end to that restoration, counted only when the restoration comes
 * within {@link #RESTORE_LIMIT}; a failure not restored by then counts in {@code failures} and not in {@code restored}.
 * Pure: the same runs and alerts give the same windows.
 */
public final class RecoveryTimes {

    /** The length of the windows before and after a retrospective's actions landed. */
    public static final Duration WINDOW = Duration.ofDays(30);
    /** How long after a failure a restoration is looked for. */
    public static final Duration RESTORE_LIMIT = Duration.ofDays(30);
    static final String PRODUCTION = "production";

    private RecoveryTimes() {
    }

    /** The runs and alerts to read for a retrospective landed at {@code landedAt}: from ... */
    public static Instant readFrom(Instant landedAt) {
        return landedAt.minus(WINDOW);
    }

    /** ... to this instant (exclusive): the after window plus time to restore its last failure. */
    public static Instant readTo(Instant landedAt) {
        return landedAt.plus(WINDOW).plus(RESTORE_LIMIT);
    }

    public static RecoveryComparison compare(TrackedRetrospective retrospective, Instant landedAt,
                                             Collection<Deployment> runs, Collection<Alert> alerts) {
        Instant beforeFrom = landedAt.minus(WINDOW);
        Instant afterTo = landedAt.plus(WINDOW);
        return new RecoveryComparison(retrospective.key(), retrospective.application(), landedAt,
                window(retrospective.application(), beforeFrom, landedAt, runs, alerts),
                window(retrospective.application(), landedAt, afterTo, runs, alerts));
    }

    static RecoveryWindow window(String application, Instant from, Instant to, Collection<Deployment> runs,
                                 Collection<Alert> alerts) {
        List<Deployment> production = runs.stream()
                .filter(run -> application.equals(run.application()) && PRODUCTION.equals(run.environment()))
                .filter(run -> run.finishedAt() != null).toList();
        List<Deployment> failures = production.stream().filter(RecoveryTimes::failed)
                .filter(run -> !run.finishedAt().isBefore(from) && run.finishedAt().isBefore(to)).toList();
        List<Long> minutes = new ArrayList<>();
        for (Deployment failure : failures) {
            restoredAt(failure, production, alerts)
                    .map(restored -> Duration.between(failure.finishedAt(), restored))
                    .filter(time -> time.compareTo(RESTORE_LIMIT) <= 0)
                    .ifPresent(time -> minutes.add(time.toMinutes()));
        }
        return RecoveryWindow.of(from, to, failures.size(), minutes);
    }

    private static boolean failed(Deployment run) {
        return run.result() == DeploymentResult.FAILURE || run.result() == DeploymentResult.ABORTED;
    }

    private static Optional<Instant> restoredAt(Deployment failure, List<Deployment> production,
                                                Collection<Alert> alerts) {
        String runRef = failure.source().name() + ":" + failure.runId();
        Stream<Instant> nextGood = production.stream().filter(run -> run.result() == DeploymentResult.SUCCESS)
                .map(Deployment::finishedAt).filter(end -> end.isAfter(failure.finishedAt()));
        Stream<Instant> alertResolved = alerts.stream().filter(alert -> runRef.equals(alert.deploymentRun()))
                .map(Alert::endsAt).filter(end -> end != null && !end.isBefore(failure.finishedAt()));
        return Stream.concat(nextGood, alertResolved).min(Instant::compareTo);
    }
}
