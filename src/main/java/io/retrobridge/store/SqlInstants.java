package io.retrobridge.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants to and from TIMESTAMP WITH TIME ZONE columns. Both databases keep microseconds; we round down
 * ourselves because PostgreSQL would round half up, which could move a watermark past an unseen update.
 */
final class SqlInstants {

    private SqlInstants() {
    }

    static OffsetDateTime toColumn(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static Instant fromColumn(ResultSet row, String column) throws SQLException {
        return fromColumn(row, row.findColumn(column));
    }

    static Instant fromColumn(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
