package io.retrobridge.jira;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads Jira's JSON answers into our records; writes request bodies. */
final class JiraPayloads {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Jira's timestamp: {@code 2026-11-25T10:15:30.000+0000} (offset without a colon). */
    private static final DateTimeFormatter JIRA_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private JiraPayloads() {
    }

    /** Null when absent or null; throws with the offending text when Jira sent something unreadable. */
    static Instant timestamp(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.asText().isBlank()) {
            return null;
        }
        String text = node.asText();
        try {
            return OffsetDateTime.parse(text, JIRA_TIMESTAMP).toInstant();
        } catch (DateTimeParseException notJiraStyle) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("Jira sent a timestamp that is not yyyy-MM-ddTHH:mm:ss.SSS+hhmm: " + text, e);
            }
        }
    }

    static JiraIssue issue(JsonNode node) {
        JsonNode fields = node.path("fields");
        ObjectNode copy = fields.isObject() ? (ObjectNode) fields.deepCopy() : JSON.createObjectNode();
        return new JiraIssue(node.path("id").asText(), node.path("key").asText(), timestamp(fields.path("updated")), copy);
    }

    static JiraComment comment(JsonNode node) {
        JsonNode author = node.path("author");
        String authorId = author.hasNonNull("accountId") ? author.get("accountId").asText()
                : author.hasNonNull("name") ? author.get("name").asText() : null;
        String authorName = author.hasNonNull("displayName") ? author.get("displayName").asText() : null;
        return new JiraComment(node.path("id").asText(), authorId, timestamp(node.path("created")), node.path("body").deepCopy(),
                authorName);
    }

    /** The parsed body, or null when it is not JSON. */
    static JsonNode parseOrNull(String body) {
        try {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
