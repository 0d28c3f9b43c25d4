package io.retrobridge.store;

import io.retrobridge.domain.EntityKind;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Snapshot;
import io.retrobridge.sync.DuplicateLinkException;
import io.retrobridge.sync.FollowUpStates.ItemState;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.StaleLinkException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Links in three tables (links, link_external_ids, link_snapshots), written together or not at all. */
@Repository
public class JdbcLinkStore implements LinkStore {

    // One statement reads the whole link, so the row, its ids and its snapshots come from one committed state.
    private static final String SELECT_LINK = """
            SELECT l.id, l.kind, l.correlation_id, l.version,
                   e.external_system AS id_system, e.external_id,
                   s.external_system AS snapshot_system, s.fields_json, s.taken_at
              FROM links l
              LEFT JOIN link_external_ids e ON e.link_id = l.id
              LEFT JOIN link_snapshots s ON s.link_id = l.id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ResultSetExtractor<List<Link>> linkReader = this::readLinks;

    public JdbcLinkStore(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    @Transactional
    public Link insert(Link link) {
        if (link.version() != 0) {
            throw new IllegalArgumentException("Link " + link.id() + " is at version " + link.version()
                    + "; a new link starts at version 0. Use update for a link that is already stored.");
        }
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                    INSERT INTO links (id, kind, correlation_id, version, created_at, updated_at)
                    VALUES (:id, :kind, :correlationId, 0, :now, :now)
                    """)
                    .param("id", link.id())
                    .param("kind", link.kind().name())
                    .param("correlationId", link.correlationId())
                    .param("now", SqlInstants.toColumn(now))
                    .update();
            insertChildren(link);
        } catch (DuplicateKeyException e) {
            throw duplicate(link, e);
        }
        return link;
    }

    @Override
    public Optional<Link> findById(UUID id) {
        return single(jdbc.sql(SELECT_LINK + " WHERE l.id = :id").param("id", id).query(linkReader));
    }

    @Override
    public Optional<Link> findByExternal(ExternalRef ref) {
        return single(jdbc.sql(SELECT_LINK + """
                         WHERE l.id = (SELECT x.link_id FROM link_external_ids x
                                        WHERE x.external_system = :system AND x.external_id = :externalId)
                        """)
                .param("system", ref.system().name())
                .param("externalId", ref.id())
                .query(linkReader));
    }

    @Override
    public Optional<Link> findByCorrelationId(String correlationId) {
        return single(jdbc.sql(SELECT_LINK + " WHERE l.correlation_id = :correlationId")
                .param("correlationId", correlationId)
                .query(linkReader));
    }

    @Override
    public Map<String, Link> findByExternalIds(ExternalSystem system, Collection<String> externalIds) {
        Map<String, Link> found = new LinkedHashMap<>();
        if (externalIds.isEmpty()) {
            return found;
        }
        // Still one statement (one committed state), but each child row once: joined to both child tables, every
        // snapshot's JSON would travel once per external id of its link, and reports read thousands of links.
        List<Link> links = jdbc.sql("""
                        SELECT l.id, l.kind, l.correlation_id, l.version,
                               e.external_system AS id_system, e.external_id,
                               NULL AS snapshot_system, NULL AS fields_json, NULL AS taken_at
                          FROM links l JOIN link_external_ids e ON e.link_id = l.id
                         WHERE l.id IN (SELECT x.link_id FROM link_external_ids x
                                         WHERE x.external_system = :system AND x.external_id IN (:externalIds))
                        UNION ALL
                        SELECT l.id, l.kind, l.correlation_id, l.version,
                               NULL, NULL,
                               s.external_system, s.fields_json, s.taken_at
                          FROM links l JOIN link_snapshots s ON s.link_id = l.id
                         WHERE l.id IN (SELECT x.link_id FROM link_external_ids x
                                         WHERE x.external_system = :system AND x.external_id IN (:externalIds))
                         ORDER BY 1
                        """)
                .param("system", system.name())
                .param("externalIds", List.copyOf(Set.copyOf(externalIds)))
                .query(this::readLinksInOrder);
        for (Link link : links) {
            link.idOn(system).ifPresent(externalId -> found.put(externalId, link));
        }
        return found;
    }

    @Override
    @Transactional
    public Link update(Link link) {
        // The version check comes first: it takes the row lock, so a concurrent update waits here and then
        // finds the version moved.
        int updated = jdbc.sql("""
                        UPDATE links
                           SET version = version + 1, kind = :kind, correlation_id = :correlationId, updated_at = :now
                         WHERE id = :id AND version = :version
                        """)
                .param("id", link.id())
                .param("version", link.version())
                .param("kind", link.kind().name())
                .param("correlationId", link.correlationId())
                .param("now", SqlInstants.toColumn(clock.instant()))
                .update();
        if (updated == 0) {
            throw missingOrStale(link);
        }
        try {
            jdbc.sql("DELETE FROM link_external_ids WHERE link_id = :id").param("id", link.id()).update();
            jdbc.sql("DELETE FROM link_snapshots WHERE link_id = :id").param("id", link.id()).update();
            insertChildren(link);
        } catch (DuplicateKeyException e) {
            throw duplicate(link, e);
        }
        return link.atVersion(link.version() + 1);
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM links").query(Long.class).single();
    }

    private void insertChildren(Link link) {
        link.externalIds().forEach((system, externalId) -> jdbc.sql("""
                        INSERT INTO link_external_ids (link_id, external_system, external_id)
                        VALUES (:linkId, :system, :externalId)
                        """)
                .param("linkId", link.id())
                .param("system", system.name())
                .param("externalId", externalId)
                .update());
        link.snapshots().forEach((system, snapshot) -> insertSnapshot(link, system, snapshot));
    }

    private void insertSnapshot(Link link, ExternalSystem system, Snapshot snapshot) {
        ItemState state = ItemState.of(snapshot.fields());
        jdbc.sql("""
                        INSERT INTO link_snapshots (link_id, external_system, fields_json, taken_at,
                                                    item_status, item_due_date, item_failure_mode)
                        VALUES (:linkId, :system, :fields, :takenAt, :status, :dueDate, :failureMode)
                        """)
                .param("linkId", link.id())
                .param("system", system.name())
                .param("fields", JsonColumns.fromFields(snapshot.fields()))
                .param("takenAt", SqlInstants.toColumn(snapshot.at()))
                .param("status", state.status())
                .param("dueDate", state.dueDate())
                .param("failureMode", state.failureMode())
                .update();
    }

    private RuntimeException missingOrStale(Link link) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM links WHERE id = :id")
                .param("id", link.id()).query(Long.class).single() > 0;
        if (!exists) {
            return new IllegalArgumentException("There is no stored link " + link.id()
                    + " to update; store a new link with insert.");
        }
        return new StaleLinkException(link.id(), link.version());
    }

    // The constraint names come from V1__sync_store.sql; both databases put them in the message.
    private static DuplicateLinkException duplicate(Link link, DuplicateKeyException e) {
        String cause = String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
        String message;
        if (cause.contains("uq_link_external_ids_system_id")) {
            message = "Another link already holds one of the external ids " + link.externalIds()
                    + "; find it with findByExternal and update that link instead of storing link " + link.id() + ".";
        } else if (cause.contains("uq_links_correlation_id")) {
            message = "Another link already has correlation id '" + link.correlationId()
                    + "'; find it with findByCorrelationId and update that link instead of storing link " + link.id() + ".";
        } else if (cause.contains("pk_links")) {
            message = "A link with id " + link.id() + " is already stored; use update to change it.";
        } else {
            message = "Link " + link.id() + " was not stored: its id, correlation id '" + link.correlationId()
                    + "' or one of its external ids " + link.externalIds() + " belongs to another link.";
        }
        return new DuplicateLinkException(link.id(), message);
    }

    private static Optional<Link> single(List<Link> links) {
        return links.stream().findFirst();
    }

    /** Several links, their rows grouped by link id (the query orders by it). */
    private List<Link> readLinksInOrder(ResultSet rows) throws SQLException {
        List<Link> links = new ArrayList<>();
        Link link = null;
        Map<ExternalSystem, String> ids = new TreeMap<>();
        Map<ExternalSystem, Snapshot> snapshots = new TreeMap<>();
        while (rows.next()) {
            UUID id = rows.getObject("id", UUID.class);
            if (link == null || !link.id().equals(id)) {
                if (link != null) {
                    links.add(new Link(link.id(), link.kind(), link.correlationId(), ids, snapshots, link.version()));
                }
                link = new Link(id, EntityKind.valueOf(rows.getString("kind")), rows.getString("correlation_id"),
                        Map.of(), Map.of(), rows.getLong("version"));
                ids = new TreeMap<>();
                snapshots = new TreeMap<>();
            }
            readChildren(rows, link, ids, snapshots);
        }
        if (link != null) {
            links.add(new Link(link.id(), link.kind(), link.correlationId(), ids, snapshots, link.version()));
        }
        return links;
    }

    private static void readChildren(ResultSet rows, Link link, Map<ExternalSystem, String> ids,
                                     Map<ExternalSystem, Snapshot> snapshots) throws SQLException {
        String idSystem = rows.getString("id_system");
        if (idSystem != null) {
            ids.put(ExternalSystem.valueOf(idSystem), rows.getString("external_id"));
        }
        String snapshotSystem = rows.getString("snapshot_system");
        if (snapshotSystem != null) {
            ExternalSystem system = ExternalSystem.valueOf(snapshotSystem);
            // The joins repeat each snapshot once per external id: its JSON is read the first time only.
            if (!snapshots.containsKey(system)) {
                snapshots.put(system, new Snapshot(
                        JsonColumns.toFields(rows.getString("fields_json"), "the " + system + " snapshot of link " + link.id()),
                        SqlInstants.fromColumn(rows, "taken_at")));
            }
        }
    }

    private List<Link> readLinks(ResultSet rows) throws SQLException {
        Link link = null;
        Map<ExternalSystem, String> ids = new TreeMap<>();
        Map<ExternalSystem, Snapshot> snapshots = new TreeMap<>();
        while (rows.next()) {
            if (link == null) {
                link = new Link(rows.getObject("id", UUID.class), EntityKind.valueOf(rows.getString("kind")),
                        rows.getString("correlation_id"), Map.of(), Map.of(), rows.getLong("version"));
            }
            readChildren(rows, link, ids, snapshots);
        }
        if (link == null) {
            return List.of();
        }
        return List.of(new Link(link.id(), link.kind(), link.correlationId(), ids, snapshots, link.version()));
    }
}
