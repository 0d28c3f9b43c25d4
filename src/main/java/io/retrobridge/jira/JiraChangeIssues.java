package io.retrobridge.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.mapping.change.ChangeRecordsMapping;
import io.retrobridge.sync.ChangeIssues;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The Jira issues change requests are mirrored into: created with the correlation marker as a label (found again by
 * it), and afterwards written only where the projection changed: fields by an edit, the state's label by the
 * labels' add and remove operations (other labels stay), the status by the workflow's transition.
 */
@Component
public class JiraChangeIssues implements ChangeIssues {

    private static final String CUSTOM_FIELD = "customfield_";
    private static final DateTimeFormatter JIRA_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private final JiraClient jira;
    private final Duration searchSettleTime;

    public JiraChangeIssues(JiraClient jira, JiraProperties properties) {
        this.jira = jira;
        this.searchSettleTime = properties.searchSettleTime();
    }

    @Override
    public Optional<Issue> findByMarker(String marker, ChangeRecordsMapping mapping) {
        return jira.findByLabel(mapping.project(), marker, List.of("summary")).stream().findFirst()
                .map(issue -> new Issue(issue.id(), issue.key()));
    }

    @Override
    public Issue create(String marker, Map<String, String> projection, ChangeRecordsMapping mapping) {
        ObjectNode fields = JiraPayloads.JSON.createObjectNode();
        fields.putObject("project").put("key", mapping.project());
        fields.putObject("issuetype").put("name", mapping.issueType());
        fields.put("summary", projection.get(SUMMARY));
        fields.set("description", ChangeDetailsDescription.of(projection.get(DETAILS), jira.isCloud()));
        ArrayNode labels = fields.putArray("labels");
        labels.add(mapping.label());
        labels.add(marker);
        Optional.ofNullable(projection.get(STATE_LABEL)).ifPresent(labels::add);
        customFields(projection).forEach((id, value) -> putCustom(fields, id, value));
        Optional.ofNullable(projection.get(STATUS)).ifPresent(status -> fields.putObject("status").put("name", status));
        JiraIssue created = jira.create(fields);
        return new Issue(created.id(), created.key());
    }

    @Override
    public void update(String issueId, Map<String, String> before, Map<String, String> after,
            ChangeRecordsMapping mapping) {
        ObjectNode fields = JiraPayloads.JSON.createObjectNode();
        if (changed(before, after, SUMMARY)) {
            fields.put("summary", after.get(SUMMARY));
        }
        if (changed(before, after, DETAILS)) {
            fields.set("description", ChangeDetailsDescription.of(after.get(DETAILS), jira.isCloud()));
        }
        List<String> customIds = new ArrayList<>(customFields(before).keySet());
        customFields(after).keySet().stream().filter(id -> !customIds.contains(id)).forEach(customIds::add);
        for (String id : customIds) {
            if (changed(before, after, id)) {
                putCustom(fields, id, after.get(id));
            }
        }
        jira.edit(issueId, fields);
        if (changed(before, after, STATE_LABEL)) {
            List<String> add = after.get(STATE_LABEL) == null ? List.of() : List.of(after.get(STATE_LABEL));
            List<String> remove = new ArrayList<>(mapping.stateLabels());
            remove.removeAll(add);
            jira.changeLabels(issueId, add, remove);
        }
        if (changed(before, after, STATUS) && after.get(STATUS) != null) {
            jira.transitionTo(issueId, after.get(STATUS), null);
        }
    }

    @Override
    public Duration lookupSettleTime() {
        return searchSettleTime;
    }

    private static boolean changed(Map<String, String> before, Map<String, String> after, String key) {
        return !before.containsKey(key) && after.containsKey(key) || !Objects.equals(before.get(key), after.get(key));
    }

    private static Map<String, String> customFields(Map<String, String> projection) {
        Map<String, String> custom = new TreeMap<>();
        projection.forEach((key, value) -> {
            if (key.startsWith(CUSTOM_FIELD)) {
                custom.put(key, value);
            }
        });
        return custom;
    }

    /** A text value as it is; a point in time in the form Jira's date-time fields take; nothing as null (cleared). */
    private static void putCustom(ObjectNode fields, String id, String value) {
        if (value == null) {
            fields.putNull(id);
            return;
        }
        try {
            fields.put(id, JIRA_DATE_TIME.format(Instant.parse(value)));
        } catch (DateTimeParseException notATime) {
            fields.put(id, value);
        }
    }
}
