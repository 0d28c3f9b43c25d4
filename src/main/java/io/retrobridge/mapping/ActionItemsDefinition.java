package io.retrobridge.mapping;

import io.retrobridge.domain.ActionStatus;
import io.retrobridge.domain.Priority;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything {@code action-items.yaml} says, validated. Immutable: a reload builds a new one.
 *
 * @param priority null when priority is not mapped
 * @param users    null when the assignee is not mapped
 * @param comments how comments travel; {@link CommentRule#DEFAULT} when the file has no {@code comments:} section
 * @param onDelete what a proven deletion does to the surviving record; {@link OnDelete#DEFAULT} when not set
 * @param serviceNowZone the instance's time zone, in which a due date is a calendar day; UTC when not set
 * @param releasePlan where classified items land in Jira's plan; {@link ReleasePlan#NONE} when not set
 */
public record ActionItemsDefinition(Scopes.Jira jira, Scopes.ServiceNow servicenow, Map<CanonicalField, FieldRule> fields,
                                    CodeMap<ActionStatus> status, CodeMap<Priority> priority, UserDirectory users,
                                    ClassificationRules classification, CommentRule comments,
                                    OnDelete onDelete, ZoneId serviceNowZone, ReleasePlan releasePlan) {

    public static final String FILE_NAME = "action-items.yaml";

    public ActionItemsDefinition {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        comments = comments == null ? CommentRule.DEFAULT : comments;
        onDelete = onDelete == null ? OnDelete.DEFAULT : onDelete;
        serviceNowZone = serviceNowZone == null ? ZoneOffset.UTC : serviceNowZone;
        releasePlan = releasePlan == null ? ReleasePlan.NONE : releasePlan;
    }
}
