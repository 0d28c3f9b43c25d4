package io.retrobridge.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Measures shared pacing: {@code nodes} instances with {@code threadsPerNode} callers each ask for permits to one
 * system on one PostgreSQL for a while. Figures only; nothing here judges them.
 */
public final class SharedPacingFigures {

    /**
     * @param permitsPerSecond     permits granted per second, all instances together (first start to end)
     * @param permitsPerNode       how the permits fell to each instance
     * @param mostStartsInASecond  the most starts the database handed out in any one second
     */
    public record Result(int nodes, double rate, int permits, double permitsPerSecond, List<Integer> permitsPerNode,
            int mostStartsInASecond) {
    }

    private SharedPacingFigures() {
    }

    public static Result measure(int nodes, double rate, int threadsPerNode, Duration length) throws Exception {
        try (SharedBucketsDatabase database = new SharedBucketsDatabase()) {
            List<Pacing> pacers = new ArrayList<>();
            for (int node = 0; node < nodes; node++) {
                pacers.add(database.node(1));
            }
            ExecutorService callers = Executors.newFixedThreadPool(nodes * threadsPerNode);
            CountDownLatch go = new CountDownLatch(1);
            long started = System.nanoTime();
            long end = started + length.toNanos();
            List<List<Future<Integer>>> perNode = new ArrayList<>();
            for (Pacing pacer : pacers) {
                List<Future<Integer>> threads = new ArrayList<>();
                for (int thread = 0; thread < threadsPerNode; thread++) {
                    threads.add(callers.submit(() -> {
                        go.await();
                        int permits = 0;
                        while (System.nanoTime() < end) {
                            pacer.awaitPermission("Bench", rate);
                            permits++;
                        }
                        return permits;
                    }));
                }
                perNode.add(threads);
            }
            go.countDown();
            callers.shutdown();
            if (!callers.awaitTermination(length.toSeconds() + 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the callers did not finish");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            List<Integer> permitsPerNode = new ArrayList<>();
            for (List<Future<Integer>> threads : perNode) {
                int permits = 0;
                for (Future<Integer> thread : threads) {
                    permits += thread.get();
                }
                permitsPerNode.add(permits);
            }
            int permits = permitsPerNode.stream().mapToInt(Integer::intValue).sum();
            pacers.forEach(Pacing::close);
            return new Result(nodes, rate, permits, permits / seconds, permitsPerNode,
                    SharedBucketsDatabase.mostStartsInOneSecond(database.startsMicros()));
        }
    }
}
