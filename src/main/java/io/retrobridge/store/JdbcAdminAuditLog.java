package io.retrobridge.store;

import io.retrobridge.domain.AdminAction;
import io.retrobridge.sync.AdminAuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The admin_audit table: appended to, read newest first with optional filters. */
@Repository
public class JdbcAdminAuditLog implements AdminAuditLog {

    private static final String COLUMNS = "id, occurred_at, key_name, action, target, status, outcome, remote";

    private final JdbcClient jdbc;

    public JdbcAdminAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public AdminAction record(AdminAction action) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO admin_audit (occurred_at, key_name, action, target, status, outcome, remote)
                        VALUES (:at, :keyName, :action, :target, :status, :outcome, :remote)
                        """)
                .param("at", SqlInstants.toColumn(action.at()))
                .param("keyName", action.keyName())
                .param("action", action.action())
                .param("target", action.target())
                .param("status", action.status())
                .param("outcome", action.outcome())
                .param("remote", action.remote())
                .update(key, "id");
        return action.withId(key.getKeyAs(Long.class));
    }

    @Override
    public List<AdminAction> find(Filter filter, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be 0 or more and limit at least 1, but were "
                    + offset + " and " + limit);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        return jdbc.sql("SELECT " + COLUMNS + " FROM admin_audit" + where
                        + " ORDER BY occurred_at DESC, id DESC OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
                .params(params)
                .param("offset", offset)
                .param("limit", limit)
                .query((row, number) -> read(row))
                .list();
    }

    @Override
    public long count(Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM admin_audit" + where(filter, params)).params(params)
                .query(Long.class).single();
    }

    // Only fixed conditions are added; the values travel as parameters.
    private static String where(Filter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (filter.action() != null) {
            where.append(" AND action = :action");
            params.put("action", filter.action());
        }
        if (filter.keyName() != null) {
            where.append(" AND key_name = :keyName");
            params.put("keyName", filter.keyName());
        }
        if (filter.from() != null) {
            where.append(" AND occurred_at >= :from");
            params.put("from", SqlInstants.toColumn(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < :to");
            params.put("to", SqlInstants.toColumn(filter.to()));
        }
        return where.isEmpty() ? "" : " WHERE" + where.substring(4);
    }

    private static AdminAction read(ResultSet row) throws SQLException {
        return new AdminAction(row.getLong("id"), SqlInstants.fromColumn(row, "occurred_at"), row.getString("key_name"),
                row.getString("action"), row.getString("target"), row.getInt("status"), row.getString("outcome"),
                row.getString("remote"));
    }
}
