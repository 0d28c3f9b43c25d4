package io.retrobridge.store;

import io.retrobridge.sync.RateBuckets;
import java.sql.DatabaseMetaData;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rate_buckets table, one row per remote system. A permit is one UPDATE that moves the row's next start on by
 * one interval and answers the start it took, on the database's clock: the row lock orders the instances, and
 * nobody's own clock is asked. Each statement commits on its own, so a caller's transaction never holds the row.
 */
@Repository
public class JdbcRateBuckets implements RateBuckets {

    /** The next start, at the earliest "now minus the banked burst", moved on by one interval. */
    private static final String MOVE_ON = """
            next_at_us = GREATEST(next_at_us, %s - (burst - 1) * interval_us) + interval_us
            WHERE remote_system = :system""";

    /**
     * PostgreSQL: clock_timestamp() is the time the row is updated (after any wait for its lock), not the start of
     * the transaction; RETURNING reads it again, so the wait is counted from the answer.
     */
    private static final String POSTGRES_NOW = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)";
    private static final String POSTGRES_RESERVE = "UPDATE rate_buckets SET " + MOVE_ON.formatted(POSTGRES_NOW)
            + "\nRETURNING next_at_us - interval_us AS starts_at_us, " + POSTGRES_NOW
            + " AS now_us, requests_per_second, burst";

    /** H2 has no RETURNING; its CURRENT_TIMESTAMP is one value for the whole statement. */
    private static final String H2_NOW = "CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000000 AS BIGINT)";
    private static final String H2_RESERVE = "SELECT next_at_us - interval_us AS starts_at_us, " + H2_NOW
            + " AS now_us, requests_per_second, burst\nFROM FINAL TABLE (UPDATE rate_buckets SET "
            + MOVE_ON.formatted(H2_NOW) + ")";

    private static final RowMapper<Limit> LIMIT = (row, rowNumber) ->
            new Limit(row.getDouble("requests_per_second"), row.getInt("burst"));

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private volatile String reserve;

    public JdbcRateBuckets(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    // Read, then update, else insert: portable across H2 and PostgreSQL (no common upsert). Instances starting
    // together may each read the other's limit; the last write wins either way.
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<Limit> setLimit(String system, Limit limit) {
        Optional<Limit> before = jdbc.sql("SELECT requests_per_second, burst FROM rate_buckets WHERE remote_system = :system")
                .param("system", system).query(LIMIT).optional();
        if (update(system, limit) > 0) {
            return before;
        }
        try {
            // next_at_us 0: long past, so the new bucket starts with its burst banked.
            jdbc.sql("""
                            INSERT INTO rate_buckets (remote_system, requests_per_second, burst, interval_us, next_at_us)
                            VALUES (:system, :perSecond, :burst, :interval, 0)
                            """)
                    .param("system", system)
                    .param("perSecond", limit.perSecond())
                    .param("burst", limit.burst())
                    .param("interval", limit.intervalMicros())
                    .update();
        } catch (DuplicateKeyException createdElsewhere) {
            update(system, limit);
        }
        return before;
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<Permit> reserve(String system) {
        return jdbc.sql(reserveStatement()).param("system", system)
                .query((row, rowNumber) -> new Permit(row.getLong("starts_at_us"), row.getLong("now_us"),
                        LIMIT.mapRow(row, rowNumber)))
                .optional();
    }

    private int update(String system, Limit limit) {
        return jdbc.sql("""
                        UPDATE rate_buckets SET requests_per_second = :perSecond, burst = :burst, interval_us = :interval
                        WHERE remote_system = :system
                        """)
                .param("system", system)
                .param("perSecond", limit.perSecond())
                .param("burst", limit.burst())
                .param("interval", limit.intervalMicros())
                .update();
    }

    /** Asked on first use, not at start, so building the store needs no connection. */
    private String reserveStatement() {
        String statement = reserve;
        if (statement == null) {
            try {
                String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
                statement = "PostgreSQL".equals(product) ? POSTGRES_RESERVE : H2_RESERVE;
            } catch (MetaDataAccessException e) {
                throw new IllegalStateException("could not tell which database holds the rate buckets", e);
            }
            reserve = statement;
        }
        return statement;
    }
}
