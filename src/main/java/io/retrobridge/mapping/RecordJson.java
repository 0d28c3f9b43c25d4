package io.retrobridge.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Jackson trees into {@link RecordFields} and back, for the adapters (which speak JSON to their systems) and
 * for the mapping's text converters. One walk each way, field order kept, so a body written from the fields is
 * the JSON they were made from.
 */
public final class RecordJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RecordJson() {
    }

    /** The fields of a JSON object; empty for null, a missing node or anything that is not an object. */
    public static RecordFields fields(JsonNode object) {
        if (object == null || !object.isObject()) {
            return RecordFields.empty();
        }
        return RecordFields.wrap(map(object));
    }

    /** A JSON value as a plain one (objects and lists unmodifiable); null for null or a missing node. */
    public static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isObject()) {
            return Collections.unmodifiableMap(map(node));
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(value(element)));
            return Collections.unmodifiableList(list);
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    private static Map<String, Object> map(JsonNode object) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            map.put(field.getKey(), value(field.getValue()));
        }
        return map;
    }

    /** The fields as a new JSON object, which the caller may change. */
    public static ObjectNode json(RecordFields fields) {
        ObjectNode object = JSON.objectNode();
        fields.asMap().forEach((name, value) -> object.set(name, json(value)));
        return object;
    }

    /** A plain value as a new JSON node. */
    public static JsonNode json(Object value) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof String text) {
            return JSON.textNode(text);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = JSON.objectNode();
            map.forEach((name, element) -> object.set(String.valueOf(name), json(element)));
            return object;
        }
        if (value instanceof Iterable<?> list) {
            ArrayNode array = JSON.arrayNode();
            list.forEach(element -> array.add(json(element)));
            return array;
        }
        if (value instanceof Boolean bool) {
            return JSON.booleanNode(bool);
        }
        if (value instanceof Integer i) {
            return JSON.numberNode(i);
        }
        if (value instanceof Long l) {
            return JSON.numberNode(l);
        }
        if (value instanceof Double d) {
            return JSON.numberNode(d);
        }
        if (value instanceof BigDecimal b) {
            return JSON.numberNode(b);
        }
        if (value instanceof BigInteger b) {
            return JSON.numberNode(b);
        }
        if (value instanceof Number n) {
            return JSON.numberNode(new BigDecimal(n.toString()));
        }
        throw new IllegalArgumentException("not a plain JSON value: " + value.getClass().getName());
    }
}
