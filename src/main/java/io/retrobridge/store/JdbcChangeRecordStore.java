package io.retrobridge.store;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ChangeState;
import io.retrobridge.domain.ChangeStateMove;
import io.retrobridge.sync.ChangeRecordStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The change_records table (the newest version read of each change) and change_state_moves (every move seen). */
@Repository
public class JdbcChangeRecordStore implements ChangeRecordStore {

    private static final String COLUMNS = "change_number, sys_id, short_description, change_type, state_value, risk, "
            + "impact, assignment_group, configuration_item, planned_start, planned_end, actual_start, actual_end, "
            + "close_code, close_notes, updated_at";

    private final JdbcClient jdbc;

    public JdbcChangeRecordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public Optional<ChangeRecord> save(ChangeRecord change) {
        // Locks the row, so two versions of one change saved at once are ordered (the later one sees the earlier).
        Optional<ChangeRecord> stored = jdbc.sql("SELECT " + COLUMNS + " FROM change_records WHERE change_number = :number"
                        + " FOR UPDATE")
                .param("number", change.number())
                .query((row, n) -> read(row)).optional();
        if (stored.isEmpty()) {
            jdbc.sql("INSERT INTO change_records (" + COLUMNS + ") VALUES (:number, :sysId, :shortDescription, :type, "
                            + ":state, :risk, :impact, :group, :ci, :plannedStart, :plannedEnd, :actualStart, :actualEnd, "
                            + ":closeCode, :closeNotes, :updatedAt)")
                    .paramSource(params(change)).update();
            move(change.number(), null, change.state(), change);
            return Optional.empty();
        }
        ChangeRecord previous = stored.get();
        if (change.updatedAt().isBefore(previous.updatedAt())) {
            return stored;
        }
        jdbc.sql("UPDATE change_records SET sys_id = :sysId, short_description = :shortDescription, change_type = :type, "
                        + "state_value = :state, risk = :risk, impact = :impact, assignment_group = :group, "
                        + "configuration_item = :ci, planned_start = :plannedStart, planned_end = :plannedEnd, "
                        + "actual_start = :actualStart, actual_end = :actualEnd, close_code = :closeCode, "
                        + "close_notes = :closeNotes, updated_at = :updatedAt WHERE change_number = :number")
                .paramSource(params(change)).update();
        if (previous.state() != change.state()) {
            move(change.number(), previous.state(), change.state(), change);
        }
        return stored;
    }

    @Override
    public Optional<ChangeRecord> findByNumber(String number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM change_records WHERE change_number = :number")
                .param("number", number)
                .query((row, n) -> read(row)).optional();
    }

    @Override
    public List<ChangeStateMove> stateMoves(String number) {
        return jdbc.sql("SELECT change_number, from_state, to_state, moved_at FROM change_state_moves "
                        + "WHERE change_number = :number ORDER BY moved_at, id")
                .param("number", number)
                .query((row, n) -> new ChangeStateMove(row.getString("change_number"),
                        state(row, "from_state"), state(row, "to_state"), SqlInstants.fromColumn(row, "moved_at")))
                .list();
    }

    private void move(String number, ChangeState from, ChangeState to, ChangeRecord seenIn) {
        jdbc.sql("INSERT INTO change_state_moves (change_number, from_state, to_state, moved_at) "
                        + "VALUES (:number, :from, :to, :at)")
                .param("number", number)
                .param("from", from == null ? null : from.value())
                .param("to", to.value())
                .param("at", SqlInstants.toColumn(seenIn.updatedAt()))
                .update();
    }

    private static MapSqlParameterSource params(ChangeRecord change) {
        return new MapSqlParameterSource()
                .addValue("number", change.number())
                .addValue("sysId", change.sysId())
                .addValue("shortDescription", change.shortDescription())
                .addValue("type", change.type())
                .addValue("state", change.state().value())
                .addValue("risk", change.risk())
                .addValue("impact", change.impact())
                .addValue("group", change.assignmentGroup())
                .addValue("ci", change.configurationItem())
                .addValue("plannedStart", SqlInstants.toColumn(change.plannedStart()))
                .addValue("plannedEnd", SqlInstants.toColumn(change.plannedEnd()))
                .addValue("actualStart", SqlInstants.toColumn(change.actualStart()))
                .addValue("actualEnd", SqlInstants.toColumn(change.actualEnd()))
                .addValue("closeCode", change.closeCode())
                .addValue("closeNotes", change.closeNotes())
                .addValue("updatedAt", SqlInstants.toColumn(change.updatedAt()));
    }

    private static ChangeRecord read(ResultSet row) throws SQLException {
        return new ChangeRecord(row.getString("sys_id"), row.getString("change_number"),
                row.getString("short_description"), row.getString("change_type"), state(row, "state_value"),
                row.getString("risk"), row.getString("impact"), row.getString("assignment_group"),
                row.getString("configuration_item"), SqlInstants.fromColumn(row, "planned_start"),
                SqlInstants.fromColumn(row, "planned_end"), SqlInstants.fromColumn(row, "actual_start"),
                SqlInstants.fromColumn(row, "actual_end"), row.getString("close_code"), row.getString("close_notes"),
                SqlInstants.fromColumn(row, "updated_at"));
    }

    private static ChangeState state(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        if (row.wasNull()) {
            return null;
        }
        return ChangeState.ofValue(String.valueOf(value)).orElseThrow(() -> new IllegalStateException(
                "change_records holds state " + value + ", which the change model does not have"));
    }
}
