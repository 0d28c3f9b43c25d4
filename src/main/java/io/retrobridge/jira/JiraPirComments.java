package io.retrobridge.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.EntityKind;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.domain.PirSummaryText;
import io.retrobridge.mapping.pir.PirMetric;
import io.retrobridge.mapping.pir.PirMetricsMapping;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.PirRecords;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A PIR summary on the change's Jira issue (the mirror the change-record link names), where the mapping's
 * {@code destinations.jira} says: one comment, created the first time and edited in place on every later collection,
 * and the summary and each metric's line in their fields, in one edit. A change without a mirror gets nothing.
 *
 * <p>The comment starts with a marker line naming the release. When no earlier comment is known, or the known one was
 * deleted, the issue's comments are searched for that marker before one is created, so a crash between the create and
 * remembering it does not give the issue a second comment.
 */
@Component
public class JiraPirComments implements PirRecords {

    private final JiraClient jira;
    private final LinkStore links;

    public JiraPirComments(JiraClient jira, LinkStore links) {
        this.jira = jira;
        this.links = links;
    }

    @Override
    public ExternalSystem system() {
        return ExternalSystem.JIRA;
    }

    /** @return the comment's id; empty when the change has no mirror or the mapping asks for no comment */
    @Override
    public Optional<String> write(ChangeRecord change, PirSummary summary, PirMetricsMapping mapping,
                                  Optional<String> previousNote) {
        PirMetricsMapping.JiraDestination to = mapping.destinations() == null ? null : mapping.destinations().jira();
        Optional<String> mirror = mirrorOf(change);
        if (to == null || mirror.isEmpty()) {
            return Optional.empty();
        }
        String issueId = mirror.get();
        Optional<String> comment = to.comment() ? Optional.of(comment(issueId, summary, previousNote))
                : Optional.empty();
        setFields(issueId, summary, mapping, to);
        return comment;
    }

    private String comment(String issueId, PirSummary summary, Optional<String> previous) {
        String marker = PirSummaryText.marker(summary.key());
        JsonNode body = PirComment.of(marker, summary, jira.isCloud());
        if (previous.isPresent() && jira.updateComment(issueId, previous.get(), body).isPresent()) {
            return previous.get();
        }
        // None remembered, or the remembered one is gone: ours may still be there (written, then not remembered).
        Optional<String> found = jira.comments(issueId).stream()
                .filter(c -> PirComment.carries(c, marker) && jira.integrationAccountId().equals(c.authorAccountId()))
                .map(JiraComment::id).filter(id -> !previous.map(id::equals).orElse(false)).findFirst();
        if (found.isPresent() && jira.updateComment(issueId, found.get(), body).isPresent()) {
            return found.get();
        }
        return jira.addComment(issueId, body).id();
    }

    /** The summary field (a paragraph field: a document on Cloud) and each metric's line, in one edit. */
    private void setFields(String issueId, PirSummary summary, PirMetricsMapping mapping,
                           PirMetricsMapping.JiraDestination to) {
        ObjectNode fields = JiraPayloads.JSON.createObjectNode();
        if (present(to.summaryField())) {
            fields.set(to.summaryField(), JiraPlainText.of(PirSummaryText.plain(summary), jira.isCloud()));
        }
        for (PirMetric metric : mapping.metrics()) {
            if (present(metric.jiraField())) {
                summary.metrics().stream().filter(row -> row.id().equals(metric.id())).findFirst()
                        .ifPresent(row -> fields.put(metric.jiraField(), PirSummaryText.metricLine(row)));
            }
        }
        jira.edit(issueId, fields);
    }

    /** The change's mirror issue, found as the change mirror links it: by the change's sys_id. */
    private Optional<String> mirrorOf(ChangeRecord change) {
        return links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, change.sysId()))
                .filter(link -> link.kind() == EntityKind.CHANGE_RECORD)
                .flatMap(link -> link.idOn(ExternalSystem.JIRA));
    }

    private static boolean present(String field) {
        return field != null && !field.isBlank();
    }
}
