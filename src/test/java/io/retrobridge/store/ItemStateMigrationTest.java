package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Upgrading a store that already holds snapshots: V24 copies each one's item state into the columns V23 added, so
 * the reports read the same states before and after the upgrade. A snapshot whose JSON does not parse does not stop
 * the upgrade.
 */
class ItemStateMigrationTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theStatesOfSnapshotsStoredBeforeTheUpgradeAreCopiedBesideThem(TestDatabase database) throws SQLException {
        HikariDataSource dataSource = database.createEmpty();
        try {
            Flyway.configure().dataSource(dataSource).locations(AppFlywaySettings.locations()).target("22").load()
                    .migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            UUID whole = link(jdbc, "rb-whole");
            UUID cleared = link(jdbc, "rb-cleared");
            UUID unreadable = link(jdbc, "rb-unreadable");
            snapshot(jdbc, whole, "JIRA", "{\"title\":\"Add a canary stage\",\"status\":\"DONE\","
                    + "\"due-date\":\"2026-12-01\",\"failure-mode\":\"config-drift\",\"labels\":\"a,b\"}");
            snapshot(jdbc, whole, "SERVICENOW", "{\"status\":\"OPEN\"}");
            snapshot(jdbc, cleared, "JIRA", "{\"status\":\"OPEN\",\"due-date\":null}");
            snapshot(jdbc, unreadable, "JIRA", "{not json");

            Flyway.configure().dataSource(dataSource).locations(AppFlywaySettings.locations()).load().migrate();

            assertThat(states(jdbc)).containsExactly(
                    List.of("rb-cleared", "JIRA", "OPEN", "-", "-"),
                    List.of("rb-unreadable", "JIRA", "-", "-", "-"),
                    List.of("rb-whole", "JIRA", "DONE", "2026-12-01", "config-drift"),
                    List.of("rb-whole", "SERVICENOW", "OPEN", "-", "-"));
        } finally {
            database.drop(dataSource);
        }
    }

    private static UUID link(JdbcClient jdbc, String correlationId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO links (id, kind, correlation_id, version, created_at, updated_at) VALUES (:id,"
                        + " 'ACTION_ITEM', :correlationId, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .params(Map.of("id", id, "correlationId", correlationId)).update();
        return id;
    }

    private static void snapshot(JdbcClient jdbc, UUID link, String system, String json) {
        jdbc.sql("INSERT INTO link_snapshots (link_id, external_system, fields_json, taken_at) VALUES (:link, :system,"
                        + " :json, CURRENT_TIMESTAMP)")
                .params(Map.of("link", link, "system", system, "json", json)).update();
    }

    private static List<List<String>> states(JdbcClient jdbc) {
        return jdbc.sql("SELECT l.correlation_id, s.external_system, s.item_status, s.item_due_date,"
                        + " s.item_failure_mode FROM link_snapshots s JOIN links l ON l.id = s.link_id"
                        + " ORDER BY l.correlation_id, s.external_system")
                .query((row, number) -> List.of(row.getString(1), row.getString(2), dash(row.getString(3)),
                        dash(row.getString(4)), dash(row.getString(5))))
                .list();
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }
}
