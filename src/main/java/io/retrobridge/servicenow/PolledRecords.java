package io.retrobridge.servicenow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sync.CounterpartLookup;
import io.retrobridge.sync.PolledRecord;
import io.retrobridge.sync.SideRecord;
import io.retrobridge.transport.PollEnvelope;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The payload of a ServiceNow poll event: the record as the page read it (every field the mapping reads), its
 * journal when the page read that too, the scope it was read through, when, and what the page's look-up found on
 * the other side. The sync uses it instead of reading the record again; anything missing or unreadable makes it
 * read as before.
 */
public final class PolledRecords {

    /** The event kind of a version a ServiceNow poll or backfill page read. */
    public static final String KIND = "servicenow:poll";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolledRecords() {
    }

    static String payload(ServiceNowRecord record, Optional<List<JournalLine>> journal, String scope, Instant polledAt,
            Optional<CounterpartLookup> lookup) {
        ObjectNode root = JSON.createObjectNode();
        PollEnvelope.write(root, polledAt, scope, lookup);
        ObjectNode node = root.putObject("record");
        node.put("sys_id", record.sysId());
        node.put("updatedOn", record.updatedOn().toString());
        node.put("modCount", record.modCount());
        node.set("fields", record.fields());
        journal.ifPresent(lines -> {
            ArrayNode array = root.putArray("journal");
            lines.forEach(line -> array.addObject().put("sys_id", line.sysId()).put("element", line.element())
                    .put("value", line.value()).put("createdOn", line.createdOn().toString())
                    .put("createdBy", line.createdBy()));
        });
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The record an event of {@code kind} carries, when it was read through {@code scope} and holds every one of {@code needed}. */
    static Optional<PolledRecord> read(String kind, String payload, String scope, Collection<String> needed) {
        Optional<JsonNode> root = root(kind, payload);
        Optional<PollEnvelope.Note> note = root.flatMap(r -> PollEnvelope.read(r, scope));
        if (note.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = root.get().path("record");
        JsonNode fields = node.path("fields");
        String sysId = node.path("sys_id").asText("");
        if (!TableApiNames.isSysId(sysId) || !fields.isObject() || !needed.stream().allMatch(fields::has)) {
            return Optional.empty();
        }
        try {
            ServiceNowRecord record = new ServiceNowRecord(sysId, Instant.parse(node.path("updatedOn").asText()),
                    node.path("modCount").asInt(), (ObjectNode) fields.deepCopy());
            return Optional.of(new PolledRecord(ServiceNowSide.record(record), note.get().polledAt(),
                    note.get().counterpart()));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /** The journal of the record an event of {@code kind} carries, oldest first; empty when the page did not read it. */
    public static Optional<List<JournalLine>> journal(String kind, String payload) {
        JsonNode array = root(kind, payload).map(r -> r.path("journal")).orElse(JSON.missingNode());
        if (!array.isArray()) {
            return Optional.empty();
        }
        List<JournalLine> lines = new ArrayList<>();
        try {
            for (JsonNode line : array) {
                lines.add(new JournalLine(line.path("sys_id").asText(), line.path("element").asText(),
                        line.path("value").asText(null), Instant.parse(line.path("createdOn").asText()),
                        line.path("createdBy").asText(null)));
            }
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(lines));
    }

    private static Optional<JsonNode> root(String kind, String payload) {
        if (!KIND.equals(kind) || payload == null || payload.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(payload);
            return PollEnvelope.isPolled(root) ? Optional.of(root) : Optional.empty();
        } catch (JsonProcessingException unreadable) {
            return Optional.empty();
        }
    }
}
