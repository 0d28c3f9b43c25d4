package io.retrobridge.transport;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs fixed-rate tasks (the rate limiters' refreshes) on a test's clock instead of a thread: a task is run when the
 * test moves the clock past its due time and calls {@link #runDue()}. Only what the limiters use is supported.
 */
final class ClockScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final Clock clock;
    private final List<Periodic> tasks = new CopyOnWriteArrayList<>();
    private volatile boolean shutdown;

    ClockScheduler(Clock clock) {
        this.clock = clock;
    }

    /** The clock's time in nanoseconds, the time the tasks are due in. */
    long nanoTime() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Runs every task as often as it fell due up to the clock's time. */
    void runDue() {
        for (Periodic task : tasks) {
            while (!task.cancelled && task.dueNanos <= nanoTime()) {
                task.dueNanos += task.periodNanos;
                task.work.run();
            }
        }
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable work, long initialDelay, long period, TimeUnit unit) {
        Periodic task = new Periodic(work, nanoTime() + unit.toNanos(initialDelay), unit.toNanos(period));
        tasks.add(task);
        return task;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("only fixed-rate tasks");
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("only fixed-rate tasks");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("only fixed-rate tasks");
    }

    @Override
    public void execute(Runnable command) {
        throw new UnsupportedOperationException("only fixed-rate tasks");
    }

    @Override
    public void shutdown() {
        shutdown = true;
        tasks.forEach(task -> task.cancel(false));
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }

    private final class Periodic implements ScheduledFuture<Object> {

        final Runnable work;
        final long periodNanos;
        volatile long dueNanos;
        volatile boolean cancelled;

        Periodic(Runnable work, long dueNanos, long periodNanos) {
            this.work = work;
            this.dueNanos = dueNanos;
            this.periodNanos = periodNanos;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled;
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException("a periodic task has no result");
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException("a periodic task has no result");
        }
    }
}
