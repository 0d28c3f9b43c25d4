package io.retrobridge.store;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.DeliveryHistory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deployments table read by finish time for the delivery metrics, and the commit times written into it. */
@Repository
public class JdbcDeliveryHistory implements DeliveryHistory {

    private static final String SELECT = "SELECT source_system, run_id, application, environment, version, commit_sha,"
            + " pipeline, run_url, started_at, finished_at, result, is_rollback, change_number, commit_at"
            + " FROM deployments WHERE environment = :environment AND finished_at >= :from AND finished_at < :to";
    private static final String ORDER = " ORDER BY finished_at, source_system, run_id";

    private final JdbcClient jdbc;

    public JdbcDeliveryHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DeliveredRun> finishedBetween(String application, String environment, Instant from, Instant to) {
        JdbcClient.StatementSpec query = jdbc.sql(SELECT + (application == null ? "" : " AND application = :application")
                        + ORDER)
                .param("environment", environment)
                .param("from", SqlInstants.toColumn(from))
                .param("to", SqlInstants.toColumn(to));
        if (application != null) {
            query = query.param("application", application);
        }
        return query.query((row, number) -> read(row)).list();
    }

    @Override
    public void recordCommitTime(String source, String runId, Instant commitAt) {
        jdbc.sql("UPDATE deployments SET commit_at = :commitAt WHERE source_system = :source AND run_id = :runId")
                .param("commitAt", SqlInstants.toColumn(commitAt))
                .param("source", source)
                .param("runId", runId)
                .update();
    }

    /** By position, in SELECT's order: a year of a portfolio is a hundred thousand rows. */
    private static DeliveredRun read(ResultSet row) throws SQLException {
        return new DeliveredRun(new Deployment(ExternalSystem.valueOf(row.getString(1)),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                SqlInstants.fromColumn(row, 9),
                SqlInstants.fromColumn(row, 10),
                DeploymentResult.valueOf(row.getString(11)),
                row.getBoolean(12),
                row.getString(13)), SqlInstants.fromColumn(row, 14));
    }
}
