package io.retrobridge.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One comment on an issue.
 *
 * @param authorAccountId the author's accountId (Cloud) or user name (Server/Data Center); null if Jira hid it
 * @param body            an Atlassian Document (REST v3) or a wiki-markup string (REST v2)
 * @param authorName      the author's display name as Jira shows it; null if Jira hid it
 */
public record JiraComment(String id, String authorAccountId, Instant created, JsonNode body, String authorName) {

    public JiraComment(String id, String authorAccountId, Instant created, JsonNode body) {
        this(id, authorAccountId, created, body, null);
    }
}
