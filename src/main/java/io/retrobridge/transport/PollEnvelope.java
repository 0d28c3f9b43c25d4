package io.retrobridge.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sync.CounterpartLookup;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What a poll notes on each event its page produced, beside the record: when the page was read, through which scope,
 * and what the page's one look-up of copies on the other side answered. Every adapter writes and reads it the same
 * way, under {@code "polled"} in the event's payload.
 */
public final class PollEnvelope {

    private static final String POLLED = "polled";

    /** When the page was read, and the look-up of this record's copy made for the page, if one was. */
    public record Note(Instant polledAt, Optional<CounterpartLookup> counterpart) {
    }

    private PollEnvelope() {
    }

    /** Adds the note to {@code root}, the payload an adapter is writing. */
    public static void write(ObjectNode root, Instant polledAt, String scope, Optional<CounterpartLookup> lookup) {
        ObjectNode polled = root.putObject(POLLED);
        polled.put("at", polledAt.toString());
        polled.put("scope", scope);
        lookup.ifPresent(l -> {
            ObjectNode counterpart = polled.putObject("counterpart");
            counterpart.put("correlationId", l.correlationId());
            counterpart.put("lookedAt", l.lookedAt().toString());
            counterpart.put("found", l.foundId().orElse(null));
        });
    }

    /** Whether {@code root} is a payload a poll wrote. */
    public static boolean isPolled(JsonNode root) {
        return root != null && root.path(POLLED).isObject();
    }

    /**
     * The note of a payload read through {@code scope}; empty when the page was read through another scope (the
     * mapping changed since) or the note is unreadable, so the record is read again instead of trusted.
     */
    public static Optional<Note> read(JsonNode root, String scope) {
        JsonNode polled = root.path(POLLED);
        if (!scope.equals(polled.path("scope").asText(null))) {
            return Optional.empty();
        }
        try {
            Optional<CounterpartLookup> lookup = Optional.empty();
            JsonNode counterpart = polled.path("counterpart");
            if (counterpart.isObject()) {
                lookup = Optional.of(new CounterpartLookup(counterpart.path("correlationId").asText(),
                        Instant.parse(counterpart.path("lookedAt").asText()),
                        Optional.ofNullable(counterpart.path("found").textValue())));
            }
            return Optional.of(new Note(Instant.parse(polled.path("at").asText()), lookup));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
