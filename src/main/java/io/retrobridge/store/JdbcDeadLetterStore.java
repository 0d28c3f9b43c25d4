package io.retrobridge.store;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.sync.DeadLetterFilter;
import io.retrobridge.sync.DeadLetterStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dead_letters table; each letter carries a full copy of its event so it can be replayed on its own. */
@Repository
public class JdbcDeadLetterStore implements DeadLetterStore {

    private static final String SELECT_LETTER = "SELECT id, event_id, " + InboundEventColumns.NAMES
            + ", error, attempts, parked_at, replayed_at, error_kind FROM dead_letters";

    private final JdbcClient jdbc;
    private final RowMapper<DeadLetter> letterMapper = (row, rowNumber) -> readLetter(row);

    public JdbcDeadLetterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public DeadLetter park(DeadLetter letter) {
        try {
            InboundEventColumns.bind(jdbc.sql("INSERT INTO dead_letters (id, event_id, " + InboundEventColumns.NAMES
                                    + ", error, attempts, parked_at, replayed_at, error_kind) VALUES (:id, :eventId, "
                                    + InboundEventColumns.PARAMETERS
                                    + ", :error, :attempts, :parkedAt, :replayedAt, :errorKind)"),
                            letter.event())
                    .param("id", letter.id())
                    .param("eventId", letter.event().id())
                    .param("error", letter.error())
                    .param("attempts", letter.attempts())
                    .param("parkedAt", SqlInstants.toColumn(letter.parkedAt()))
                    .param("replayedAt", SqlInstants.toColumn(letter.replayedAt()))
                    .param("errorKind", letter.errorKind())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("Dead letter " + letter.id()
                    + " is already parked; park a new dead letter (DeadLetter.park) for a new failure.", e);
        }
        return letter;
    }

    @Override
    public List<DeadLetter> list(int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be 0 or more and limit at least 1, but were "
                    + offset + " and " + limit);
        }
        return jdbc.sql(SELECT_LETTER + " ORDER BY parked_at DESC, id OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
                .param("offset", offset)
                .param("limit", limit)
                .query(letterMapper)
                .list();
    }

    @Override
    public Optional<DeadLetter> find(UUID id) {
        return jdbc.sql(SELECT_LETTER + " WHERE id = :id").param("id", id).query(letterMapper).optional();
    }

    @Override
    public DeadLetter markReplayed(UUID id, Instant at) {
        // Only the first of two concurrent replays matches "replayed_at IS NULL"; the other is told who was first.
        int updated = jdbc.sql("UPDATE dead_letters SET replayed_at = :at WHERE id = :id AND replayed_at IS NULL")
                .param("at", SqlInstants.toColumn(at))
                .param("id", id)
                .update();
        DeadLetter letter = find(id).orElseThrow(() -> new NoSuchElementException(
                "There is no dead letter " + id + "; list them to see which exist."));
        if (updated == 0) {
            throw new IllegalStateException("Dead letter " + id + " was already replayed at " + letter.replayedAt()
                    + "; if that replay failed too, it was parked again as a new dead letter.");
        }
        return letter;
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM dead_letters").query(Long.class).single();
    }

    @Override
    public List<DeadLetter> notReplayed(DeadLetterFilter filter, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 but was " + limit);
        }
        // Each part is left out when unset, rather than compared with a null parameter, which PostgreSQL cannot type.
        StringBuilder where = new StringBuilder(" WHERE replayed_at IS NULL");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.system() != null) {
            where.append(" AND source_system = :system");
            params.put("system", filter.system().name());
        }
        if (filter.errorKind() != null) {
            where.append(" AND error_kind = :kind");
            params.put("kind", filter.errorKind());
        }
        if (filter.parkedFrom() != null) {
            where.append(" AND parked_at >= :from");
            params.put("from", SqlInstants.toColumn(filter.parkedFrom()));
        }
        if (filter.parkedBefore() != null) {
            where.append(" AND parked_at < :before");
            params.put("before", SqlInstants.toColumn(filter.parkedBefore()));
        }
        return jdbc.sql(SELECT_LETTER + where + " ORDER BY parked_at, id FETCH FIRST :limit ROWS ONLY")
                .params(params)
                .param("limit", limit)
                .query(letterMapper)
                .list();
    }

    private static DeadLetter readLetter(ResultSet row) throws SQLException {
        return new DeadLetter(row.getObject("id", UUID.class),
                InboundEventColumns.read(row, "event_id"),
                row.getString("error"),
                row.getInt("attempts"),
                SqlInstants.fromColumn(row, "parked_at"),
                SqlInstants.fromColumn(row, "replayed_at"),
                row.getString("error_kind"));
    }

    @Override
    public long countForEntities(Collection<ExternalRef> records) {
        long count = 0;
        for (ExternalRef record : records) {
            count += jdbc.sql("SELECT COUNT(*) FROM dead_letters WHERE source_system = :system AND entity_id = :entityId")
                    .param("system", record.system().name())
                    .param("entityId", record.id())
                    .query(Long.class).single();
        }
        return count;
    }

    @Override
    public List<DeadLetter> forEntities(Collection<ExternalRef> records, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 but was " + limit);
        }
        List<DeadLetter> letters = new ArrayList<>();
        for (ExternalRef record : records) {
            letters.addAll(jdbc.sql(SELECT_LETTER + """
                             WHERE source_system = :system AND entity_id = :entityId
                             ORDER BY parked_at DESC, id FETCH FIRST :limit ROWS ONLY
                            """)
                    .param("system", record.system().name())
                    .param("entityId", record.id())
                    .param("limit", limit)
                    .query(letterMapper)
                    .list());
        }
        letters.sort(Comparator.comparing(DeadLetter::parkedAt).reversed());
        return letters.subList(0, Math.min(limit, letters.size()));
    }
}
