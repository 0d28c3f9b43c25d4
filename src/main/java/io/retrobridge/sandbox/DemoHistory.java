package io.retrobridge.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The demo's last three months, the three whole calendar months before the current one, so the reports' month
 * buckets hold the same figures whichever day the demo starts: four applications releasing more often and failing
 * less as the months go on, the alerts that marked their failed releases, and the retrospectives held for those
 * failures with their action items (some done on time, some late, one cancelled, two still open and overdue). The
 * failure mode config-drift recurs in inventory and in search, each after the earlier retrospective's actions closed.
 * <p>
 * A failure is an alert that fired minutes after a successful run and resolved {@code recoveryMinutes} after the run
 * finished, as DevLake links alerts to deployments; the release itself went through. Days are days of the month, all
 * 28 or less, so every month has them; payment-gateway's runs end by day 20 of the last month, before the demo's own
 * 4.1.3 release (nine days before start-up) can fall into that month.
 *
 * @param months  the three months, oldest first
 * @param runs    every production run, oldest first per application
 * @param retrospectives one per failure that had one, oldest first
 */
public record DemoHistory(List<YearMonth> months, List<Run> runs, List<Retro> retrospectives) {

    public static final String CONFIG_DRIFT = "config-drift";
    /** How long each pipeline run takes. */
    public static final Duration RUN_LENGTH = Duration.ofMinutes(8);
    /** An alert fires this long after the run that caused it finished. */
    public static final Duration ALERT_DELAY = Duration.ofMinutes(5);
    private static final LocalTime RUN_START = LocalTime.of(10, 0);
    private static final LocalTime RETRO_OPENED = LocalTime.of(16, 0);
    private static final LocalTime DUE_TIME = LocalTime.of(17, 0);
    private static final LocalTime CLOSED_TIME = LocalTime.of(15, 0);

    /**
     * One production run reported by the application's GitLab pipeline.
     *
     * @param failureMinutes 0 when nothing went wrong; else how long after the run finished the alert resolved
     * @param leadTime       from the deployed commit to the run's end
     */
    public record Run(String application, String version, int pipelineId, Instant startedAt, Duration leadTime,
                      int failureMinutes) {

        public Instant finishedAt() {
            return startedAt.plus(RUN_LENGTH);
        }

        public Instant committedAt() {
            return finishedAt().minus(leadTime);
        }

        public boolean failed() {
            return failureMinutes > 0;
        }

        public Instant alertFired() {
            return finishedAt().plus(ALERT_DELAY);
        }

        public Instant alertResolved() {
            return finishedAt().plus(Duration.ofMinutes(failureMinutes));
        }
    }

    /** An action item: {@code closedOn} null while open; cancelled items are closed too. */
    public record Item(String title, LocalDate due, LocalDate closedOn, boolean cancelled) {

        public Instant dueAt() {
            return due.atTime(DUE_TIME).toInstant(ZoneOffset.UTC);
        }

        public Instant closedAt() {
            return closedOn == null ? null : closedOn.atTime(CLOSED_TIME).toInstant(ZoneOffset.UTC);
        }
    }

    /**
     * The retrospective of a failed run, held as a ServiceNow problem its action items hang under.
     *
     * @param problemTitle the problem's short description, which finds it in the sandbox
     */
    public record Retro(Run failure, String problemTitle, String failureMode, Instant openedAt, List<Item> items) {

        public Retro {
            Objects.requireNonNull(failure, "failure");
            items = List.copyOf(items);
        }

        /** The key RetroBridge gives a release without a change. */
        public String key() {
            return "release:" + failure.application() + ":production:" + failure.version();
        }
    }

    /** The history as seen from {@code now}: the three months before now's month (UTC). */
    public static DemoHistory before(Instant now) {
        return of(YearMonth.from(now.atZone(ZoneOffset.UTC)));
    }

    /** The history of the three months before {@code current}. */
    public static DemoHistory of(YearMonth current) {
        YearMonth first = current.minusMonths(3);
        YearMonth second = current.minusMonths(2);
        YearMonth third = current.minusMonths(1);
        Builder history = new Builder(first, second, third);
        // Lead time falls from three days to a working day to a few hours as the pipelines get faster.
        history.application("payment-gateway", "4.0.", 7100)
                .month(0, 72, 5, 14, 23).fails(14, 180)
                .month(1, 30, 3, 8, 13, 18, 24).fails(8, 120)
                .month(2, 6, 2, 5, 8, 11, 14, 17, 20);
        history.application("checkout", "2.6.", 8100)
                .month(0, 72, 4, 12, 20).fails(12, 240)
                .month(1, 30, 2, 7, 12, 17, 22, 27).fails(17, 90)
                .month(2, 6, 1, 4, 7, 10, 13, 16, 19, 22, 25);
        history.application("inventory", "1.", 9100)
                .month(0, 72, 6, 13, 20).fails(6, 300).fails(13, 300)
                .month(1, 30, 3, 10, 17, 24, 28).fails(10, 120)
                .month(2, 6, 3, 6, 9, 12, 15, 18, 21, 24);
        history.application("search", "3.", 9600)
                .month(0, 72, 9, 18, 26).fails(9, 200)
                .month(1, 30, 5, 11, 16, 21, 26).fails(16, 100)
                .month(2, 6, 4, 9, 14, 19, 24, 27);
        // checkout's failures had no retrospective: its next one is the demo's own, opened for the banner's curl line.
        history.retro("payment-gateway", 0, 14, "Payment gateway timed out under load", "timeout",
                new Item("Raise the gateway client timeout to 5 s", first.atDay(21), first.atDay(18), false),
                new Item("Alert on gateway p95 latency", first.atDay(24), first.atDay(24), false));
        history.retro("payment-gateway", 1, 8, "Payment gateway ran out of capacity at peak", "capacity",
                new Item("Add a second gateway node before peak", second.atDay(20), second.atDay(15), false));
        history.retro("inventory", 0, 6, "Inventory read a stale warehouse config", CONFIG_DRIFT,
                new Item("Check the warehouse config into the deploy repository", first.atDay(16), first.atDay(14),
                        false),
                new Item("Diff live config against the repository in CI", first.atDay(16), first.atDay(22), false));
        history.retro("inventory", 0, 13, "Inventory stock sync lagged unnoticed", "missing-alert",
                new Item("Alert on stock sync lag", first.atDay(27), first.atDay(25), false));
        history.retro("inventory", 1, 10, "Inventory config drifted again after a hotfix", CONFIG_DRIFT,
                new Item("Block deploys while the config diff is not empty", second.atDay(20), second.atDay(19),
                        false),
                new Item("Move the remaining inventory config into the repository", second.atDay(28), null, false));
        history.retro("search", 0, 9, "Search index settings differed between nodes", CONFIG_DRIFT,
                new Item("Pin the index settings in the deployment", first.atDay(19), first.atDay(17), false));
        history.retro("search", 1, 16, "Search index settings drifted after a reindex", CONFIG_DRIFT,
                new Item("Compare live index settings nightly", second.atDay(26), third.atDay(3), false),
                new Item("Rebuild the search config tool", second.atDay(28), second.atDay(20), true),
                new Item("Name an owner for the index settings", third.atDay(6), null, false));
        return new DemoHistory(List.of(first, second, third), List.copyOf(history.runs),
                List.copyOf(history.retros));
    }

    /** The runs of one application, oldest first. */
    public List<Run> runsOf(String application) {
        return runs.stream().filter(run -> run.application().equals(application)).toList();
    }

    /** Collects the runs month by month, numbering versions and pipelines in order. */
    private static final class Builder {

        private final List<YearMonth> months;
        private final List<Run> runs = new ArrayList<>();
        private final List<Retro> retros = new ArrayList<>();
        private String application;
        private String versionPrefix;
        private int pipeline;
        private int release;
        private int month;

        Builder(YearMonth... months) {
            this.months = List.of(months);
        }

        Builder application(String name, String versionPrefix, int firstPipeline) {
            this.application = name;
            this.versionPrefix = versionPrefix;
            this.pipeline = firstPipeline;
            this.release = 0;
            return this;
        }

        Builder month(int index, int leadHours, int... days) {
            this.month = index;
            for (int day : days) {
                Instant started = months.get(index).atDay(day).atTime(RUN_START).toInstant(ZoneOffset.UTC);
                runs.add(new Run(application, versionPrefix + release++, pipeline++, started,
                        Duration.ofHours(leadHours), 0));
            }
            return this;
        }

        /** The run of this month's {@code day} failed; the alert resolved {@code minutes} after it finished. */
        Builder fails(int day, int minutes) {
            Run run = run(application, month, day);
            runs.set(runs.indexOf(run), new Run(run.application(), run.version(), run.pipelineId(), run.startedAt(),
                    run.leadTime(), minutes));
            return this;
        }

        void retro(String app, int index, int day, String title, String failureMode, Item... items) {
            Run failure = run(app, index, day);
            if (!failure.failed()) {
                throw new IllegalStateException(app + " did not fail on day " + day);
            }
            retros.add(new Retro(failure, title, failureMode,
                    months.get(index).atDay(day).atTime(RETRO_OPENED).toInstant(ZoneOffset.UTC), List.of(items)));
        }

        private Run run(String app, int index, int day) {
            LocalDate date = months.get(index).atDay(day);
            return runs.stream().filter(run -> run.application().equals(app)
                    && run.startedAt().atZone(ZoneOffset.UTC).toLocalDate().equals(date)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no run of " + app + " on " + date));
        }
    }
}
