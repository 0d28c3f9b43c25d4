package io.retrobridge.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.sync.InvalidWebhookException;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a JSON webhook body for the adapters whose senders post JSON, with messages that tell a sender where the
 * body breaks, and scalar fields by dotted path for messages that name the path.
 */
public final class WebhookJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");

    private WebhookJson() {
    }

    /** The body as a JSON object; the exception's message is one a sender can act on. */
    public static JsonNode object(byte[] body) throws InvalidWebhookException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidWebhookException("The body is not valid JSON (" + firstClause(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()) + ").");
        } catch (IOException e) {
            throw new InvalidWebhookException("The body is not valid JSON (" + e.getMessage() + ").");
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidWebhookException("The body is empty; a delivery is a JSON object.");
        }
        if (!root.isObject()) {
            throw new InvalidWebhookException("The body is JSON but not an object; a delivery is a JSON object.");
        }
        return root;
    }

    /** The text of a string or number at {@code path}; empty when absent, null or blank. */
    public static Optional<String> text(JsonNode root, String path) {
        JsonNode node = root;
        for (String name : path.split("\\.")) {
            node = node == null || !node.isObject() ? null : node.get(name);
        }
        if (node == null || !(node.isTextual() || node.isNumber()) || node.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    // Jackson appends where an unclosed object started, with a placeholder for the source; the line and column
    // we add are what a sender needs.
    private static String firstClause(String parserMessage) {
        String firstLine = parserMessage == null ? "unreadable" : parserMessage.lines().findFirst().orElse("unreadable");
        int startMarker = firstLine.indexOf(" (start marker");
        return startMarker > 0 ? firstLine.substring(0, startMarker) : firstLine;
    }

    /** What kind of JSON value a node is, for "x is a number, not a string" messages. */
    public static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** A value as it may appear in a message and a log line: control and format characters shown as '?'. */
    public static String printable(String value) {
        return UNPRINTABLE.matcher(value).replaceAll("?");
    }
}
