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

    private static DeliveredRun read(ResultSet row) throws SQLException {
        return new DeliveredRun(new Deployment(ExternalSystem.valueOf(row.getString("source_system")),
                row.getString("run_id"),
                row.getString("application"),
                row.getString("environment"),
                row.getString("version"),
                row.getString("commit_sha"),
                row.getString("pipeline"),
                row.getString("run_url"),
                SqlInstants.fromColumn(row, "started_at"),
                SqlInstants.fromColumn(row, "finished_at"),
                DeploymentResult.valueOf(row.getString("result")),
                row.getBoolean("is_rollback"),
                row.getString("change_number")), SqlInstants.fromColumn(row, "commit_at"));
    }
}
