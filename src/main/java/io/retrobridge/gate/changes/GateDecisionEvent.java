package io.retrobridge.gate.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.DedupKeys;
import io.retrobridge.sync.GateDecisionRecords.Blocking;
import io.retrobridge.sync.GateDecisionRecords.GateDecisionNote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The inbox event that writes one gate answer on its change: the change's number and the answer as served, kept
 * whole so a replayed event writes what the caller was told.
 */
final class GateDecisionEvent {

    /** The kind of the inbox event. */
    static final String KIND = "gate:change-decision";
    /** The source of the events: RetroBridge itself. */
    static final ExternalSystem SOURCE = ExternalSystem.valueOf("RETROBRIDGE");

    private static final ObjectMapper JSON = new ObjectMapper();

    private GateDecisionEvent() {
    }

    /**
     * Events of one change go under one entity, so they are written one at a time and in order: each reads what the
     * change last got after the one before wrote it.
     */
    static String entityOf(String changeNumber) {
        return "gate:" + changeNumber;
    }

    /**
     * The answer goes in as the text it was served as, not parsed again: this runs while the caller waits, and an
     * answer can list many items. It is JSON the gate wrote itself.
     */
    static InboundEvent of(String changeNumber, UUID evaluationId, String answerJson, Instant at) {
        String payload = "{\"changeNumber\":" + TextNode.valueOf(changeNumber) + ",\"answer\":" + answerJson + "}";
        return InboundEvent.received(SOURCE, KIND, entityOf(changeNumber),
                DedupKeys.of(KIND, changeNumber, evaluationId.toString()), at, payload);
    }

    /** The answer in the payload, as the change is shown it. */
    static GateDecisionNote note(String payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a " + KIND + " event's payload is not JSON", e);
        }
        JsonNode answer = root.path("answer");
        List<Blocking> blocking = new ArrayList<>();
        for (JsonNode item : answer.path("blocking")) {
            blocking.add(new Blocking(item.path("rule").asText(), item.path("reference").asText(),
                    text(item, "title"), text(item, "jiraKey"), text(item, "serviceNowNumber")));
        }
        return new GateDecisionNote(UUID.fromString(answer.path("evaluationId").asText()), text(answer, "gate"),
                root.path("changeNumber").asText(), text(answer, "application"), text(answer, "version"),
                text(answer, "environment"), answer.path("decision").asText(), answer.path("reason").asText(),
                answer.path("statusUrl").asText(), Instant.parse(answer.path("decidedAt").asText()), blocking);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
