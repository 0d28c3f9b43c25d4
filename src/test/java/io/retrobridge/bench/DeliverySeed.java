package io.retrobridge.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * A year of deployment runs and alerts for the reports phase, over the applications {@link GateSeed} names: four in
 * five runs to production, one in eight failed, one in thirty a rollback, most with their commit time; an alert for
 * the service of about half the failed runs, firing for minutes to hours after it. Written with SQL matching the
 * migrations, in batches; the same seed gives the same history.
 */
final class DeliverySeed {

    private static final int BATCH = 2_000;

    private final int applications;
    private final int deployments;
    private final long seed;

    record Written(int deployments, int alerts) {
    }

    DeliverySeed(int applications, int deployments, long seed) {
        this.applications = applications;
        this.deployments = deployments;
        this.seed = seed;
    }

    Written write(Connection db, Instant now) throws SQLException {
        Random random = new Random(seed);
        db.setAutoCommit(false);
        int alerts = 0;
        try (PreparedStatement run = db.prepareStatement("INSERT INTO deployments (source_system, run_id, application,"
                + " environment, version, commit_sha, pipeline, run_url, started_at, finished_at, result, is_rollback,"
                + " change_number, moved_at, commit_at) VALUES ('GITHUB', ?, ?, ?, ?, ?, 'deploy', NULL, ?, ?, ?, ?,"
                + " NULL, ?, ?)");
             PreparedStatement alert = db.prepareStatement("INSERT INTO alerts (group_key, fingerprint, starts_at,"
                     + " ends_at, alert_name, service, environment, severity, summary, generator_url, labels,"
                     + " deployment_run) VALUES (?, ?, ?, ?, 'HighErrorRate', ?, 'production', 'critical', NULL, NULL,"
                     + " '{}', NULL)")) {
            for (int d = 0; d < deployments; d++) {
                String application = GateSeed.application(random.nextInt(applications));
                OffsetDateTime finished = now.minusSeconds(random.nextLong(365L * 86_400)).atOffset(ZoneOffset.UTC);
                boolean failed = random.nextInt(8) == 0;
                run.setString(1, "run-" + d);
                run.setString(2, application);
                run.setString(3, random.nextInt(5) == 0 ? "staging" : "production");
                run.setString(4, "1." + (d % 97) + "." + (d % 13));
                run.setString(5, String.format("%040x", d));
                run.setObject(6, finished.minusMinutes(5 + random.nextInt(20)));
                run.setObject(7, finished);
                run.setString(8, failed ? "FAILURE" : "SUCCESS");
                run.setBoolean(9, random.nextInt(30) == 0);
                run.setObject(10, finished);
                if (random.nextInt(10) < 8) {
                    run.setObject(11, finished.minusMinutes(30 + random.nextInt(3 * 24 * 60)));
                } else {
                    run.setNull(11, Types.TIMESTAMP_WITH_TIMEZONE);
                }
                run.addBatch();
                if (failed && random.nextBoolean()) {
                    OffsetDateTime starts = finished.plusMinutes(1 + random.nextInt(30));
                    alert.setString(1, "{}:{alertname=\"HighErrorRate\",service=\"" + application + "\"}");
                    alert.setString(2, String.format("%016x", d));
                    alert.setObject(3, starts);
                    alert.setObject(4, starts.plusMinutes(5 + random.nextInt(240)));
                    alert.setString(5, application);
                    alert.addBatch();
                    alerts++;
                }
                if ((d + 1) % BATCH == 0 || d == deployments - 1) {
                    run.executeBatch();
                    alert.executeBatch();
                    db.commit();
                }
            }
        }
        db.setAutoCommit(true);
        return new Written(deployments, alerts);
    }
}
