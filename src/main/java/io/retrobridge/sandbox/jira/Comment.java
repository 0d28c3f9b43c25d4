package io.retrobridge.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A comment on an issue: ADF body, author, and an optional visibility restriction as given. */
record Comment(String id, String authorId, JsonNode body, JsonNode visibility, Instant created, Instant updated) {
}
