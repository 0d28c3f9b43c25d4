package db.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Copies the item-state fields (status, due-date, failure-mode) of every stored snapshot into the columns V23 added
 * beside it, as the link store now writes them with each snapshot. In Java because neither database reads JSON the
 * way the other does. A snapshot whose JSON does not parse keeps empty columns: the reports then see no state, as
 * for a field never synced, instead of the upgrade failing.
 */
public class V24__Copy_item_state_beside_snapshots extends BaseJavaMigration {

    private static final int BATCH = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        try (Statement read = db.createStatement();
             PreparedStatement write = db.prepareStatement("UPDATE link_snapshots SET item_status = ?,"
                     + " item_due_date = ?, item_failure_mode = ? WHERE link_id = ? AND external_system = ?")) {
            // A cursor, not every snapshot in memory at once (PostgreSQL reads ahead only inside a transaction,
            // which Flyway holds here).
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = read.executeQuery("SELECT link_id, external_system, fields_json FROM link_snapshots")) {
                while (rows.next()) {
                    JsonNode fields = fields(rows.getString("fields_json"));
                    write.setString(1, text(fields, "status"));
                    write.setString(2, text(fields, "due-date"));
                    write.setString(3, text(fields, "failure-mode"));
                    write.setObject(4, rows.getObject("link_id"));
                    write.setString(5, rows.getString("external_system"));
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }

    private static JsonNode fields(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String text(JsonNode fields, String name) {
        JsonNode value = fields == null || !fields.isObject() ? null : fields.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
