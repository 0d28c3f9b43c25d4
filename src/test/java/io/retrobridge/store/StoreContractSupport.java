package io.retrobridge.store;

import com.zaxxer.hikari.HikariDataSource;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.sync.RetrospectiveStore;
import io.retrobridge.testsupport.MutableClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Runs a port's contract against one database: a fresh database per test class, migrated by the application's
 * Flyway migrations, emptied before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContractSupport {

    /** Tables children first, so rows can be deleted in this order. */
    private static final List<String> TABLES = List.of("unreadable_records", "write_intents", "escalations", "escalation_group_tickets",
            "follow_up_facts", "comment_links", "link_snapshots", "link_external_ids", "links", "journal",
            "dead_letters", "inbound_events", "watermarks");

    protected static final Instant START = Instant.parse("2026-11-26T08:00:00.123456Z");

    protected final MutableClock clock = new MutableClock(START);
    private HikariDataSource dataSource;
    private AnnotationConfigApplicationContext context;

    abstract TestDatabase database();

    @BeforeAll
    void openStore() throws SQLException {
        dataSource = database().createEmpty();
        Flyway.configure().dataSource(dataSource).locations(AppFlywaySettings.locations()).load().migrate();
        context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> dataSource);
        context.registerBean(Clock.class, () -> clock);
        context.register(StoreTestConfiguration.class);
        context.refresh();
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    @AfterAll
    void closeStore() throws SQLException {
        // Drop first: closing the context would close the pool the drop needs.
        if (dataSource != null) {
            database().drop(dataSource);
        }
        if (context != null) {
            context.close();
        }
    }

    protected <T> T port(Class<T> type) {
        return context.getBean(type);
    }

    /** Opens a retrospective for a failed payment-gateway change, keyed {@code key}, at {@link #START}. */
    protected Retrospective openRetrospective(String key) {
        return port(RetrospectiveStore.class).open(new RetrospectiveTrigger(key, "failed-production-change",
                "deep-dive", List.of("root-cause"), List.of("lessons"), "change closed unsuccessful", "payment-gateway",
                "production", "4.2", "CHG0030001", null, LocalDate.of(2026, 12, 3), START, List.of(key)),
                "problem", START);
    }

    /** What one of several concurrent calls returned or threw. */
    protected record Outcome<T>(T value, Throwable failure) {
        boolean succeeded() {
            return failure == null;
        }
    }

    /** Runs {@code task} on {@code threads} threads released at the same moment; returns each outcome. */
    protected static <T> List<Outcome<T>> raceOn(int threads, Callable<T> task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> results = IntStream.range(0, threads).mapToObj(i -> pool.submit(() -> {
                ready.countDown();
                go.await();
                return task.call();
            })).toList();
            ready.await();
            go.countDown();
            pool.shutdown();
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new AssertionError("concurrent calls did not finish within 30 s (deadlock?)");
            }
            return results.stream().map(StoreContractSupport::outcome).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> Outcome<T> outcome(Future<T> future) {
        try {
            return new Outcome<>(future.get(), null);
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
