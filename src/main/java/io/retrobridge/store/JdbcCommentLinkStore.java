package io.retrobridge.store;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.SyncPair;
import io.retrobridge.sync.CommentLink;
import io.retrobridge.sync.CommentLinkStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The comment_links table: one row per copied comment, claimed before the copy is written. */
@Repository
public class JdbcCommentLinkStore implements CommentLinkStore {

    private static final String COLUMNS = "link_id, jira_comment_id, servicenow_journal_id, direction, created_at";
    private static final String JIRA_TO_SERVICENOW = "JIRA_TO_SERVICENOW";
    private static final String SERVICENOW_TO_JIRA = "SERVICENOW_TO_JIRA";

    private final JdbcClient jdbc;

    public JdbcCommentLinkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CommentLink> find(ExternalSystem system, String commentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment_links WHERE " + column(system) + " = :id")
                .param("id", commentId)
                .query((row, n) -> read(row))
                .optional();
    }

    // Each statement commits on its own: a claim must be visible to other workers at once, and a lost race
    // (unique key) must not roll back anything of the caller's.
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public boolean recordIntent(CommentLink intent) {
        try {
            insert(intent);
            return true;
        } catch (DuplicateKeyException alreadyClaimedOrCopied) {
            return false;
        }
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public boolean reclaim(CommentLink stale, Instant now) {
        String copyColumn = column(SyncPair.ACTION_ITEMS.counterpart(stale.origin()));
        return jdbc.sql("UPDATE comment_links SET created_at = :now WHERE " + column(stale.origin()) + " = :original AND "
                        + copyColumn + " IS NULL AND created_at = :then")
                .param("now", SqlInstants.toColumn(now))
                .param("original", stale.originalId())
                .param("then", SqlInstants.toColumn(stale.createdAt()))
                .update() == 1;
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void release(CommentLink intent) {
        jdbc.sql("DELETE FROM comment_links WHERE " + column(intent.origin()) + " = :original AND "
                        + column(SyncPair.ACTION_ITEMS.counterpart(intent.origin())) + " IS NULL")
                .param("original", intent.originalId())
                .update();
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void record(CommentLink pair) {
        String copyId = pair.copyId().orElseThrow(() -> new IllegalArgumentException(
                "a recorded comment pair needs the copy's id; use recordIntent before the copy exists"));
        String originalColumn = column(pair.origin());
        String copyColumn = column(SyncPair.ACTION_ITEMS.counterpart(pair.origin()));
        try {
            int completed = jdbc.sql("UPDATE comment_links SET " + copyColumn + " = :copy WHERE " + originalColumn
                            + " = :original AND " + copyColumn + " IS NULL")
                    .param("copy", copyId)
                    .param("original", pair.originalId())
                    .update();
            if (completed > 0) {
                return;
            }
            Optional<CommentLink> existing = find(pair.origin(), pair.originalId());
            if (existing.isPresent()) {
                if (!existing.get().copyId().equals(pair.copyId())) {
                    throw new IllegalStateException("comment " + pair.originalId() + " on " + pair.origin()
                            + " is already paired with " + existing.get().copyId().orElse("?") + ", not " + copyId);
                }
                return;
            }
            insert(pair);
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("comment " + copyId + " on "
                    + SyncPair.ACTION_ITEMS.counterpart(pair.origin())
                    + " already belongs to another comment pair; not pairing it with " + pair.originalId(), e);
        }
    }

    @Override
    public List<CommentLink> forLink(UUID linkId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment_links WHERE link_id = :link ORDER BY created_at")
                .param("link", linkId)
                .query((row, n) -> read(row))
                .list();
    }

    private void insert(CommentLink link) {
        jdbc.sql("INSERT INTO comment_links (" + COLUMNS + ") VALUES (:link, :jira, :servicenow, :direction, :at)")
                .param("link", link.linkId())
                .param("jira", link.jiraCommentId())
                .param("servicenow", link.serviceNowJournalId())
                .param("direction", link.origin() == ExternalSystem.JIRA ? JIRA_TO_SERVICENOW : SERVICENOW_TO_JIRA)
                .param("at", SqlInstants.toColumn(link.createdAt()))
                .update();
    }

    private static String column(ExternalSystem system) {
        return system == ExternalSystem.JIRA ? "jira_comment_id" : "servicenow_journal_id";
    }

    private static CommentLink read(ResultSet row) throws SQLException {
        ExternalSystem origin = JIRA_TO_SERVICENOW.equals(row.getString("direction"))
                ? ExternalSystem.JIRA : ExternalSystem.SERVICENOW;
        return new CommentLink(row.getObject("link_id", UUID.class), origin, row.getString("jira_comment_id"),
                row.getString("servicenow_journal_id"), SqlInstants.fromColumn(row, "created_at"));
    }
}
