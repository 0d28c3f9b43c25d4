package io.retrobridge.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two instances, several callers each, one PostgreSQL: together they start no more calls per second than the
 * system's limit, and every caller gets its turn. The starts counted are the database's, which hands them out;
 * each caller then sleeps until its start (see {@link SharedPacingTest}).
 */
class SharedPacingOnPostgresTest {

    static final int PER_SECOND = 10;
    static final int NODES = 2;
    static final int THREADS_PER_NODE = 3;
    static final int PERMITS_PER_THREAD = 7;

    @Test
    void twoInstancesTogetherStayWithinTheRateAndEveryCallerIsServed() throws Exception {
        try (SharedBucketsDatabase database = new SharedBucketsDatabase()) {
            List<Pacing> nodes = List.of(database.node(1), database.node(1));
            ExecutorService callers = Executors.newFixedThreadPool(NODES * THREADS_PER_NODE);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> served = new ArrayList<>();
            for (Pacing node : nodes) {
                for (int thread = 0; thread < THREADS_PER_NODE; thread++) {
                    served.add(callers.submit(() -> {
                        go.await();
                        for (int permit = 0; permit < PERMITS_PER_THREAD; permit++) {
                            node.awaitPermission("Jira", PER_SECOND);
                        }
                        return PERMITS_PER_THREAD;
                    }));
                }
            }
            go.countDown();
            callers.shutdown();
            assertThat(callers.awaitTermination(2, TimeUnit.MINUTES)).as("every caller finished").isTrue();

            int total = 0;
            for (Future<Integer> caller : served) {
                total += caller.get();
            }
            List<Long> starts = database.startsMicros();
            assertThat(total).isEqualTo(NODES * THREADS_PER_NODE * PERMITS_PER_THREAD);
            assertThat(starts).hasSize(total);
            assertThat(SharedBucketsDatabase.mostStartsInOneSecond(starts)).as("starts in any one second")
                    .isLessThanOrEqualTo(PER_SECOND);
        }
    }
}
