package io.retrobridge.insight;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Runs a read that shares nothing with the asking thread's own on a thread of its own, so a report takes about as
 * long as the slower of the two, not their sum. When every thread is busy the asking thread runs it itself.
 */
@Component
public class SideReads {

    private final ThreadPoolExecutor threads = new ThreadPoolExecutor(0, 8, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), SideReads::daemon, new ThreadPoolExecutor.CallerRunsPolicy());

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "report-side-read");
        thread.setDaemon(true);
        return thread;
    }

    /** A read under way. */
    public static final class Pending<T> {

        private final CompletableFuture<T> read;

        private Pending(CompletableFuture<T> read) {
            this.read = read;
        }

        /** Its answer, or what it threw as itself, as if it had been read on this thread. */
        public T join() {
            try {
                return read.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }

    public <T> Pending<T> start(Supplier<T> read) {
        return new Pending<>(CompletableFuture.supplyAsync(read, threads));
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
