package io.retrobridge.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps and lists stored as JSON text. Its own ObjectMapper, so the stored format does not change when the
 * web API's JSON settings do.
 */
final class JsonColumns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private JsonColumns() {
    }

    static String fromFields(Map<String, String> fields) {
        return write(fields);
    }

    static Map<String, String> toFields(String json, String where) {
        return read(json, FIELDS, where);
    }

    static String fromStrings(Collection<String> values) {
        return write(values);
    }

    static List<String> toStrings(String json, String where) {
        return read(json, STRINGS, where);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type, String where) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The JSON stored in " + where + " is not readable ("
                    + e.getOriginalMessage() + "); was it edited by hand?", e);
        }
    }
}
