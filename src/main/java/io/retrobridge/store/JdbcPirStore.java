package io.retrobridge.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.sync.PirStore;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The pir_summaries table (one row per release key, the summary as JSON text) and pir_written_notes (per key and
 * system, the note or comment it was written as). A save replaces the row; of two concurrent first saves of one key,
 * the later replaces the earlier as a later save would.
 */
@Repository
public class JdbcPirStore implements PirStore {

    // Its own mapper, so the stored format does not follow the web API's JSON settings.
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcPirStore(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public Optional<PirSummary> find(String key) {
        return jdbc.sql("SELECT summary_json FROM pir_summaries WHERE summary_key = :key").param("key", key)
                .query(String.class).optional().map(json -> read(json, key));
    }

    @Override
    public void save(PirSummary summary) {
        String json = write(summary);
        if (update(summary, json) == 1) {
            return;
        }
        try {
            jdbc.sql("""
                            INSERT INTO pir_summaries (summary_key, change_number, collected_at, collections, summary_json)
                            VALUES (:key, :change, :collectedAt, :collections, :json)
                            """)
                    .param("key", summary.key())
                    .param("change", summary.changeNumber())
                    .param("collectedAt", SqlInstants.toColumn(summary.collectedAt()))
                    .param("collections", summary.collections())
                    .param("json", json)
                    .update();
        } catch (DuplicateKeyException savedMeanwhile) {
            update(summary, json);
        }
    }

    private int update(PirSummary summary, String json) {
        return jdbc.sql("""
                        UPDATE pir_summaries SET change_number = :change, collected_at = :collectedAt,
                               collections = :collections, summary_json = :json
                         WHERE summary_key = :key
                        """)
                .param("key", summary.key())
                .param("change", summary.changeNumber())
                .param("collectedAt", SqlInstants.toColumn(summary.collectedAt()))
                .param("collections", summary.collections())
                .param("json", json)
                .update();
    }

    @Override
    public Optional<String> writtenAs(String key, ExternalSystem system) {
        return jdbc.sql("SELECT note_id FROM pir_written_notes WHERE summary_key = :key AND system_name = :system")
                .param("key", key).param("system", system.name()).query(String.class).optional();
    }

    @Override
    public void rememberWritten(String key, ExternalSystem system, String noteId) {
        if (find(key).isEmpty()) {
            throw new IllegalStateException("there is no PIR summary " + key + " to remember a " + system.name()
                    + " note of; save the summary before writing it");
        }
        int updated = rememberAgain(key, system, noteId);
        if (updated == 0) {
            try {
                jdbc.sql("""
                                INSERT INTO pir_written_notes (summary_key, system_name, note_id, written_at)
                                VALUES (:key, :system, :note, :at)
                                """)
                        .param("key", key).param("system", system.name()).param("note", noteId)
                        .param("at", SqlInstants.toColumn(clock.instant()))
                        .update();
            } catch (DuplicateKeyException rememberedMeanwhile) {
                rememberAgain(key, system, noteId);
            }
        }
    }

    private int rememberAgain(String key, ExternalSystem system, String noteId) {
        return jdbc.sql("""
                        UPDATE pir_written_notes SET note_id = :note, written_at = :at
                         WHERE summary_key = :key AND system_name = :system
                        """)
                .param("key", key).param("system", system.name()).param("note", noteId)
                .param("at", SqlInstants.toColumn(clock.instant()))
                .update();
    }

    private static String write(PirSummary summary) {
        try {
            return JSON.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the PIR summary " + summary.key() + " could not be written as JSON", e);
        }
    }

    private static PirSummary read(String json, String key) {
        try {
            return JSON.readValue(json, PirSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The PIR summary stored for " + key + " is not readable ("
                    + e.getOriginalMessage() + "); was it edited by hand?", e);
        }
    }
}
