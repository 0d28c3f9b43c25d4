package io.retrobridge.retro;

import io.retrobridge.domain.ChangeStateMove;
import io.retrobridge.domain.Deployment;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The rows of a retrospective's timeline: every deployment run (build, test and deploy pipelines alike) with its
 * outcome, duration and rollback, and every state move of the change, in time order.
 */
final class Timeline {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * One row.
     *
     * @param link     where the run is opened; null when none
     * @param outcome  "" when the row has none (a state move)
     * @param duration "" when unknown
     */
    record Row(Instant at, String when, String what, String link, String outcome, String duration) {
    }

    private Timeline() {
    }

    /** Runs by their start (their end when only that is known), moves by when they were seen; ties keep runs first. */
    static List<Row> of(List<Deployment> deployments, List<ChangeStateMove> moves) {
        List<Row> rows = new ArrayList<>();
        deployments.forEach(run -> rows.add(row(run)));
        moves.forEach(move -> rows.add(row(move)));
        rows.sort(Comparator.comparing(Row::at));
        return List.copyOf(rows);
    }

    private static Row row(Deployment run) {
        Instant at = run.startedAt() != null ? run.startedAt() : run.finishedAt();
        String what = (run.pipeline() == null ? "" : run.pipeline() + ": ") + "deploy " + run.application() + " "
                + run.version() + " to " + run.environment();
        String outcome = run.result().name().toLowerCase(Locale.ROOT) + (run.rollback() ? ", rollback" : "");
        String duration = run.startedAt() != null && run.finishedAt() != null
                ? duration(Duration.between(run.startedAt(), run.finishedAt())) : "";
        return new Row(at, WHEN.format(at), what, run.runUrl(), outcome, duration);
    }

    private static Row row(ChangeStateMove move) {
        String what = "change " + move.changeNumber() + (move.from() == null ? " is " + move.to().label()
                : " moved " + move.from().label() + " \u2192 " + move.to().label());
        return new Row(move.at(), WHEN.format(move.at()), what, null, "", "");
    }

    /** e.g. "1h 4m 5s", "4m 0s", "12s". */
    static String duration(Duration length) {
        long seconds = length.truncatedTo(ChronoUnit.SECONDS).getSeconds();
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            return hours + "h " + minutes + "m " + rest + "s";
        }
        return minutes > 0 ? minutes + "m " + rest + "s" : rest + "s";
    }
}
