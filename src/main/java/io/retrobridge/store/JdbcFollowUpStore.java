package io.retrobridge.store;

import io.retrobridge.escalation.FollowUpFact;
import io.retrobridge.escalation.FollowUpStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The follow_up_facts table, one row per action item, replaced whole by every save. */
@Repository
public class JdbcFollowUpStore implements FollowUpStore {

    /** The statuses {@link FollowUpFact#status()} may have, as the table's check constraint allows them. */
    static final Set<String> STATUSES = Set.of("open", "in-progress", "done", "cancelled");

    private static final String COLUMNS = "item_key, display_key, title, retrospective, team, owner_email, due_date,"
            + " status, completed_on, escalated, updated_at";
    private static final String SELECT_FACT = "SELECT " + COLUMNS + " FROM follow_up_facts";

    private final JdbcClient jdbc;
    private final RowMapper<FollowUpFact> factMapper = (row, rowNumber) -> read(row);

    public JdbcFollowUpStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Update, else insert: portable across H2 and PostgreSQL (no common upsert). Each statement commits on its own,
    // so when two scans save the same new item at once, the one losing the insert falls back to the update.
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void save(FollowUpFact fact) {
        requireValid(fact);
        if (update(fact) > 0) {
            return;
        }
        try {
            bind(jdbc.sql("INSERT INTO follow_up_facts (" + COLUMNS + ") VALUES (:itemKey, :displayKey, :title,"
                    + " :retrospective, :team, :ownerEmail, :dueDate, :status, :completedOn, :escalated, :updatedAt)"), fact)
                    .update();
        } catch (DuplicateKeyException savedByAnotherScan) {
            update(fact);
        }
    }

    @Override
    public List<FollowUpFact> all() {
        return jdbc.sql(SELECT_FACT + " ORDER BY item_key").query(factMapper).list();
    }

    @Override
    public List<FollowUpFact> forItems(Collection<String> itemKeys) {
        if (itemKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT_FACT + " WHERE item_key IN (:itemKeys) ORDER BY item_key")
                .param("itemKeys", List.copyOf(Set.copyOf(itemKeys)))
                .query(factMapper)
                .list();
    }

    @Override
    public Optional<FollowUpFact> byDisplayKey(String displayKey) {
        return jdbc.sql(SELECT_FACT + " WHERE display_key = :displayKey ORDER BY item_key FETCH FIRST 1 ROWS ONLY")
                .param("displayKey", displayKey)
                .query(factMapper)
                .optional();
    }

    private int update(FollowUpFact fact) {
        return bind(jdbc.sql("""
                        UPDATE follow_up_facts
                           SET display_key = :displayKey, title = :title, retrospective = :retrospective, team = :team,
                               owner_email = :ownerEmail, due_date = :dueDate, status = :status,
                               completed_on = :completedOn, escalated = :escalated, updated_at = :updatedAt
                         WHERE item_key = :itemKey
                        """), fact)
                .update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, FollowUpFact fact) {
        return statement
                .param("itemKey", fact.itemKey())
                .param("displayKey", fact.displayKey())
                .param("title", fact.title())
                .param("retrospective", fact.retrospective())
                .param("team", fact.team())
                .param("ownerEmail", fact.ownerEmail())
                .param("dueDate", fact.dueDate())
                .param("status", fact.status())
                .param("completedOn", fact.completedOn())
                .param("escalated", fact.escalated())
                .param("updatedAt", SqlInstants.toColumn(fact.updatedAt()));
    }

    private static void requireValid(FollowUpFact fact) {
        Objects.requireNonNull(fact.itemKey(), "itemKey");
        Objects.requireNonNull(fact.updatedAt(), "updatedAt");
        if (!STATUSES.contains(fact.status())) {
            throw new IllegalArgumentException("The follow-up fact of " + fact.itemKey() + " has status '" + fact.status()
                    + "'; use one of open, in-progress, done, cancelled.");
        }
    }

    private static FollowUpFact read(ResultSet row) throws SQLException {
        return new FollowUpFact(row.getString("item_key"),
                row.getString("display_key"),
                row.getString("title"),
                row.getString("retrospective"),
                row.getString("team"),
                row.getString("owner_email"),
                row.getObject("due_date", LocalDate.class),
                row.getString("status"),
                row.getObject("completed_on", LocalDate.class),
                row.getBoolean("escalated"),
                SqlInstants.fromColumn(row, "updated_at"));
    }
}
