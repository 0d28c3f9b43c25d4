package io.retrobridge.store;

import io.retrobridge.domain.Watermark;
import io.retrobridge.sync.WatermarkStore;
import java.util.HashSet;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The watermarks table, one row per poller. */
@Repository
public class JdbcWatermarkStore implements WatermarkStore {

    private final JdbcClient jdbc;

    public JdbcWatermarkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                    .param("ids", JsonColumns.fromStrings(watermark.idsAtWatermark().stream().sorted().toList()))
                    .update();
        } catch (DuplicateKeyException firstSavedElsewhere) {
            update(watermark);
        }
    }

    private int update(Watermark watermark) {
        return jdbc.sql("UPDATE watermarks SET watermark_at = :at, ids_at_watermark_json = :ids WHERE poller = :poller")
                .param("poller", watermark.poller())
                .param("at", SqlInstants.toColumn(watermark.at()))
                .param("ids", JsonColumns.fromStrings(watermark.idsAtWatermark().stream().sorted().toList()))
                .update();
    }
}
