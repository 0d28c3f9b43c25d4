package io.retrobridge.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the {@code fields} and {@code update} parts of a create, edit or transition body to an issue
 * draft, the way Jira checks them: each field that cannot be set gets its own message under its name,
 * and the caller changes nothing unless the map of errors comes back empty.
 */
final class FieldEdits {

    static final String ADF_REQUIRED = "Operation value must be an Atlassian Document (see the Atlassian Document Format)";
    /** Jira Cloud's Sprint field. */
    static final String SPRINT_FIELD = "customfield_10020";
    private static final Set<String> EDITABLE = Set.of("summary", "description", "labels", "priority", "assignee",
            "reporter", "duedate", "components", "fixVersions", SPRINT_FIELD);

    private final JiraAccounts accounts;
    private final JiraReleases releases;

    FieldEdits(JiraAccounts accounts, JiraReleases releases) {
        this.accounts = accounts;
        this.releases = releases;
    }

    static String notOnScreen(String field) {
        return "Field '" + field + "' cannot be set. It is not on the appropriate screen, or unknown.";
    }

    /** {@code alsoAllowed} names fields a transition screen adds (resolution). */
    Map<String, String> applyFields(JsonNode fields, Issue target, Set<String> alsoAllowed) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (fields == null || fields.isNull() || fields.isMissingNode()) {
            return errors;
        }
        if (!fields.isObject()) {
            errors.put("fields", "'fields' must be an object of field id to value");
            return errors;
        }
        fields.fields().forEachRemaining(e -> {
            String field = e.getKey();
            if (!EDITABLE.contains(field) && !alsoAllowed.contains(field)) {
                errors.put(field, notOnScreen(field));
                return;
            }
            set(field, e.getValue(), target).ifPresent(message -> errors.put(field, message));
        });
        return errors;
    }

    Map<String, String> applyUpdate(JsonNode update, Issue target, Set<String> alsoAllowed) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (update == null || update.isNull() || update.isMissingNode()) {
            return errors;
        }
        update.fields().forEachRemaining(e -> {
            String field = e.getKey();
            if (!EDITABLE.contains(field) && !alsoAllowed.contains(field)) {
                errors.put(field, notOnScreen(field));
                return;
            }
            if (!e.getValue().isArray()) {
                errors.put(field, "Operations for '" + field + "' must be a list such as [{\"set\": ...}]");
                return;
            }
            for (JsonNode operation : e.getValue()) {
                Optional<String> problem = operate(field, operation, target);
                if (problem.isPresent()) {
                    errors.put(field, problem.get());
                    return;
                }
            }
        });
        return errors;
    }

    private Optional<String> operate(String field, JsonNode operation, Issue target) {
        if (!operation.isObject() || operation.size() != 1) {
            return Optional.of("Each operation on '" + field + "' is one of {\"set\"|\"add\"|\"remove\": value}");
        }
        String verb = operation.fieldNames().next();
        JsonNode value = operation.get(verb);
        boolean listField = field.equals("labels") || field.equals("components");
        return switch (verb) {
            case "set" -> set(field, value, target);
            case "add", "remove" -> listField ? addOrRemove(field, verb.equals("add"), value, target)
                    : Optional.of("Field '" + field + "' does not support the operation '" + verb + "'.");
            default -> Optional.of("Field '" + field + "' does not support the operation '" + verb + "'.");
        };
    }

    private Optional<String> addOrRemove(String field, boolean add, JsonNode value, Issue target) {
        if (field.equals("labels")) {
            Optional<String> bad = badLabel(value);
            if (bad.isPresent()) {
                return bad;
            }
            if (add) {
                target.labels.add(value.asText());
            } else {
                target.labels.remove(value.asText());
            }
            return Optional.empty();
        }
        Optional<JiraProject.Component> component = component(value, target.project);
        if (component.isEmpty()) {
            return Optional.of(unknownComponent(value));
        }
        if (add && !target.components.contains(component.get())) {
            target.components.add(component.get());
        } else if (!add) {
            target.components.remove(component.get());
        }
        return Optional.empty();
    }

    private Optional<String> set(String field, JsonNode value, Issue target) {
        boolean empty = value == null || value.isNull();
        switch (field) {
            case "summary" -> {
                if (empty || !value.isTextual() || value.asText().isBlank()) {
                    return Optional.of("You must specify a summary of the issue.");
                }
                if (value.asText().length() > 255) {
                    return Optional.of("Summary must be less than 255 characters.");
                }
                target.summary = value.asText();
            }
            case "description" -> {
                if (!empty && !isAdf(value)) {
                    return Optional.of(ADF_REQUIRED);
                }
                target.description = empty ? null : value.deepCopy();
            }
            case "labels" -> {
                if (empty) {
                    target.labels = new LinkedHashSet<>();
                    return Optional.empty();
                }
                if (!value.isArray()) {
                    return Optional.of("Labels must be given as a list of strings.");
                }
                Set<String> labels = new LinkedHashSet<>();
                for (JsonNode label : value) {
                    Optional<String> bad = badLabel(label);
                    if (bad.isPresent()) {
                        return bad;
                    }
                    labels.add(label.asText());
                }
                target.labels = labels;
            }
            case "priority" -> {
                Optional<JiraCatalog.Priority> priority = empty || !value.isObject() ? Optional.empty()
                        : JiraCatalog.priority(value.path("id").asText(null), value.path("name").asText(null));
                if (priority.isEmpty()) {
                    return Optional.of("Specify the Priority (id or name) of one of "
                            + JiraCatalog.PRIORITIES.stream().map(JiraCatalog.Priority::name).toList());
                }
                target.priority = priority.get();
            }
            case "assignee", "reporter" -> {
                String accountId = null;
                if (!empty) {
                    Optional<JiraUser> user = user(value);
                    if (user.isEmpty()) {
                        return Optional.of("Specify a valid value for " + field + ": an {\"accountId\": ...} of an active user");
                    }
                    accountId = user.get().accountId();
                }
                if (field.equals("assignee")) {
                    target.assigneeId = accountId;
                } else {
                    target.reporterId = accountId;
                }
            }
            case "duedate" -> {
                try {
                    target.duedate = empty || value.asText().isEmpty() ? null : LocalDate.parse(value.asText());
                } catch (DateTimeParseException e) {
                    return Optional.of("Error parsing date string: " + value.asText() + " (use yyyy-MM-dd)");
                }
            }
            case "components" -> {
                List<JiraProject.Component> components = new ArrayList<>();
                if (!empty) {
                    if (!value.isArray()) {
                        return Optional.of("Components must be given as a list of {\"id\"} or {\"name\"}.");
                    }
                    for (JsonNode c : value) {
                        Optional<JiraProject.Component> component = component(c, target.project);
                        if (component.isEmpty()) {
                            return Optional.of(unknownComponent(c));
                        }
                        components.add(component.get());
                    }
                }
                target.components = components;
            }
            case "resolution" -> {
                Optional<JiraCatalog.Resolution> resolution = empty || !value.isObject() ? Optional.empty()
                        : JiraCatalog.resolution(value.path("id").asText(null), value.path("name").asText(null));
                if (resolution.isEmpty()) {
                    return Optional.of("Specify a valid resolution (id or name) of one of "
                            + JiraCatalog.RESOLUTIONS.stream().map(JiraCatalog.Resolution::name).toList());
                }
                target.resolution = resolution.get();
            }
            case "fixVersions" -> {
                return setFixVersions(value, target);
            }
            case SPRINT_FIELD -> {
                return setSprint(value, target);
            }
            default -> {
                return Optional.of(notOnScreen(field));
            }
        }
        return Optional.empty();
    }

    /** An Atlassian Document: {@code {"type":"doc","version":1,"content":[...]}}. */
    static boolean isAdf(JsonNode value) {
        return value != null && value.isObject() && "doc".equals(value.path("type").asText())
                && value.path("version").asInt(-1) == 1 && value.path("content").isArray();
    }

    private static Optional<String> badLabel(JsonNode label) {
        if (label == null || !label.isTextual() || label.asText().isEmpty()) {
            return Optional.of("Labels must be non-empty strings.");
        }
        if (label.asText().chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("The label '" + label.asText() + "' contains spaces which is invalid.");
        }
        if (label.asText().length() > 255) {
            return Optional.of("The label '" + label.asText() + "' is longer than 255 characters.");
        }
        return Optional.empty();
    }

    private Optional<JiraUser> user(JsonNode value) {
        if (!value.isObject()) {
            return Optional.empty();
        }
        String accountId = value.path("accountId").asText(value.path("id").asText(null));
        return accounts.byId(accountId);
    }

    private static Optional<JiraProject.Component> component(JsonNode value, JiraProject project) {
        return value != null && value.isObject()
                ? project.component(value.path("id").asText(null), value.path("name").asText(null))
                : Optional.empty();
    }

    private static String unknownComponent(JsonNode value) {
        return "Component " + value + " does not exist in this project.";
    }

    /** {@code [{"id": ...}]} or {@code [{"name": ...}]}, each a version of the issue's project; null or [] clears them. */
    private Optional<String> setFixVersions(JsonNode value, Issue target) {
        List<JiraReleases.Version> versions = new ArrayList<>();
        if (value != null && !value.isNull()) {
            if (!value.isArray()) {
                return Optional.of("Fix versions must be given as a list of {\"id\"} or {\"name\"}.");
            }
            for (JsonNode v : value) {
                String id = v.path("id").isTextual() || v.path("id").isNumber() ? v.path("id").asText() : null;
                String name = v.path("name").isTextual() ? v.path("name").asText() : null;
                Optional<JiraReleases.Version> version = id == null && name == null ? Optional.empty()
                        : releases.version(target.project.key(), id, name);
                if (version.isEmpty()) {
                    return Optional.of(id != null ? "Version id '" + id + "' is not valid"
                            : "Version name '" + name + "' is not valid");
                }
                versions.add(version.get());
            }
        }
        target.fixVersions = versions;
        return Optional.empty();
    }

    /** A sprint id (a number, as Jira Cloud takes it); null clears it. A closed sprint takes no issues. */
    private Optional<String> setSprint(JsonNode value, Issue target) {
        if (value == null || value.isNull()) {
            target.sprint = null;
            return Optional.empty();
        }
        if (!value.canConvertToLong() || !(value.isNumber() || value.isTextual() && value.asText().matches("\\d+"))) {
            return Optional.of("Number value expected as the Sprint id.");
        }
        Optional<JiraReleases.Sprint> sprint = releases.sprint(value.asLong());
        if (sprint.isEmpty()) {
            return Optional.of("Sprint with id " + value.asText() + " does not exist");
        }
        if (sprint.get().state().equals("closed")) {
            return Optional.of("Issue can be assigned only to active or future sprints.");
        }
        target.sprint = sprint.get();
        return Optional.empty();
    }
}
