package io.retrobridge.mapping.change;

import io.retrobridge.domain.ChangeState;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.CommentRule;
import io.retrobridge.mapping.TextFormat;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code change-records.yaml} says: which ServiceNow change requests are mirrored into Jira, where, and how
 * their fields map. ServiceNow owns every mirrored field; only Jira comments may flow back, as {@link #comments} says.
 *
 * @param query       extra encoded query ANDed to the change_request table's ("" for every change)
 * @param project     the Jira project the mirror issues go to
 * @param issueType   their issue type
 * @param label       the label every mirror issue carries (besides its correlation marker)
 * @param fields      where each change field goes: {@link #SUMMARY}, {@link #DETAILS} (a row of the description's
 *                    "Change details" table), a Jira field id, or absent (not mirrored)
 * @param states      per change state: the Jira status and/or label that show it
 * @param comments    whether comments on a mirror issue are copied to the change (direction
 *                    {@code jira->servicenow}, into which journal field, as which text) or not ({@link #NO_COMMENTS});
 *                    never from the change to Jira
 */
public record ChangeRecordsMapping(String query, String project, String issueType, String label,
                                   Map<ChangeField, String> fields, Map<ChangeState, StateShown> states,
                                   CommentRule comments) {

    public static final String FILE_NAME = "change-records.yaml";
    /** The ServiceNow table change requests are read from, and copied comments written to. */
    public static final String SERVICENOW_TABLE = "change_request";
    /** The Jira summary: the change's number and short description, "CHG0030001: Upgrade ...". */
    public static final String SUMMARY = "summary";
    /** A row of the "Change details" table in the issue description. */
    public static final String DETAILS = "details";
    /** What a file without a {@code comments:} section means: nothing flows back. */
    public static final CommentRule NO_COMMENTS = new CommentRule(CommentRule.Direction.NONE,
            CommentRule.JournalField.WORK_NOTES, TextFormat.HTML);

    /** How a change state shows in Jira: a status reached by transition, a label, or both. */
    public record StateShown(String status, String label) {

        public Optional<String> statusName() {
            return Optional.ofNullable(status);
        }

        public Optional<String> labelName() {
            return Optional.ofNullable(label);
        }
    }

    public ChangeRecordsMapping {
        query = query == null ? "" : query;
        EnumMap<ChangeField, String> fieldCopy = new EnumMap<>(ChangeField.class);
        fieldCopy.putAll(fields);
        fields = Collections.unmodifiableMap(fieldCopy);
        EnumMap<ChangeState, StateShown> stateCopy = new EnumMap<>(ChangeState.class);
        stateCopy.putAll(states);
        states = Collections.unmodifiableMap(stateCopy);
        comments = comments == null ? NO_COMMENTS : comments;
        if (comments.carriesFrom(ExternalSystem.SERVICENOW)) {
            throw new IllegalArgumentException("change requests are mirrored one way: nothing is copied to Jira");
        }
    }

    /** A mapping that copies no comments back. */
    public ChangeRecordsMapping(String query, String project, String issueType, String label,
            Map<ChangeField, String> fields, Map<ChangeState, StateShown> states) {
        this(query, project, issueType, label, fields, states, NO_COMMENTS);
    }

    /** Where {@code field} goes; empty when it is not mirrored. */
    public Optional<String> target(ChangeField field) {
        return Optional.ofNullable(fields.get(field));
    }

    /** How {@code state} shows, when the mapping says. */
    public Optional<StateShown> shown(ChangeState state) {
        return Optional.ofNullable(states.get(state));
    }

    /** Every label the states use: the mirror carries the current state's and none of the others. */
    public Set<String> stateLabels() {
        Set<String> labels = new LinkedHashSet<>();
        states.values().forEach(shown -> shown.labelName().ifPresent(labels::add));
        return labels;
    }
}
