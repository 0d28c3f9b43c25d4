package io.retrobridge.store;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/** The columns an inbound event is kept in; shared by the inbox and the dead letters that copy it. */
final class InboundEventColumns {

    static final String NAMES = "source_system, event_kind, entity_id, dedup_key, received_at, payload";
    static final String PARAMETERS = ":source, :kind, :entityId, :dedupKey, :receivedAt, :payload";

    private InboundEventColumns() {
    }

    static StatementSpec bind(StatementSpec statement, InboundEvent event) {
        return statement
                .param("source", event.source().name())
                .param("kind", event.kind())
                .param("entityId", event.entityId())
                .param("dedupKey", event.dedupKey())
                .param("receivedAt", SqlInstants.toColumn(event.receivedAt()))
                .param("payload", event.payload());
    }

    static InboundEvent read(ResultSet row, String idColumn) throws SQLException {
        return new InboundEvent(row.getObject(idColumn, UUID.class),
                ExternalSystem.valueOf(row.getString("source_system")),
                row.getString("event_kind"),
                row.getString("entity_id"),
                row.getString("dedup_key"),
                SqlInstants.fromColumn(row, "received_at"),
                row.getString("payload"));
    }
}
