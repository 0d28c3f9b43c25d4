package io.retrobridge.sandbox.jira;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simple Jira workflow: To Do, In Progress, Done and Cancelled, each reachable from the others by a
 * global transition named after its target (ids 11, 21, 31, 41). A transition into Done sets the
 * resolution (Done unless the caller gives one), into Cancelled "Won't Do"; leaving them clears it. Tests can make a
 * transition's screen demand a field, as an admin would, to see the connector handle the refusal.
 */
public final class JiraWorkflow {

    /** One transition and the status it leads to. */
    record Transition(String id, String name, JiraCatalog.Status to) {
    }

    static final List<Transition> TRANSITIONS = List.of(
            new Transition("11", "To Do", JiraCatalog.TO_DO),
            new Transition("21", "In Progress", JiraCatalog.IN_PROGRESS),
            new Transition("31", "Done", JiraCatalog.DONE),
            new Transition("41", "Cancelled", JiraCatalog.CANCELLED));

    /** Fields a transition screen may show and so may demand. */
    private static final Set<String> SCREEN_FIELDS = Set.of("resolution", "assignee", "duedate", "labels", "priority");

    private final Map<String, Set<String>> required = new ConcurrentHashMap<>();

    /**
     * From now on, the transition called {@code transitionName} is refused with a 400 naming {@code field}
     * unless the request gives it, as when an admin puts a required field on the transition screen.
     */
    public JiraWorkflow requireFieldOn(String transitionName, String field) {
        Transition transition = TRANSITIONS.stream().filter(t -> t.name().equals(transitionName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No transition called '" + transitionName
                        + "'; the workflow has " + TRANSITIONS.stream().map(Transition::name).toList()));
        if (!SCREEN_FIELDS.contains(field)) {
            throw new IllegalArgumentException("A transition screen can require one of " + SCREEN_FIELDS
                    + ", not '" + field + "'");
        }
        required.computeIfAbsent(transition.id(), id -> ConcurrentHashMap.newKeySet()).add(field);
        return this;
    }

    /** Lifts every required-field rule. */
    public void clearRules() {
        required.clear();
    }

    List<Transition> availableFrom(JiraCatalog.Status current) {
        return TRANSITIONS.stream().filter(t -> !t.to().equals(current)).toList();
    }

    Optional<Transition> available(String id, JiraCatalog.Status current) {
        return availableFrom(current).stream().filter(t -> t.id().equals(id)).findFirst();
    }

    Set<String> requiredFields(Transition transition) {
        return Set.copyOf(required.getOrDefault(transition.id(), Set.of()));
    }

    /** What the transition's screen shows: resolution on the way into Done, plus any field made required. */
    Set<String> screenFields(Transition transition) {
        Set<String> fields = new LinkedHashSet<>();
        if (transition.to().equals(JiraCatalog.DONE)) {
            fields.add("resolution");
        }
        fields.addAll(requiredFields(transition));
        return fields;
    }

    boolean hasScreen(Transition transition) {
        return !screenFields(transition).isEmpty();
    }
}
