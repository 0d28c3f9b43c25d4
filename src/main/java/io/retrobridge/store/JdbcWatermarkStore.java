package io.retrobridge.store;

import io.retrobridge.domain.Watermark;
import io.retrobridge.sync.Fence;
import io.retrobridge.sync.FencedOutException;
import io.retrobridge.sync.LeaderTerm;
import io.retrobridge.sync.WatermarkStore;
import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The watermarks table, one row per poller. A watermark only moves forward (unless the stored one lies in the
 * future, from before polls clamped it to the clock); with several instances a save is also fenced: it carries the
 * leadership term the poll ran under and changes nothing once a newer term exists.
 */
@Repository
public class JdbcWatermarkStore implements WatermarkStore {

    /** Forward only; a watermark in the future is no clock to keep (see PollRound) and may be moved back. */
    private static final String FORWARD_ONLY = "(watermark_at <= :at OR watermark_at > :now)";

    private final JdbcClient jdbc;
    private final LeaderTerm leadership;
    private final Clock clock;

    @Autowired
    public JdbcWatermarkStore(JdbcClient jdbc, ObjectProvider<LeaderTerm> leadership, ObjectProvider<Clock> clock) {
        this(jdbc, leadership.getIfAvailable(() -> LeaderTerm.NOT_FENCED), clock.getIfAvailable(Clock::systemUTC));
    }

    /** A store fenced by the given leadership (or by none: {@link LeaderTerm#NOT_FENCED}). */
    public JdbcWatermarkStore(JdbcClient jdbc, LeaderTerm leadership, Clock clock) {
        this.jdbc = jdbc;
        this.leadership = leadership;
        this.clock = clock;
    }

    @Override
    public Optional<Watermark> find(String poller) {
        return jdbc.sql("SELECT poller, watermark_at, ids_at_watermark_json FROM watermarks WHERE poller = :poller")
                .param("poller", poller)
                .query((row, rowNumber) -> new Watermark(row.getString("poller"),
                        SqlInstants.fromColumn(row, "watermark_at"),
                        new HashSet<>(JsonColumns.toStrings(row.getString("ids_at_watermark_json"),
                                "the watermark of poller " + poller))))
                .optional();
    }

    // Update, else insert: portable across H2 and PostgreSQL 14 (no common upsert). Each statement commits on
    // its own, so a lost race on the first insert can fall back to the update on PostgreSQL too.
    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void save(Watermark watermark) {
        if (!leadership.fenced()) {
            saveUnfenced(watermark);
            return;
        }
        Fence fence = leadership.require("Saving the watermark of " + watermark.poller());
        if (fencedUpdate(watermark, fence) > 0) {
            return;
        }
        try {
            if (fencedInsert(watermark, fence) > 0) {
                return;
            }
        } catch (DuplicateKeyException firstSavedElsewhere) {
            if (fencedUpdate(watermark, fence) > 0) {
                return;
            }
        }
        if (!isLatest(fence)) {
            throw new FencedOutException("Saving the watermark of " + watermark.poller() + " refused: term "
                    + fence.term() + " of " + fence.namespace() + " is no longer the latest; another instance leads");
        }
        // Still the latest term: the stored watermark is further on already, and stays.
    }

    private void saveUnfenced(Watermark watermark) {
        if (update(watermark) > 0) {
            return;
        }
        try {
            jdbc.sql("""
                            INSERT INTO watermarks (poller, watermark_at, ids_at_watermark_json)
                            VALUES (:poller, :at, :ids)
                            """)
                    .param("poller", watermark.poller())
                    .param("at", SqlInstants.toColumn(watermark.at()))
                    .param("ids", ids(watermark))
                    .update();
        } catch (DuplicateKeyException firstSavedElsewhere) {
            update(watermark);
        }
    }

    private int update(Watermark watermark) {
        return jdbc.sql("UPDATE watermarks SET watermark_at = :at, ids_at_watermark_json = :ids WHERE poller = :poller"
                        + " AND " + FORWARD_ONLY)
                .param("poller", watermark.poller())
                .param("at", SqlInstants.toColumn(watermark.at()))
                .param("ids", ids(watermark))
                .param("now", SqlInstants.toColumn(clock.instant()))
                .update();
    }

    // The term check is part of each statement, so a newer election cannot slip in between check and write.
    private int fencedUpdate(Watermark watermark, Fence fence) {
        return jdbc.sql("UPDATE watermarks SET watermark_at = :at, ids_at_watermark_json = :ids WHERE poller = :poller"
                        + " AND " + FORWARD_ONLY
                        + " AND EXISTS (SELECT 1 FROM leader_terms WHERE namespace = :ns AND term = :term)")
                .param("poller", watermark.poller())
                .param("at", SqlInstants.toColumn(watermark.at()))
                .param("ids", ids(watermark))
                .param("now", SqlInstants.toColumn(clock.instant()))
                .param("ns", fence.namespace())
                .param("term", fence.term())
                .update();
    }

    private int fencedInsert(Watermark watermark, Fence fence) {
        return jdbc.sql("""
                        INSERT INTO watermarks (poller, watermark_at, ids_at_watermark_json)
                        SELECT :poller, :at, :ids FROM leader_terms
                         WHERE namespace = :ns AND term = :term
                           AND NOT EXISTS (SELECT 1 FROM watermarks WHERE poller = :poller)
                        """)
                .param("poller", watermark.poller())
                .param("at", SqlInstants.toColumn(watermark.at()))
                .param("ids", ids(watermark))
                .param("ns", fence.namespace())
                .param("term", fence.term())
                .update();
    }

    private boolean isLatest(Fence fence) {
        return jdbc.sql("SELECT COUNT(*) FROM leader_terms WHERE namespace = :ns AND term = :term")
                .param("ns", fence.namespace()).param("term", fence.term())
                .query(Long.class).single() > 0;
    }

    private static String ids(Watermark watermark) {
        return JsonColumns.fromStrings(watermark.idsAtWatermark().stream().sorted().toList());
    }
}
