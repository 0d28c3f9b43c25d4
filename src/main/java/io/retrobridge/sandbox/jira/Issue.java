package io.retrobridge.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One issue's state. Mutable, but only ever changed by {@link IssueStore} under its lock; everyone
 * else sees {@link #copy() copies}.
 */
final class Issue {

    final String id;
    final String key;
    final JiraProject project;
    final Instant created;
    final String creatorId;
    JiraCatalog.IssueType issueType;
    JiraCatalog.Status status = JiraCatalog.TO_DO;
    String summary;
    JsonNode description;
    Set<String> labels = new LinkedHashSet<>();
    JiraCatalog.Priority priority = JiraCatalog.DEFAULT_PRIORITY;
    String assigneeId;
    String reporterId;
    LocalDate duedate;
    List<JiraProject.Component> components = new ArrayList<>();
    JiraCatalog.Resolution resolution;
    Instant resolutionDate;
    Instant updated;
    Instant statusChanged;
    List<Comment> comments = new ArrayList<>();
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    List<JiraReleases.Version> fixVersions = new ArrayList<>();
    /** The sprint the issue is in (Jira Cloud's Sprint field, customfield_10020); null when in none. */
    JiraReleases.Sprint sprint;

    Issue(String id, String key, JiraProject project, Instant created, String creatorId) {
        this.id = id;
        this.key = key;
        this.project = project;
        this.created = created;
        this.creatorId = creatorId;
        this.updated = created;
        this.statusChanged = created;
    }

    /** The number after the dash, so PAY-10 sorts after PAY-9. */
    long number() {
        return Long.parseLong(key.substring(key.lastIndexOf('-') + 1));
    }

    Issue copy() {
        Issue c = new Issue(id, key, project, created, creatorId);
        c.issueType = issueType;
        c.status = status;
        c.summary = summary;
        c.description = description == null ? null : description.deepCopy();
        c.labels = new LinkedHashSet<>(labels);
        c.priority = priority;
        c.assigneeId = assigneeId;
        c.reporterId = reporterId;
        c.duedate = duedate;
        c.components = new ArrayList<>(components);
        c.resolution = resolution;
        c.resolutionDate = resolutionDate;
        c.updated = updated;
        c.statusChanged = statusChanged;
        c.comments = new ArrayList<>(comments);
        c.properties = new LinkedHashMap<>(properties);
        c.fixVersions = new ArrayList<>(fixVersions);
        c.sprint = sprint;
        return c;
    }
}
