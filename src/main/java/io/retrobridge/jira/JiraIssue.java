package io.retrobridge.jira;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One Jira issue as read over REST.
 *
 * @param id      Jira's numeric id, stable across project moves
 * @param key     the human key, e.g. {@code PAY-12}
 * @param updated when Jira last changed it (null only if Jira sent no {@code updated} field)
 * @param fields  the {@code fields} object as Jira sent it, never null
 */
public record JiraIssue(String id, String key, Instant updated, ObjectNode fields) {

    public JiraIssue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fields, "fields");
    }
}
