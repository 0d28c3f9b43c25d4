package io.retrobridge.escalation.scan;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Link;
import io.retrobridge.escalation.EscalationSubject;
import io.retrobridge.flow.items.CanonicalProjection;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.RecordFields;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.escalation.ItemContext;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.SideGateway;
import io.retrobridge.sync.SideRecord;
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

    /** Asked for with the rest, as the sync's reads do. */
    private static final String CORRELATION_FIELD = "correlation_id";
    /** Jira's fields besides the mapping's. */
    private static final List<String> JIRA_FIELDS = List.of("project", "issuetype", "labels", "updated", "summary",
            "status", "assignee", "resolutiondate");
    private static final DateTimeFormatter GLIDE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final SideGateway servicenow;
    private final SideGateway jira;
    private final LinkStore links;

    EscalationItems(List<SideGateway> sides, LinkStore links) {
        this.servicenow = side(sides, ExternalSystem.SERVICENOW);
        this.jira = side(sides, ExternalSystem.JIRA);
        this.links = links;
    }

    private static SideGateway side(List<SideGateway> sides, ExternalSystem system) {
        return sides.stream().filter(side -> side.system() == system).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no side gateway for " + system));
    }

    Read readAll(ActionItemMapping mapping, EscalationPolicy policy) {
        Map<UUID, Pair> pairs = new LinkedHashMap<>();
        List<String> notLinked = new ArrayList<>();
        for (SideRecord record : servicenow.readAllInScope(mapping, serviceNowFields(policy))) {
            Optional<Link> link = links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, record.id()));
            if (link.isEmpty()) {
                notLinked.add(record.displayKey());
                continue;
            }
            pairs.computeIfAbsent(link.get().id(), id -> new Pair(link.get())).servicenow = record;
        }
        for (SideRecord issue : jira.readAllInScope(mapping, JIRA_FIELDS)) {
            Optional<Link> link = links.findByExternal(new ExternalRef(ExternalSystem.JIRA, issue.id()));
            if (link.isEmpty()) {
                notLinked.add(issue.displayKey());
                continue;
            }
            pairs.computeIfAbsent(link.get().id(), id -> new Pair(link.get())).jira = issue;
        }
        List<ScannedItem> items = new ArrayList<>();
        for (Pair pair : pairs.values()) {
            items.add(subject(pair, mapping, policy));
        }
        return new Read(items, notLinked);
    }

    private ScannedItem subject(Pair pair, ActionItemMapping mapping, EscalationPolicy policy) {
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
            RecordFields f = pair.servicenow.fields();
            ids.put(ExternalSystem.SERVICENOW, pair.servicenow.id());
            keys.put(ExternalSystem.SERVICENOW, pair.servicenow.displayKey());
            urls.put(ExternalSystem.SERVICENOW, servicenow.browseUrl(pair.servicenow, mapping));
            fromServiceNow = mapping.read(ExternalSystem.SERVICENOW, f).item();
            owner = blankToNull(f.text("assigned_to.name", ""));
            if (context.retrospectiveField() != null) {
                String prefix = context.retrospectiveField() + ".";
                retrospective = blankToNull((f.text(prefix + "number", "") + " "
                        + f.text(prefix + "short_description", "")).strip());
                if (context.changeRecordField() != null) {
                    change = blankToNull(f.text(prefix + context.changeRecordField() + ".number", ""));
                }
            }
            if (context.teamField() != null) {
                team = blankToNull(f.text(context.teamField() + ".name", ""));
                if (team == null) {
                    team = blankToNull(f.text(context.teamField(), ""));
                }
            }
            if (policy.markers().serviceNowField() != null) {
                marker = f.text(policy.markers().serviceNowField(), "");
            }
        }
        if (pair.jira != null) {
            RecordFields f = pair.jira.fields();
            ids.put(ExternalSystem.JIRA, pair.jira.id());
            keys.put(ExternalSystem.JIRA, pair.jira.displayKey());
            urls.put(ExternalSystem.JIRA, jira.browseUrl(pair.jira, mapping));
            fromJira = mapping.read(ExternalSystem.JIRA, f).item();
            f.list("labels").forEach(label -> labels.add(text(label)));
            if (owner == null) {
                owner = blankToNull(text(f.object("assignee").get("displayName")));
            }
            if (retrospective == null) {
                retrospective = labelAfter(labels, context.retrospectiveLabelPrefix());
            }
            if (change == null) {
                change = labelAfter(labels, context.changeLabelPrefix());
            }
            if (team == null && context.teamFromJiraProject()) {
                team = blankToNull(text(f.object("project").get("key")));
            }
        }
        boolean serviceNowNewer = pair.servicenow != null && (pair.jira == null
                || pair.servicenow.updatedAt().isAfter(pair.jira.updatedAt()));
        ActionItem item = item(fromServiceNow, fromJira, serviceNowNewer);
        Instant completedAt = null;
        if (item.status().isClosed()) {
            completedAt = serviceNowNewer ? glide(pair.servicenow.fields().text("closed_at", ""))
                    : jiraTime(pair.jira.fields().text("resolutiondate", ""));
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

    /** ServiceNow's fields besides the mapping's: the dot-walked retrospective, change and team come in the same read. */
    private static List<String> serviceNowFields(EscalationPolicy policy) {
        Set<String> fields = new LinkedHashSet<>(List.of("number", "closed_at", "assigned_to.name", CORRELATION_FIELD));
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

    /** A scalar as text; "" for anything else. */
    private static String text(Object value) {
        String text = RecordFields.textOf(value);
        return text == null ? "" : text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static final class Pair {
        final Link link;
        SideRecord servicenow;
        SideRecord jira;

        Pair(Link link) {
            this.link = link;
        }
    }
}
