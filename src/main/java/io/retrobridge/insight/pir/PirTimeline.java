package io.retrobridge.insight.pir;

import io.retrobridge.domain.Alert;
import io.retrobridge.domain.ChangeStateMove;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.PirSummary.TimelineEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The moments around a release on one timeline, oldest first: each deployment's start and end (a rollback's end as
 * {@code rollback}), with the run's link; each alert's firing and resolution, with where its expression is graphed;
 * the change's state moves. Moments at the same instant keep that order.
 */
final class PirTimeline {

    private PirTimeline() {
    }

    static List<TimelineEntry> of(Collection<Deployment> deployments, Collection<Alert> alerts,
                                  Collection<ChangeStateMove> moves) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Deployment run : deployments) {
            String what = run.application() + " " + run.version() + " to " + run.environment();
            if (run.startedAt() != null) {
                entries.add(new TimelineEntry(run.startedAt(), "deployment-started", what + " started"
                        + (run.pipeline() == null ? "" : " (" + run.pipeline() + ")"), run.runUrl()));
            }
            if (run.finishedAt() != null && run.result().finished()) {
                entries.add(new TimelineEntry(run.finishedAt(), run.rollback() ? "rollback" : "deployment-finished",
                        what + (run.rollback() ? " rolled back: " : " finished: ") + run.result(), run.runUrl()));
            }
        }
        for (Alert alert : alerts) {
            entries.add(new TimelineEntry(alert.startsAt(), "alert-fired", alert.name() + " fired"
                    + (alert.severity() == null ? "" : " (" + alert.severity() + ")")
                    + (alert.summary() == null ? "" : ": " + alert.summary()), alert.generatorUrl()));
            alert.firedFor().ifPresent(fired -> entries.add(new TimelineEntry(alert.endsAt(), "alert-resolved",
                    alert.name() + " resolved after " + DurationWords.of(fired), alert.generatorUrl())));
        }
        for (ChangeStateMove move : moves) {
            entries.add(new TimelineEntry(move.at(), "change-state", move.from() == null
                    ? move.changeNumber() + " seen in " + move.to().label()
                    : move.changeNumber() + " moved from " + move.from().label() + " to " + move.to().label(), null));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    /** Durations as people say them: 12m, 1h 5m, 24h, 45s (seconds only under a minute). */
    static final class DurationWords {

        private DurationWords() {
        }

        static String of(Duration duration) {
            long seconds = duration.toSeconds();
            if (seconds < 60) {
                return seconds + "s";
            }
            long hours = seconds / 3600;
            long minutes = seconds % 3600 / 60;
            List<String> parts = new ArrayList<>();
            if (hours > 0) {
                parts.add(hours + "h");
            }
            if (minutes > 0) {
                parts.add(minutes + "m");
            }
            return String.join(" ", parts);
        }
    }
}
