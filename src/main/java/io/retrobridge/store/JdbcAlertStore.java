package io.retrobridge.store;

import io.retrobridge.domain.Alert;
import io.retrobridge.domain.AlertTruncation;
import io.retrobridge.sync.AlertStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The alerts table, one row per group key, fingerprint and start, every report of that firing merged into it; and
 * alert_truncations, one row per truncated notification (group key and arrival).
 */
@Repository
public class JdbcAlertStore implements AlertStore {

    private static final String COLUMNS = "group_key, fingerprint, starts_at, ends_at, alert_name, service,"
            + " environment, severity, summary, generator_url, labels, deployment_run";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM alerts";
    /** Services named in one statement: well under every driver's limit on bound values. */
    private static final int SERVICES_PER_READ = 500;

    private final JdbcClient jdbc;
    /** The first insert of a firing, in a savepoint: losing it to a concurrent insert leaves the transaction usable. */
    private final TransactionTemplate savepoint;
    private final RowMapper<Alert> mapper = (row, rowNumber) -> read(row);

    public JdbcAlertStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    @Transactional
    public Recorded record(Alert alert) {
        Alert asStored = asStored(alert);
        for (int attempt = 0; ; attempt++) {
            Optional<Alert> stored = jdbc.sql(SELECT + " WHERE group_key = :groupKey AND fingerprint = :fingerprint"
                            + " AND starts_at = :startsAt FOR UPDATE")
                    .param("groupKey", asStored.groupKey())
                    .param("fingerprint", asStored.fingerprint())
                    .param("startsAt", SqlInstants.toColumn(asStored.startsAt()))
                    .query(mapper)
                    .optional();
            if (stored.isPresent()) {
                Alert merged = merge(stored.get(), asStored);
                if (merged.equals(stored.get())) {
                    return new Recorded(stored.get(), false);
                }
                bind(jdbc.sql("""
                        UPDATE alerts
                           SET ends_at = :endsAt, alert_name = :name, service = :service, environment = :environment,
                               severity = :severity, summary = :summary, generator_url = :generatorUrl,
                               labels = :labels, deployment_run = :deploymentRun
                         WHERE group_key = :groupKey AND fingerprint = :fingerprint AND starts_at = :startsAt
                        """), merged).update();
                return new Recorded(merged, true);
            }
            try {
                savepoint.executeWithoutResult(status -> bind(jdbc.sql("INSERT INTO alerts (" + COLUMNS + ") VALUES"
                        + " (:groupKey, :fingerprint, :startsAt, :endsAt, :name, :service, :environment, :severity,"
                        + " :summary, :generatorUrl, :labels, :deploymentRun)"), asStored).update());
                return new Recorded(asStored, true);
            } catch (DuplicateKeyException insertedMeanwhile) {
                if (attempt > 0) {
                    throw insertedMeanwhile;
                }
                // Another report of the same firing was inserted first: merge into it on the next turn.
            }
        }
    }

    @Override
    public List<Alert> activeBetween(String service, Instant from, Instant to) {
        return jdbc.sql(SELECT + " WHERE service = :service AND starts_at < :to"
                        + " AND (ends_at IS NULL OR ends_at > :from)"
                        + " ORDER BY starts_at, group_key, fingerprint")
                .param("service", service)
                .param("from", SqlInstants.toColumn(from))
                .param("to", SqlInstants.toColumn(to))
                .query(mapper)
                .list();
    }

    @Override
    public Map<String, List<Alert>> activeBetween(Collection<String> services, Instant from, Instant to) {
        Map<String, List<Alert>> byService = new TreeMap<>();
        List<String> names = List.copyOf(new TreeSet<>(services));
        for (int start = 0; start < names.size(); start += SERVICES_PER_READ) {
            jdbc.sql(SELECT + " WHERE service IN (:services) AND starts_at < :to"
                            + " AND (ends_at IS NULL OR ends_at > :from)"
                            + " ORDER BY service, starts_at, group_key, fingerprint")
                    .param("services", names.subList(start, Math.min(names.size(), start + SERVICES_PER_READ)))
                    .param("from", SqlInstants.toColumn(from))
                    .param("to", SqlInstants.toColumn(to))
                    .query(mapper)
                    .list()
                    .forEach(alert -> byService.computeIfAbsent(alert.service(), unused -> new ArrayList<>())
                            .add(alert));
        }
        return byService;
    }

    @Override
    @Transactional
    public void recordTruncation(AlertTruncation truncation) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM alert_truncations WHERE group_key = :groupKey"
                        + " AND received_at = :receivedAt")
                .param("groupKey", truncation.groupKey())
                .param("receivedAt", SqlInstants.toColumn(truncation.receivedAt()))
                .query(Long.class).single() > 0;
        if (known) {
            return;
        }
        try {
            savepoint.executeWithoutResult(status -> jdbc.sql("INSERT INTO alert_truncations (group_key, received_at,"
                            + " receiver, service, truncated) VALUES (:groupKey, :receivedAt, :receiver, :service,"
                            + " :truncated)")
                    .param("groupKey", truncation.groupKey())
                    .param("receivedAt", SqlInstants.toColumn(truncation.receivedAt()))
                    .param("receiver", truncation.receiver())
                    .param("service", truncation.service())
                    .param("truncated", truncation.truncated())
                    .update());
        } catch (DuplicateKeyException recordedMeanwhile) {
            // The same notification's truncation, noted by a concurrent handling of it: once is enough.
        }
    }

    @Override
    public List<AlertTruncation> truncationsBetween(String service, Instant from, Instant to) {
        return jdbc.sql("SELECT group_key, received_at, receiver, service, truncated FROM alert_truncations"
                        + " WHERE (service = :service OR service IS NULL)"
                        + " AND received_at >= :from AND received_at < :to"
                        + " ORDER BY received_at, group_key")
                .param("service", service)
                .param("from", SqlInstants.toColumn(from))
                .param("to", SqlInstants.toColumn(to))
                .query((row, rowNumber) -> new AlertTruncation(row.getString("group_key"), row.getString("receiver"),
                        row.getString("service"), SqlInstants.fromColumn(row, "received_at"),
                        row.getLong("truncated")))
                .list();
    }

    /**
     * A resolution, once known, stays (a firing report delivered late never reopens it; a second resolution does not
     * move it); what the stored firing lacks is filled from the report.
     */
    static Alert merge(Alert stored, Alert report) {
        return new Alert(stored.groupKey(), stored.fingerprint(), stored.name(),
                either(stored.service(), report.service()), either(stored.environment(), report.environment()),
                either(stored.severity(), report.severity()), either(stored.summary(), report.summary()),
                stored.startsAt(), either(stored.endsAt(), report.endsAt()),
                either(stored.generatorUrl(), report.generatorUrl()),
                stored.labels().isEmpty() ? report.labels() : stored.labels(),
                either(stored.deploymentRun(), report.deploymentRun()));
    }

    /** The alert as the columns keep it: times to the microsecond, so an alert read back equals it. */
    private static Alert asStored(Alert alert) {
        return new Alert(alert.groupKey(), alert.fingerprint(), alert.name(), alert.service(), alert.environment(),
                alert.severity(), alert.summary(), micros(alert.startsAt()), micros(alert.endsAt()),
                alert.generatorUrl(), alert.labels(), alert.deploymentRun());
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static <T> T either(T first, T second) {
        return first != null ? first : second;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Alert alert) {
        return statement
                .param("groupKey", alert.groupKey())
                .param("fingerprint", alert.fingerprint())
                .param("startsAt", SqlInstants.toColumn(alert.startsAt()))
                .param("endsAt", SqlInstants.toColumn(alert.endsAt()))
                .param("name", alert.name())
                .param("service", alert.service())
                .param("environment", alert.environment())
                .param("severity", alert.severity())
                .param("summary", alert.summary())
                .param("generatorUrl", alert.generatorUrl())
                .param("labels", JsonColumns.fromFields(alert.labels()))
                .param("deploymentRun", alert.deploymentRun());
    }

    private static Alert read(ResultSet row) throws SQLException {
        return new Alert(row.getString("group_key"),
                row.getString("fingerprint"),
                row.getString("alert_name"),
                row.getString("service"),
                row.getString("environment"),
                row.getString("severity"),
                row.getString("summary"),
                SqlInstants.fromColumn(row, "starts_at"),
                SqlInstants.fromColumn(row, "ends_at"),
                row.getString("generator_url"),
                JsonColumns.toFields(row.getString("labels"), "alerts.labels"),
                row.getString("deployment_run"));
    }
}
