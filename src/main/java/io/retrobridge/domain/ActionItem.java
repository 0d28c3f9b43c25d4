package io.retrobridge.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A retrospective action item in the words of neither Jira nor ServiceNow.
 *
 * @param description   canonical text (a Markdown subset: paragraphs, lists, links, code); never null
 * @param assigneeEmail who does it, by e-mail; null when nobody is assigned
 * @param dueDate       null when there is no due date
 * @param labels        free labels without whitespace; sorted, never null
 * @param components    component names; sorted, never null
 * @param failureMode   the failure-mode tag (FMEA) the item addresses, one word (e.g. config-drift); null when untagged
 * @param classification null until a classification rule has looked at the item
 */
public record ActionItem(String title, String description, ActionStatus status, Priority priority,
                         String assigneeEmail, LocalDate dueDate, Set<String> labels, Set<String> components,
                         String failureMode, Classification classification) {

    public ActionItem {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("An action item needs a title");
        }
        description = description == null ? "" : description;
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        if (assigneeEmail != null && !assigneeEmail.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("Assignee '" + assigneeEmail + "' is not an e-mail address");
        }
        labels = sortedCopy(labels, "label");
        components = sortedCopy(components, "component");
        if (failureMode != null && failureMode.isBlank()) {
            failureMode = null;
        }
        if (failureMode != null && failureMode.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Failure mode '" + failureMode + "' contains whitespace; it is a tag"
                    + " such as config-drift");
        }
    }

    public ActionItem withClassification(Classification newClassification) {
        return new ActionItem(title, description, status, priority, assigneeEmail, dueDate, labels, components,
                failureMode, newClassification);
    }

    private static Set<String> sortedCopy(Set<String> values, String what) {
        TreeSet<String> copy = new TreeSet<>();
        if (values != null) {
            for (String value : values) {
                if (value == null || value.isBlank()) {
                    throw new IllegalArgumentException("An action item " + what + " must not be empty");
                }
                if (what.equals("label") && value.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("Label '" + value + "' contains whitespace; labels are single words");
                }
                copy.add(value);
            }
        }
        return Collections.unmodifiableSortedSet(copy);
    }
}
