package io.retrobridge.escalation.scan;

import io.retrobridge.flow.items.CanonicalProjection;
import io.retrobridge.servicenow.ServiceNowSide;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Link;
import io.retrobridge.escalation.EscalationSubject;
import io.retrobridge.jira.JiraClient;
import io.retrobridge.jira.JiraIssue;
import io.retrobridge.jira.JiraPoller;
import io.retrobridge.jira.JiraSearchPage;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.escalation.ItemContext;
import io.retrobridge.servicenow.ServiceNowClient;
import io.retrobridge.servicenow.ServiceNowRecord;
import io.retrobridge.sync.LinkStore;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads every action item in the mapping's scope on both sides in bulk (one paged ServiceNow read, one paged Jira
 * search), joins the two records of each link and makes the subject the planner sees. The retrospective and its
 * change record come dot-walked in the same ServiceNow read ({@code problem.number}, {@code problem.rfc.number}), so
 * a scan of a thousand items costs a handful of requests, not one per item.
 */
final class EscalationItems {

    /** What one bulk read found: the linked items, and the records no link holds yet. */
    record Read(List<ScannedItem> items, List<String> notLinked) {
    }

    private static final int SERVICENOW_PAGE = 500;
    private static final int JIRA_PAGE = 100;
    private static final DateTimeFormatter GLIDE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final ServiceNowClient servicenow;
    private final JiraClient jira;
    private final LinkStore links;
    private final URI serviceNowBase;
    private final URI jiraBase;

    EscalationItems(ServiceNowClient servicenow, JiraClient jira, LinkStore links, URI serviceNowBase, URI jiraBase) {
        this.servicenow = servicenow;
        this.jira = jira;
        this.links = links;
        this.serviceNowBase = serviceNowBase;
        this.jiraBase = jiraBase;
    }

    Read readAll(ActionItemMapping mapping, EscalationPolicy policy) {
        Map<UUID, Pair> pairs = new LinkedHashMap<>();
        List<String> notLinked = new ArrayList<>();
        String table = mapping.serviceNowScope().table();
        for (ServiceNowRecord record : servicenow.allUpdatedSince(table, mapping.serviceNowScope().query(), Instant.EPOCH,
                serviceNowFields(mapping, policy), SERVICENOW_PAGE)) {
            Optional<Link> link = links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, record.sysId()));
            if (link.isEmpty()) {
                notLinked.add(record.fields().path("number").asText(record.sysId()));
                continue;
            }
            pairs.computeIfAbsent(link.get().id(), id -> new Pair(link.get())).servicenow = record;
        }
        String jql = JiraPoller.scopeQuery(mapping.jiraScope()).orderBy("key", true).build();
        String token = null;
        do {
            JiraSearchPage page = jira.search(jql, jiraFields(mapping), token, JIRA_PAGE);
            for (JiraIssue issue : page.issues()) {
                Optional<Link> link = links.findByExternal(new ExternalRef(ExternalSystem.JIRA, issue.id()));
                if (link.isEmpty()) {
                    notLinked.add(issue.key());
                    continue;
                }
                pairs.computeIfAbsent(link.get().id(), id -> new Pair(link.get())).jira = issue;
            }
            token = page.nextPageToken().orElse(null);
        } while (token != null);
        List<ScannedItem> items = new ArrayList<>();
        for (Pair pair : pairs.values()) {
            items.add(subject(pair, mapping, policy, table));
        }
        return new Read(items, notLinked);
    }

    private ScannedItem subject(Pair pair, ActionItemMapping mapping, EscalationPolicy policy, String table) {
        ItemContext context = policy.context();
        Map<ExternalSystem, String> keys = new TreeMap<>();
        Map<ExternalSystem, String> ids = new TreeMap<>();
        Map<ExternalSystem, String> urls = new TreeMap<>();
        ActionItem fromServiceNow = null;
        ActionItem fromJira = null;
        String owner = null;
        String retrospective = null;
        String change = null;
        String team = null;
        Set<String> labels = new LinkedHashSet<>();
        String marker = "";
        if (pair.servicenow != null) {
            JsonNode f = pair.servicenow.fields();
            ids.put(ExternalSystem.SERVICENOW, pair.servicenow.sysId());
            keys.put(ExternalSystem.SERVICENOW, f.path("number").asText(pair.servicenow.sysId()));
            urls.put(ExternalSystem.SERVICENOW, serviceNowBase.resolve("/nav_to.do?uri=" + table + ".do%3Fsys_id%3D"
                    + pair.servicenow.sysId()).toString());
            fromServiceNow = mapping.read(ExternalSystem.SERVICENOW, f).item();
            owner = blankToNull(f.path("assigned_to.name").asText(""));
            if (context.retrospectiveField() != null) {
                String prefix = context.retrospectiveField() + ".";
                retrospective = blankToNull((f.path(prefix + "number").asText("") + " "
                        + f.path(prefix + "short_description").asText("")).strip());
                if (context.changeRecordField() != null) {
                    change = blankToNull(f.path(prefix + context.changeRecordField() + ".number").asText(""));
                }
            }
            if (context.teamField() != null) {
                team = blankToNull(f.path(context.teamField() + ".name").asText(""));
                if (team == null) {
                    team = blankToNull(f.path(context.teamField()).asText(""));
                }
            }
            if (policy.markers().serviceNowField() != null) {
                marker = f.path(policy.markers().serviceNowField()).asText("");
            }
        }
        if (pair.jira != null) {
            JsonNode f = pair.jira.fields();
            ids.put(ExternalSystem.JIRA, pair.jira.id());
            keys.put(ExternalSystem.JIRA, pair.jira.key());
            urls.put(ExternalSystem.JIRA, jiraBase.resolve("/browse/" + pair.jira.key()).toString());
            fromJira = mapping.read(ExternalSystem.JIRA, f).item();
            f.path("labels").forEach(label -> labels.add(label.asText()));
            if (owner == null) {
                owner = blankToNull(f.path("assignee").path("displayName").asText(""));
            }
            if (retrospective == null) {
                retrospective = labelAfter(labels, context.retrospectiveLabelPrefix());
            }
            if (change == null) {
                change = labelAfter(labels, context.changeLabelPrefix());
            }
            if (team == null && context.teamFromJiraProject()) {
                team = blankToNull(f.path("project").path("key").asText(""));
            }
        }
        boolean serviceNowNewer = pair.servicenow != null && (pair.jira == null
                || pair.servicenow.updatedOn().isAfter(pair.jira.updated()));
        ActionItem item = item(fromServiceNow, fromJira, serviceNowNewer);
        Instant completedAt = null;
        if (item.status().isClosed()) {
            completedAt = serviceNowNewer ? glide(pair.servicenow.fields().path("closed_at").asText(""))
                    : jiraTime(pair.jira.fields().path("resolutiondate").asText(""));
        }
        EscalationSubject subject = new EscalationSubject(pair.link.correlationId(), keys, ids, urls, item, owner,
                retrospective, change, team, completedAt);
        return new ScannedItem(subject, pair.link, labels, marker);
    }

    /**
     * The item as its most recently changed side holds it (the sync carries that to the other side anyway), with
     * the fields only Jira holds (labels, components) and Jira's classification, which is decided from them.
     */
    private static ActionItem item(ActionItem fromServiceNow, ActionItem fromJira, boolean serviceNowNewer) {
        if (fromJira == null) {
            return fromServiceNow;
        }
        if (fromServiceNow == null || !serviceNowNewer) {
            return fromJira;
        }
        return CanonicalProjection.merge(fromServiceNow, fromJira, Set.of("labels", "components"))
                .withClassification(fromJira.classification());
    }

    private static List<String> serviceNowFields(ActionItemMapping mapping, EscalationPolicy policy) {
        Set<String> fields = new LinkedHashSet<>(mapping.fieldsToRead(ExternalSystem.SERVICENOW));
        fields.addAll(List.of("number", "closed_at", "assigned_to.name", ServiceNowSide.CORRELATION_FIELD));
        ItemContext context = policy.context();
        if (context.retrospectiveField() != null) {
            String prefix = context.retrospectiveField() + ".";
            fields.addAll(List.of(prefix + "number", prefix + "short_description"));
            if (context.changeRecordField() != null) {
                fields.add(prefix + context.changeRecordField() + ".number");
            }
        }
        if (context.teamField() != null) {
            fields.addAll(List.of(context.teamField(), context.teamField() + ".name"));
        }
        if (policy.markers().serviceNowField() != null) {
            fields.add(policy.markers().serviceNowField());
        }
        return List.copyOf(fields);
    }

    private static List<String> jiraFields(ActionItemMapping mapping) {
        Set<String> fields = new LinkedHashSet<>(mapping.fieldsToRead(ExternalSystem.JIRA));
        fields.addAll(List.of("project", "issuetype", "labels", "updated", "summary", "status", "assignee",
                "resolutiondate"));
        return List.copyOf(fields);
    }

    private static String labelAfter(Set<String> labels, String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return null;
        }
        return labels.stream().filter(l -> l.startsWith(prefix) && l.length() > prefix.length())
                .map(l -> l.substring(prefix.length())).findFirst().orElse(null);
    }

    private static Instant glide(String text) {
        try {
            return text.isBlank() ? null : LocalDateTime.parse(text, GLIDE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant jiraTime(String text) {
        try {
            return text.isBlank() ? null : OffsetDateTime.parse(text, JIRA_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static final class Pair {
        final Link link;
        ServiceNowRecord servicenow;
        JiraIssue jira;

        Pair(Link link) {
            this.link = link;
        }
    }
}
