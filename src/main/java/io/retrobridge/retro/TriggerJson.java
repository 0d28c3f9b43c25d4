package io.retrobridge.retro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.retrobridge.domain.RetrospectiveTrigger;

/** A retrospective trigger as the payload of the inbox event that opens its retrospective, and back. */
public final class TriggerJson {

    /** The kind of the inbox event that opens a retrospective. */
    public static final String KIND = "retro:open";

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private TriggerJson() {
    }

    public static String write(RetrospectiveTrigger trigger) {
        try {
            return JSON.writeValueAsString(trigger);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a retrospective trigger could not be written as JSON", e);
        }
    }

    /** @throws IllegalArgumentException when the payload is not a trigger */
    public static RetrospectiveTrigger read(String payload) {
        try {
            return JSON.readValue(payload, RetrospectiveTrigger.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the event's payload is not a retrospective trigger: "
                    + e.getOriginalMessage(), e);
        }
    }
}
