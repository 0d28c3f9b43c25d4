package io.retrobridge.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The simulators' one JSON mapper. */
public final class SandboxJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private SandboxJson() {
    }

    public static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedJson("the request has no body");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedJson(e.getOriginalMessage());
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A request body that is not JSON; simulators answer it with their system's 400 shape. */
    public static final class MalformedJson extends RuntimeException {
        public MalformedJson(String message) {
            super(message);
        }
    }
}
