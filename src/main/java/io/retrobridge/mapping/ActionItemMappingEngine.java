package io.retrobridge.mapping;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ActionStatus;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Priority;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates an {@link ActionItemsDefinition}: reads each side's JSON into a canonical item and writes
 * canonical items back as each side's JSON. Knows the systems' value shapes (Jira objects with
 * {@code name} or {@code accountId}, ServiceNow strings everywhere); the file says which field is which.
 */
final class ActionItemMappingEngine implements ActionItemMapping {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String JIRA_LABELS = "labels";

    private final ActionItemsDefinition definition;
    private final ServiceNowDueDates dueDates;
    private final TextFormatConverters text;

    ActionItemMappingEngine(ActionItemsDefinition definition, TextFormatConverters text) {
        this.definition = definition;
        this.dueDates = new ServiceNowDueDates(definition.serviceNowZone());
        this.text = text;
    }

    // ---- reading -----------------------------------------------------------------------------

    @Override
    public MappedItem read(ExternalSystem side, RecordFields fields) {
        List<String> notes = new ArrayList<>();
        Map<CanonicalField, FieldRule> rules = definition.fields();
        String title = textField(side, fields, rules.get(CanonicalField.TITLE)).orElse("");
        if (title.isBlank()) {
            notes.add("title is empty on " + YamlName.of(side) + "; used `(untitled)`");
            title = "(untitled)";
        }
        String description = richText(side, fields, rules.get(CanonicalField.DESCRIPTION));
        ActionStatus status = code(side, fields, rules.get(CanonicalField.STATUS), definition.status(), notes)
                .orElse(ActionStatus.OPEN);
        Priority priority = code(side, fields, rules.get(CanonicalField.PRIORITY), definition.priority(), notes)
                .orElse(Priority.MEDIUM);
        String assignee = assignee(side, fields, rules.get(CanonicalField.ASSIGNEE), notes);
        LocalDate due = date(side, fields, rules.get(CanonicalField.DUE_DATE), notes, dueDates);
        Set<String> labels = set(side, fields, rules.get(CanonicalField.LABELS));
        labels.removeIf(this::isManagedLabel);
        Set<String> components = set(side, fields, rules.get(CanonicalField.COMPONENTS));
        String failureMode = textField(side, fields, rules.get(CanonicalField.FAILURE_MODE)).orElse(null);
        ActionItem item = new ActionItem(title, description, status, priority, assignee, due, labels, components,
                failureMode, null);
        ClassificationDecision decision = explain(item, side);
        notes.addAll(decision.notes());
        return new MappedItem(item.withClassification(decision.classification()),
                List.of(decision.classification().ruleId()), decision.reason(), notes);
    }

    private static Object value(RecordFields fields, String name) {
        return fields == null ? null : fields.get(name);
    }

    private Optional<String> textField(ExternalSystem side, RecordFields fields, FieldRule rule) {
        FieldBinding binding = rule == null ? null : rule.binding(side);
        if (binding == null) {
            return Optional.empty();
        }
        if (binding.usesLabelPrefix()) {
            return jiraLabels(fields).stream().filter(l -> l.startsWith(binding.labelPrefix()) && l.length() > binding.labelPrefix().length())
                    .map(l -> l.substring(binding.labelPrefix().length())).sorted().findFirst();
        }
        return Optional.ofNullable(scalar(value(fields, binding.field()))).filter(s -> !s.isBlank());
    }

    /** A plain value: strings as they are, Jira option objects by {@code value} or {@code name}. */
    private static String scalar(Object node) {
        if (node == null) {
            return null;
        }
        if (node instanceof Map<?, ?> object) {
            for (String key : List.of("value", "name", "displayName")) {
                if (object.get(key) != null) {
                    return asText(object.get(key));
                }
            }
            return null;
        }
        return asText(node);
    }

    /** What a JSON tree's {@code asText()} gives: scalars as text, objects and lists as "". */
    private static String asText(Object value) {
        String text = RecordFields.textOf(value);
        return text == null ? "" : text;
    }

    private String richText(ExternalSystem side, RecordFields fields, FieldRule rule) {
        FieldBinding binding = rule == null ? null : rule.binding(side);
        if (binding == null) {
            return "";
        }
        Object node = value(fields, binding.field());
        if (node == null) {
            return "";
        }
        // The text converters walk JSON trees (an Atlassian document is one); only this field is turned into one.
        return text.forFormat(binding.text()).toCanonical(RecordJson.json(node));
    }

    private <E extends Enum<E>> Optional<E> code(ExternalSystem side, RecordFields fields, FieldRule rule, CodeMap<E> map,
                                                 List<String> notes) {
        FieldBinding binding = rule == null ? null : rule.binding(side);
        if (binding == null || map == null) {
            return Optional.empty();
        }
        Map<String, String> external = new LinkedHashMap<>();
        for (String field : binding.fields()) {
            String v = scalar(value(fields, field));
            external.put(field, v == null ? "" : v);
        }
        CodeMap.Lookup<E> lookup = map.read(side, external);
        if (lookup.usedDefault()) {
            notes.add(lookup.note());
        }
        return Optional.of(lookup.value());
    }

    private String assignee(ExternalSystem side, RecordFields fields, FieldRule rule, List<String> notes) {
        FieldBinding binding = rule == null ? null : rule.binding(side);
        UserDirectory users = definition.users();
        if (binding == null || users == null) {
            return null;
        }
        Object node = value(fields, binding.field());
        if (side == ExternalSystem.JIRA) {
            if (node == null) {
                return null;
            }
            Map<?, ?> user = node instanceof Map<?, ?> map ? map : Map.of();
            String email = Optional.ofNullable(RecordFields.textOf(user.get("emailAddress"))).orElse("");
            if (!email.isBlank()) {
                return email.toLowerCase(java.util.Locale.ROOT);
            }
            String accountId = Optional.ofNullable(RecordFields.textOf(user.get("accountId"))).orElse("");
            return users.byJiraAccountId(accountId).map(UserDirectory.Person::email).orElseGet(() -> {
                notes.add("Jira user " + accountId + " has no e-mail visible and is not in values.users; read as unassigned");
                return null;
            });
        }
        // ServiceNow: the dot-walked e-mail when it was asked for, else the user from values.users.
        String email = scalar(value(fields, binding.field() + ".email"));
        if (email != null && !email.isBlank()) {
            return email.toLowerCase(java.util.Locale.ROOT);
        }
        String user = scalar(node);
        if (user == null || user.isBlank()) {
            return null;
        }
        return users.byServiceNowUser(user).map(UserDirectory.Person::email).orElseGet(() -> {
            notes.add("ServiceNow user " + user + " is not in values.users; read as unassigned");
            return null;
        });
    }

    private static LocalDate date(ExternalSystem side, RecordFields fields, FieldRule rule, List<String> notes,
            ServiceNowDueDates dueDates) {
        FieldBinding binding = rule == null ? null : rule.binding(side);
        if (binding == null) {
            return null;
        }
        String raw = scalar(value(fields, binding.field()));
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            if (side == ExternalSystem.SERVICENOW) {
                return dueDates.read(raw);
            }
            return LocalDate.parse(raw.length() >= 10 ? raw.substring(0, 10) : raw);
        } catch (DateTimeParseException e) {
            notes.add(binding.field() + " `" + raw + "` on " + YamlName.of(side) + " is not a date; read as no due date");
            return null;
        }
    }

    private static Set<String> set(ExternalSystem side, RecordFields fields, FieldRule rule) {
        FieldBinding binding = rule == null ? null : rule.binding(side);
        Set<String> values = new TreeSet<>();
        if (binding == null) {
            return values;
        }
        Object node = value(fields, binding.field());
        if (node == null) {
            return values;
        }
        if (node instanceof List<?> list) {
            list.forEach(element -> Optional.ofNullable(scalar(element)).filter(s -> !s.isBlank()).ifPresent(values::add));
        } else {
            for (String part : asText(node).split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        if (binding.field().equals(JIRA_LABELS) || side == ExternalSystem.SERVICENOW) {
            values.removeIf(v -> v.chars().anyMatch(Character::isWhitespace));
        }
        return values;
    }

    private static List<String> jiraLabels(RecordFields fields) {
        List<String> labels = new ArrayList<>();
        if (fields != null) {
            fields.list(JIRA_LABELS).forEach(l -> labels.add(l == null ? "null" : asText(l)));
        }
        return labels;
    }

    /** Labels RetroBridge itself puts on Jira issues; they are not the item's own labels. */
    private boolean isManagedLabel(String label) {
        if (!definition.jira().label().isEmpty() && label.equals(definition.jira().label())) {
            return true;
        }
        for (String prefix : managedPrefixes()) {
            if (label.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private List<String> managedPrefixes() {
        List<String> prefixes = new ArrayList<>(definition.classification().writeBack().jiraLabelPrefixes().values());
        definition.fields().values().stream().map(FieldRule::jira)
                .filter(b -> b != null && b.usesLabelPrefix()).forEach(b -> prefixes.add(b.labelPrefix()));
        return prefixes;
    }

    // ---- writing -----------------------------------------------------------------------------

    @Override
    public ExternalWrite toExternal(ExternalSystem side, ActionItem item) {
        return write(side, item, false);
    }

    @Override
    public ExternalWrite toNewRecord(ExternalSystem side, ActionItem item) {
        return write(side, item, true);
    }

    private ExternalWrite write(ExternalSystem side, ActionItem item, boolean creating) {
        ObjectNode out = JSON.objectNode();
        List<String> notes = new ArrayList<>();
        Set<String> labels = new LinkedHashSet<>();
        boolean writeLabels = false;
        for (FieldRule rule : definition.fields().values()) {
            FieldBinding binding = rule.binding(side);
            boolean synced = creating ? rule.direction() != null : rule.writtenOn(side);
            if (binding == null || !synced) {
                continue;
            }
            if (binding.usesLabelPrefix()) {
                writeLabels = true;
                Optional.ofNullable(item.failureMode()).ifPresent(v -> labels.add(binding.labelPrefix() + v));
                continue;
            }
            switch (rule.field()) {
                case TITLE -> out.put(binding.field(), item.title());
                case DESCRIPTION -> out.set(binding.field(), text.forFormat(binding.text()).toExternal(item.description()));
                case STATUS -> writeCode(side, binding, definition.status(), item.status(), out, notes);
                case PRIORITY -> writeCode(side, binding, definition.priority(), item.priority(), out, notes);
                case ASSIGNEE -> writeAssignee(side, binding, item.assigneeEmail(), out, notes);
                case DUE_DATE -> writeDate(side, binding, item.dueDate(), out, dueDates);
                case LABELS -> {
                    if (side == ExternalSystem.JIRA && binding.field().equals(JIRA_LABELS)) {
                        writeLabels = true;
                        labels.addAll(item.labels());
                    } else {
                        writeSet(side, binding, item.labels(), out);
                    }
                }
                case COMPONENTS -> writeSet(side, binding, item.components(), out);
                case FAILURE_MODE -> out.put(binding.field(), item.failureMode() == null ? "" : item.failureMode());
            }
        }
        List<String> ruleIds = new ArrayList<>();
        ClassificationDecision decision = item.classification() == null ? explain(item, FieldRule.other(side)) : null;
        io.retrobridge.domain.Classification classification = decision == null ? item.classification() : decision.classification();
        if (decision != null) {
            notes.addAll(decision.notes());
        }
        ruleIds.add(classification.ruleId());
        Map<String, String> parts = Map.of("scope", YamlName.of(classification.scope()), "kind",
                YamlName.of(classification.kind()), "release-phase", classification.releasePhase(), "rule",
                classification.ruleId());
        WriteBack writeBack = definition.classification().writeBack();
        if (side == ExternalSystem.JIRA) {
            if (!writeBack.jiraLabelPrefixes().isEmpty() || !definition.jira().label().isEmpty()) {
                writeLabels = true;
                if (!definition.jira().label().isEmpty()) {
                    labels.add(definition.jira().label());
                }
                for (String part : WriteBack.PARTS) {
                    Optional.ofNullable(writeBack.jiraLabelPrefixes().get(part)).ifPresent(p -> labels.add(p + parts.get(part)));
                }
            }
            writeBack.jiraFields().forEach((part, field) -> out.put(field, parts.get(part)));
            if (writeLabels) {
                // Labels replace the set, so the item's own labels go along with ours.
                labels.addAll(item.labels());
                ArrayNode array = out.putArray(JIRA_LABELS);
                new TreeSet<>(labels).forEach(array::add);
            }
        } else {
            writeBack.servicenowFields().forEach((part, field) -> out.put(field, parts.get(part)));
        }
        // Built as a JSON tree (the text converters write rich text as one), handed on as plain fields.
        return new ExternalWrite(side, RecordJson.fields(out), ruleIds, notes);
    }

    private static <E extends Enum<E>> void writeCode(ExternalSystem side, FieldBinding binding, CodeMap<E> map, E value,
                                                      ObjectNode out, List<String> notes) {
        CodeMap.Lookup<Map<String, String>> lookup = map.write(side, value);
        if (lookup.usedDefault()) {
            notes.add(lookup.note());
        }
        lookup.value().forEach((field, code) -> {
            if (side == ExternalSystem.JIRA) {
                out.putObject(field).put("name", code);
            } else {
                out.put(field, code);
            }
        });
        // Fields of the binding the alternative leaves out are cleared on ServiceNow (e.g. close_code when reopening).
        if (side == ExternalSystem.SERVICENOW) {
            binding.fields().stream().filter(f -> !lookup.value().containsKey(f)).forEach(f -> out.put(f, ""));
        }
    }

    private void writeAssignee(ExternalSystem side, FieldBinding binding, String email, ObjectNode out, List<String> notes) {
        UserDirectory users = definition.users();
        if (email == null) {
            clearAssignee(side, binding, out);
            return;
        }
        Optional<UserDirectory.Person> person = users.byEmail(email);
        Optional<String> id = person.map(p -> side == ExternalSystem.JIRA ? p.jiraAccountId() : p.servicenowUser());
        if (id.isPresent()) {
            if (side == ExternalSystem.JIRA) {
                out.putObject(binding.field()).put("accountId", id.get());
            } else {
                out.put(binding.field(), id.get());
            }
            return;
        }
        // Not listed: the side looks the person up by e-mail (Jira user search, ServiceNow sys_user) and
        // applies values.users.default only when nobody there has the address.
        if (side == ExternalSystem.JIRA) {
            out.putObject(binding.field()).put(ASSIGNEE_BY_EMAIL, email);
        } else {
            out.put(binding.field(), email);
        }
        notes.add("assignee " + email + " is not in values.users; looked up by e-mail on " + YamlName.of(side));
    }

    @Override
    public boolean clearsUnknownAssignee() {
        return definition.users() != null && definition.users().whenUnknown() == UserDirectory.WhenUnknown.UNASSIGNED;
    }

    private static void clearAssignee(ExternalSystem side, FieldBinding binding, ObjectNode out) {
        if (side == ExternalSystem.JIRA) {
            out.putNull(binding.field());
        } else {
            out.put(binding.field(), "");
        }
    }

    private static void writeDate(ExternalSystem side, FieldBinding binding, LocalDate date, ObjectNode out,
            ServiceNowDueDates dueDates) {
        if (date == null) {
            if (side == ExternalSystem.JIRA) {
                out.putNull(binding.field());
            } else {
                out.put(binding.field(), "");
            }
        } else {
            out.put(binding.field(), side == ExternalSystem.JIRA ? date.toString() : dueDates.write(date));
        }
    }

    private static void writeSet(ExternalSystem side, FieldBinding binding, Set<String> values, ObjectNode out) {
        if (side == ExternalSystem.SERVICENOW) {
            out.put(binding.field(), String.join(",", values));
            return;
        }
        ArrayNode array = out.putArray(binding.field());
        boolean namedObjects = binding.field().equals("components");
        values.forEach(v -> {
            if (namedObjects) {
                array.addObject().put("name", v);
            } else {
                array.add(v);
            }
        });
    }

    // ---- classification and ownership ---------------------------------------------------------

    @Override
    public ClassificationDecision explain(ActionItem item, ExternalSystem source) {
        return definition.classification().classify(item, source);
    }

    @Override
    public Map<CanonicalField, FieldRule> fieldRules() {
        return definition.fields();
    }

    @Override
    public Map<CanonicalField, FieldRule> fieldsOwnedBy(ExternalSystem side) {
        Map<CanonicalField, FieldRule> owned = new EnumMap<>(CanonicalField.class);
        definition.fields().forEach((field, rule) -> {
            if (rule.direction() != null && rule.owner() == side) {
                owned.put(field, rule);
            }
        });
        return Collections.unmodifiableMap(owned);
    }

    @Override
    public List<String> fieldsToRead(ExternalSystem side) {
        Set<String> names = new LinkedHashSet<>();
        for (FieldRule rule : definition.fields().values()) {
            FieldBinding binding = rule.binding(side);
            if (binding == null) {
                continue;
            }
            if (binding.usesLabelPrefix()) {
                names.add(JIRA_LABELS);
            }
            names.addAll(binding.fields());
            if (side == ExternalSystem.SERVICENOW && rule.field() == CanonicalField.ASSIGNEE) {
                names.add(binding.field() + ".email");
            }
        }
        if (side == ExternalSystem.JIRA && !definition.jira().label().isEmpty()) {
            names.add(JIRA_LABELS);
        }
        return List.copyOf(names);
    }

    @Override
    public Scopes.Jira jiraScope() {
        return definition.jira();
    }

    @Override
    public Scopes.ServiceNow serviceNowScope() {
        return definition.servicenow();
    }

    @Override
    public CommentRule comments() {
        return definition.comments();
    }

    @Override
    public OnDelete onDelete() {
        return definition.onDelete();
    }

    @Override
    public ReleasePlan releasePlan() {
        return definition.releasePlan();
    }
}
