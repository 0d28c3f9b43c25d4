package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application's Flyway migrations apply, unchanged, to an H2 file database as configured and to PostgreSQL. */
class StoreMigrationTest {

    private static final List<String> STORE_TABLES = List.of("dead_letters", "inbound_events", "journal", "link_external_ids",
            "link_snapshots", "links", "watermarks", "comment_links", "escalations", "escalation_group_tickets",
            "follow_up_facts", "deleted_records", "write_intents", "unreadable_records");

    @TempDir
    Path dataDirectory;

    @Test
    void theMigrationsApplyToH2InTheModeTheApplicationUses() throws SQLException {
        // As application.yaml configures it: an H2 file database in default mode.
        try (HikariDataSource h2 = new HikariDataSource()) {
            h2.setJdbcUrl("jdbc:h2:file:" + dataDirectory.resolve("retrobridge") + ";DB_CLOSE_ON_EXIT=FALSE");
            h2.setUsername("retrobridge");
            h2.setPassword("");

            assertMigratesOnceAndCompletely(h2);
        }
    }

    @Test
    void theMigrationsApplyToPostgres() throws SQLException {
        HikariDataSource postgres = TestDatabase.POSTGRES.createEmpty();
        try {
            assertMigratesOnceAndCompletely(postgres);
        } finally {
            TestDatabase.POSTGRES.drop(postgres);
        }
    }

    @Test
    void bothDatabasesRunTheSameScripts() throws SQLException {
        HikariDataSource h2 = TestDatabase.H2.createEmpty();
        HikariDataSource postgres = TestDatabase.POSTGRES.createEmpty();
        try {
            List<String> onH2 = appliedScripts(migrate(h2));
            List<String> onPostgres = appliedScripts(migrate(postgres));

            assertThat(onH2).isNotEmpty().isEqualTo(onPostgres);
        } finally {
            TestDatabase.H2.drop(h2);
            TestDatabase.POSTGRES.drop(postgres);
        }
    }

    private static void assertMigratesOnceAndCompletely(DataSource dataSource) throws SQLException {
        Flyway flyway = flyway(dataSource);

        MigrateResult first = flyway.migrate();
        MigrateResult second = flyway.migrate();

        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isPositive();
        assertThat(second.migrationsExecuted).as("a restart applies nothing again").isZero();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(tables(dataSource)).containsAll(STORE_TABLES);
    }

    private static Flyway migrate(DataSource dataSource) {
        Flyway flyway = flyway(dataSource);
        flyway.migrate();
        return flyway;
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(AppFlywaySettings.locations()).load();
    }

    private static List<String> appliedScripts(Flyway flyway) {
        List<String> scripts = new ArrayList<>();
        for (MigrationInfo applied : flyway.info().applied()) {
            scripts.add(applied.getVersion() + " " + applied.getScript() + " " + applied.getChecksum());
        }
        return scripts;
    }

    private static List<String> tables(DataSource dataSource) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet tables = metaData.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }
}
