package io.retrobridge.pipeline;

import static io.retrobridge.sync.InvalidWebhookException.quote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.transport.WebhookJson;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One CI/CD delivery's JSON, read by dotted path, with refusals that name the path and the event kind so the
 * sender's admin sees which field to fix.
 */
public final class Payload {

    private final JsonNode root;
    private final String kind;

    private Payload(JsonNode root, String kind) {
        this.root = root;
        this.kind = kind;
    }

    /** The body as a JSON object; refuses anything else with a message a sender can act on. */
    public static Payload of(byte[] body, String kind) throws InvalidWebhookException {
        try {
            return new Payload(WebhookJson.object(body), kind);
        } catch (InvalidWebhookException e) {
            throw new InvalidWebhookException(e.getMessage(), kind);
        }
    }

    public String kind() {
        return kind;
    }

    /** The node at {@code path}; missing when any step is absent. */
    public JsonNode node(String path) {
        JsonNode node = root;
        for (String name : path.split("\\.")) {
            node = node.isObject() && node.has(name) ? node.get(name) : MissingNode.getInstance();
        }
        return node;
    }

    /** The text of a string or number at {@code path}; empty when absent, null or blank. */
    public Optional<String> text(String path) {
        return WebhookJson.text(root, path).map(String::strip);
    }

    /** The text at {@code path}; refused naming the path and why the field is needed. */
    public String required(String path, String why) throws InvalidWebhookException {
        return text(path).orElseThrow(() -> invalid(path + " is missing: " + why));
    }

    /** The text at {@code path}, at most 255 characters and on one line, as an identifier is. */
    public String identifier(String path, String why) throws InvalidWebhookException {
        String value = required(path, why);
        if (value.length() > 255 || value.contains("\n")) {
            throw invalid(path + " " + quote(value) + " is not a name or id (one line, at most 255 characters).");
        }
        return value;
    }

    /** The time at {@code path}: ISO 8601, GitLab's layouts, or milliseconds since 1970 as a number. */
    public Optional<Instant> instant(String path) throws InvalidWebhookException {
        JsonNode node = node(path);
        if (node.isIntegralNumber()) {
            return Optional.of(Instant.ofEpochMilli(node.asLong()));
        }
        Optional<String> text = text(path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Timestamps.parse(text.get()).orElseThrow(() -> invalid(path + " " + quote(text.get())
                + " is not a time (ISO 8601 such as 2026-03-02T09:30:00Z, or 2026-03-02 09:30:00 +0100).")));
    }

    /** A time in one of the layouts CI/CD systems send, read from a field this class does not reach by path. */
    public static Optional<Instant> time(String text) {
        return Timestamps.parse(text.strip());
    }

    /** The lower-cased text at {@code path}, for statuses compared against a system's words. */
    public Optional<String> word(String path) {
        return text(path).map(value -> value.toLowerCase(Locale.ROOT));
    }

    /**
     * The first match of {@code pattern} in the fields named (comma-separated paths, in order); a field holding an
     * object or list is searched as its JSON text, so a change number anywhere in a deployment payload is found.
     */
    public Optional<String> firstMatch(Pattern pattern, String fields) {
        for (String path : fields.split(",")) {
            if (path.isBlank()) {
                continue;
            }
            JsonNode node = node(path.strip());
            String text = node.isContainerNode() ? node.toString() : node.isValueNode() ? node.asText() : "";
            Matcher match = pattern.matcher(text);
            if (match.find()) {
                return Optional.of(match.group());
            }
        }
        return Optional.empty();
    }

    /** A refusal naming what is wrong with this delivery. */
    public InvalidWebhookException invalid(String message) {
        return new InvalidWebhookException(message, kind);
    }
}
