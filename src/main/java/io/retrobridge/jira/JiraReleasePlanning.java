package io.retrobridge.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.Classification;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.RecordJson;
import io.retrobridge.mapping.ReleasePlan;
import io.retrobridge.sync.Journal;
import io.retrobridge.transport.RemoteCallException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts a classified action item into Jira's plan as the mapping's {@code classification.release-plan} says: the
 * project's next unreleased (or a named) fix version, the board's active or next sprint. Runs after the connector
 * wrote the issue, and plans only an issue with no fix version (no sprint) yet, so what a person planned is never
 * moved and an item is planned once. Every plan, and every plan that found nothing to plan into, is journalled.
 */
@Component
class JiraReleasePlanning {

    private static final Logger log = LoggerFactory.getLogger(JiraReleasePlanning.class);
    private static final String FIX_VERSIONS = "fixVersions";
    /** Unreleased versions without a date come after those with one; between equals, the project's order holds. */
    private static final Comparator<JiraVersion> BY_RELEASE_DATE = Comparator.comparing(JiraVersion::releaseDate,
            Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()));

    private final JiraClient jira;
    private final Journal journal;
    private final Clock clock;

    JiraReleasePlanning(JiraClient jira, Journal journal, Optional<Clock> clock) {
        this.jira = jira;
        this.journal = journal;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Plans the issue the connector just wrote, read again; nothing is asked of Jira when the mapping plans nothing. */
    void afterWrite(String idOrKey, ActionItemMapping mapping) {
        if (mapping.releasePlan().isEmpty()) {
            return;
        }
        jira.find(idOrKey, fieldsToRead(mapping)).ifPresent(issue -> plan(issue, mapping));
    }

    /** Plans an issue read with at least {@link #fieldsToRead}. */
    void plan(JiraIssue issue, ActionItemMapping mapping) {
        ReleasePlan plan = mapping.releasePlan();
        if (plan.isEmpty() || issue.fields().path("project").path("key").asText("").isEmpty()) {
            return;
        }
        Classification classification = mapping.read(ExternalSystem.JIRA, RecordJson.fields(issue.fields()))
                .item().classification();
        Optional<ReleasePlan.Rule> rule = plan.ruleFor(classification);
        if (rule.isEmpty()) {
            return;
        }
        try {
            if (rule.get().fixVersion() != null && isEmpty(issue.fields().get(FIX_VERSIONS))) {
                planFixVersion(issue, rule.get(), classification);
            }
            if (rule.get().sprint() != null && isEmpty(issue.fields().get(plan.sprintField()))) {
                planSprint(issue, rule.get(), plan.sprintField(), classification);
            }
        } catch (RemoteCallException e) {
            // Planning comes on top of a sync that has been written: it must not fail the item, and says why it stopped.
            log.warn("Could not plan Jira issue {} into a release: {}", issue.key(), e.getMessage());
            record(issue, JournalAction.ERROR, "not planned into a release: Jira answered " + e.getMessage(),
                    classification, rule.get());
        }
    }

    static List<String> fieldsToRead(ActionItemMapping mapping) {
        Set<String> fields = new LinkedHashSet<>(JiraSide.fieldsToRead(mapping));
        fields.add(FIX_VERSIONS);
        fields.add(mapping.releasePlan().sprintField());
        return List.copyOf(fields);
    }

    private void planFixVersion(JiraIssue issue, ReleasePlan.Rule rule, Classification classification) {
        String project = issue.fields().path("project").path("key").asText("");
        List<JiraVersion> versions = jira.projectVersions(project);
        Optional<JiraVersion> target = rule.nextUnreleased()
                ? versions.stream().filter(v -> !v.released() && !v.archived()).sorted(BY_RELEASE_DATE).findFirst()
                : versions.stream().filter(v -> v.name().equals(rule.fixVersion()) && !v.archived() && !v.released())
                        .findFirst();
        if (target.isEmpty()) {
            record(issue, JournalAction.SKIPPED, rule.nextUnreleased()
                    ? "not planned: " + project + " has no unreleased version, so no fix version was set"
                    : "not planned: " + project + " has no unreleased version named " + rule.fixVersion()
                            + ", so no fix version was set", classification, rule);
            return;
        }
        ObjectNode fields = JiraPayloads.JSON.createObjectNode();
        fields.putArray(FIX_VERSIONS).addObject().put("id", target.get().id());
        jira.edit(issue.id(), fields);
        record(issue, JournalAction.WROTE, "planned into " + target.get().name() + ", "
                + (rule.nextUnreleased() ? "the next unreleased version of " + project
                        : "the version release-plan names, of " + project), classification, rule);
    }

    private void planSprint(JiraIssue issue, ReleasePlan.Rule rule, String sprintField, Classification classification) {
        long board = rule.boardId();
        boolean active = rule.sprint() == ReleasePlan.SprintChoice.ACTIVE;
        Optional<JiraSprint> target;
        try {
            target = jira.boardSprints(board, List.of("active", "future")).stream()
                    .filter(active ? JiraSprint::isActive : JiraSprint::isFuture).findFirst();
        } catch (RemoteCallException e) {
            if (e.failure() != RemoteCallException.Failure.NOT_FOUND) {
                throw e;
            }
            record(issue, JournalAction.SKIPPED, "not planned: board " + board + " does not exist or the connector's "
                    + "account cannot see it, so no sprint was set", classification, rule);
            return;
        }
        String which = active ? "active" : "future";
        if (target.isEmpty()) {
            record(issue, JournalAction.SKIPPED, "not planned: board " + board + " has no " + which
                    + " sprint, so no sprint was set", classification, rule);
            return;
        }
        ObjectNode fields = JiraPayloads.JSON.createObjectNode();
        fields.put(sprintField, target.get().id());
        jira.edit(issue.id(), fields);
        record(issue, JournalAction.WROTE, "planned into sprint " + target.get().name() + ", the "
                + (active ? "active" : "next") + " sprint of board " + board, classification, rule);
    }

    private void record(JiraIssue issue, JournalAction action, String summary, Classification classification,
            ReleasePlan.Rule rule) {
        journal.append(JournalEntry.of(clock.instant(), null, new ExternalRef(ExternalSystem.JIRA, issue.id()), action,
                summary, List.of(classification.ruleId()), issue.key() + ": release-plan rule for "
                        + rule.describe() + "; classified by rule `" + classification.ruleId() + "`"));
    }

    /** No value yet: absent, null or an empty list (Jira shows an unplanned issue's fix versions as []). */
    private static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() || (value.isArray() && value.isEmpty());
    }
}
