package io.retrobridge.transport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.retrobridge.store.JdbcRateBuckets;
import io.retrobridge.store.SharedPostgres;
import io.retrobridge.sync.RateBuckets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new PostgreSQL database with the application's migrations, and instances ("nodes") on it: each has its own
 * connection pool and its own {@link SharedPacing}, as separate processes would. Every permit the database hands
 * out is recorded with its start, on the database's clock.
 */
public final class SharedBucketsDatabase implements AutoCloseable {

    private final String url = SharedPostgres.newDatabase("rate_buckets");
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<Long> startsMicros = Collections.synchronizedList(new ArrayList<>());

    public SharedBucketsDatabase() {
        Flyway.configure().dataSource(url, "postgres", null).locations("classpath:db/migration").load().migrate();
    }

    /** One more instance's pacing on this database, with the given shared burst. */
    public Pacing node(int burst) {
        return new SharedPacing(recording(buckets()), burst, Sleeper.REAL);
    }

    /** The database's starts of every permit handed out so far, in order. */
    public List<Long> startsMicros() {
        synchronized (startsMicros) {
            return startsMicros.stream().sorted().toList();
        }
    }

    /** Forgets the starts recorded so far (the buckets keep their state). */
    public void forgetStarts() {
        startsMicros.clear();
    }

    /** The most starts that fall in any one second (a window opening at a start, closed at its start). */
    public static int mostStartsInOneSecond(List<Long> sortedStartsMicros) {
        int most = 0;
        int end = 0;
        for (int first = 0; first < sortedStartsMicros.size(); first++) {
            while (end < sortedStartsMicros.size() && sortedStartsMicros.get(end) < sortedStartsMicros.get(first) + 1_000_000) {
                end++;
            }
            most = Math.max(most, end - first);
        }
        return most;
    }

    private RateBuckets buckets() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.setPoolName("node-" + (pools.size() + 1));
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return new JdbcRateBuckets(JdbcClient.create(pool), pool);
    }

    private RateBuckets recording(RateBuckets buckets) {
        return new RateBuckets() {
            @Override
            public Optional<Limit> setLimit(String system, Limit limit) {
                return buckets.setLimit(system, limit);
            }

            @Override
            public Optional<Permit> reserve(String system) {
                Optional<Permit> permit = buckets.reserve(system);
                permit.ifPresent(granted -> startsMicros.add(granted.startsAtMicros()));
                return permit;
            }
        };
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
    }
}
