package io.retrobridge.flow.items;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ActionStatus;
import io.retrobridge.domain.FieldPolicy;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.CanonicalField;
import io.retrobridge.mapping.FieldRule;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Action items as the flat field maps the decide step compares, and back. */
public final class CanonicalProjection {

    private CanonicalProjection() {
    }

    static List<FieldPolicy> policies(ActionItemMapping mapping) {
        return mapping.fieldRules().values().stream().map(FieldRule::policy).flatMap(Optional::stream).toList();
    }

    static Map<String, String> of(ActionItem item, Collection<FieldPolicy> policies) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldPolicy policy : policies) {
            fields.put(policy.field(), valueOf(item, policy.field()));
        }
        return fields;
    }

    /** {@code base} with the named fields taken from {@code from}: what the other side holds after a write. */
    public static ActionItem merge(ActionItem base, ActionItem from, Set<String> fields) {
        return new ActionItem(
                fields.contains(CanonicalField.TITLE.yaml()) ? from.title() : base.title(),
                fields.contains(CanonicalField.DESCRIPTION.yaml()) ? from.description() : base.description(),
                fields.contains(CanonicalField.STATUS.yaml()) ? from.status() : base.status(),
                fields.contains(CanonicalField.PRIORITY.yaml()) ? from.priority() : base.priority(),
                fields.contains(CanonicalField.ASSIGNEE.yaml()) ? from.assigneeEmail() : base.assigneeEmail(),
                fields.contains(CanonicalField.DUE_DATE.yaml()) ? from.dueDate() : base.dueDate(),
                fields.contains(CanonicalField.LABELS.yaml()) ? from.labels() : base.labels(),
                fields.contains(CanonicalField.COMPONENTS.yaml()) ? from.components() : base.components(),
                fields.contains(CanonicalField.FAILURE_MODE.yaml()) ? from.failureMode() : base.failureMode(),
                base.classification());
    }

    static ActionItem withStatus(ActionItem item, ActionStatus status) {
        return new ActionItem(item.title(), item.description(), status, item.priority(), item.assigneeEmail(),
                item.dueDate(), item.labels(), item.components(), item.failureMode(), item.classification());
    }

    private static String valueOf(ActionItem item, String field) {
        return switch (field) {
            case "title" -> item.title();
            case "description" -> item.description();
            case "status" -> item.status().name();
            case "priority" -> item.priority().name();
            case "assignee" -> orEmpty(item.assigneeEmail());
            case "due-date" -> item.dueDate() == null ? "" : item.dueDate().toString();
            case "labels" -> String.join(",", item.labels());
            case "components" -> String.join(",", item.components());
            case "failure-mode" -> orEmpty(item.failureMode());
            default -> throw new IllegalArgumentException("no canonical field '" + field + "'");
        };
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
