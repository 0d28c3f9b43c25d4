package io.retrobridge.store;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.DeploymentStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The deployments table: one row per source and run id, every report of the run merged into it. */
@Repository
public class JdbcDeploymentStore implements DeploymentStore {

    private static final String COLUMNS = "source_system, run_id, application, environment, version, commit_sha,"
            + " pipeline, run_url, started_at, finished_at, result, is_rollback, change_number, moved_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM deployments";

    private final JdbcClient jdbc;
    /** The first insert of a run, in a savepoint: losing it to a concurrent insert leaves the caller's transaction usable. */
    private final TransactionTemplate savepoint;
    private final RowMapper<Deployment> mapper = (row, rowNumber) -> read(row);

    public JdbcDeploymentStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    @Transactional
    public Recorded record(Deployment report) {
        Deployment asStored = DeploymentReports.asStored(report);
        for (int attempt = 0; ; attempt++) {
            Optional<Deployment> stored = jdbc.sql(SELECT + " WHERE source_system = :source AND run_id = :runId FOR UPDATE")
                    .param("source", report.source().name())
                    .param("runId", report.runId())
                    .query(mapper)
                    .optional();
            if (stored.isPresent()) {
                Deployment merged = DeploymentReports.merge(stored.get(), asStored);
                if (merged.equals(stored.get())) {
                    return new Recorded(stored.get(), false);
                }
                bind(jdbc.sql("""
                        UPDATE deployments
                           SET application = :application, environment = :environment, version = :version,
                               commit_sha = :commitSha, pipeline = :pipeline, run_url = :runUrl,
                               started_at = :startedAt, finished_at = :finishedAt, result = :result,
                               is_rollback = :rollback, change_number = :changeNumber, moved_at = :movedAt
                         WHERE source_system = :source AND run_id = :runId
                        """), merged).update();
                return new Recorded(merged, true);
            }
            try {
                savepoint.executeWithoutResult(status -> bind(jdbc.sql("INSERT INTO deployments (" + COLUMNS
                        + ") VALUES (:source, :runId, :application, :environment, :version, :commitSha, :pipeline,"
                        + " :runUrl, :startedAt, :finishedAt, :result, :rollback, :changeNumber, :movedAt)"), asStored)
                        .update());
                return new Recorded(asStored, true);
            } catch (DuplicateKeyException insertedMeanwhile) {
                if (attempt > 0) {
                    throw insertedMeanwhile;
                }
                // Another report of the same run was inserted first: merge into it on the next turn.
            }
        }
    }

    @Override
    public Optional<Deployment> find(String source, String runId) {
        return jdbc.sql(SELECT + " WHERE source_system = :source AND run_id = :runId")
                .param("source", source)
                .param("runId", runId)
                .query(mapper)
                .optional();
    }

    @Override
    public List<Deployment> between(String application, String environment, Instant from, Instant to) {
        return jdbc.sql(SELECT + " WHERE application = :application AND environment = :environment"
                        + " AND moved_at >= :from AND moved_at < :to ORDER BY moved_at DESC, run_id DESC")
                .param("application", application)
                .param("environment", environment)
                .param("from", SqlInstants.toColumn(from))
                .param("to", SqlInstants.toColumn(to))
                .query(mapper)
                .list();
    }

    @Override
    public List<Deployment> forChange(String changeNumber) {
        return jdbc.sql(SELECT + " WHERE change_number = :changeNumber ORDER BY moved_at, run_id")
                .param("changeNumber", changeNumber)
                .query(mapper)
                .list();
    }

    @Override
    public List<Deployment> successfulBefore(String application, String environment, Instant before, int limit) {
        return jdbc.sql(SELECT + " WHERE application = :application AND environment = :environment"
                        + " AND result = 'SUCCESS' AND moved_at < :before ORDER BY moved_at DESC, run_id DESC"
                        + " FETCH FIRST :limit ROWS ONLY")
                .param("application", application)
                .param("environment", environment)
                .param("before", SqlInstants.toColumn(before))
                .param("limit", limit)
                .query(mapper)
                .list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Deployment deployment) {
        return statement
                .param("source", deployment.source().name())
                .param("runId", deployment.runId())
                .param("application", deployment.application())
                .param("environment", deployment.environment())
                .param("version", deployment.version())
                .param("commitSha", deployment.commitSha())
                .param("pipeline", deployment.pipeline())
                .param("runUrl", deployment.runUrl())
                .param("startedAt", SqlInstants.toColumn(deployment.startedAt()))
                .param("finishedAt", SqlInstants.toColumn(deployment.finishedAt()))
                .param("result", deployment.result().name())
                .param("rollback", deployment.rollback())
                .param("changeNumber", deployment.changeNumber())
                .param("movedAt", SqlInstants.toColumn(deployment.lastMoved()));
    }

    private static Deployment read(ResultSet row) throws SQLException {
        return new Deployment(ExternalSystem.valueOf(row.getString("source_system")),
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
                row.getString("change_number"));
    }
}
