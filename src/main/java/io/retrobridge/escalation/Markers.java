package io.retrobridge.escalation;

import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.escalation.StateMarkers;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How an item shows the board holding it: a Jira label (prefix + board id, e.g. escalated:cab) and a ServiceNow
 * field (board name + " — " + step id). The "shows" checks let the scan write only when something differs, so a
 * scan that changes nothing writes nothing. A blank prefix or field name means that side shows nothing.
 */
public final class Markers {

    private static final String SEPARATOR = " — ";

    private final EscalationPolicy policy;
    private final StateMarkers markers;

    public Markers(EscalationPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy is required but was null");
        this.markers = Objects.requireNonNull(policy.markers(), "policy.markers is required but was null");
    }

    public boolean onJira() {
        return markers.jiraLabelPrefix() != null && !markers.jiraLabelPrefix().isBlank();
    }

    public boolean onServiceNow() {
        return markers.serviceNowField() != null && !markers.serviceNowField().isBlank();
    }

    /** The label for a board: "escalated:cab". */
    public String jiraLabel(String boardId) {
        Objects.requireNonNull(boardId, "boardId is required but was null");
        return markers.jiraLabelPrefix() + boardId;
    }

    /** The item's labels as they should be: every other marker label gone, the holder's label present. */
    public Set<String> jiraLabelsWanted(Collection<String> labels, Optional<String> boardId) {
        TreeSet<String> wanted = new TreeSet<>(labels);
        if (!onJira()) {
            return wanted;
        }
        wanted.removeIf(label -> label.startsWith(markers.jiraLabelPrefix()));
        boardId.ifPresent(id -> wanted.add(jiraLabel(id)));
        return wanted;
    }

    /** True when the labels carry exactly the holder's marker label and no other (or none when nothing holds it). */
    public boolean jiraShows(Collection<String> labels, Optional<String> boardId) {
        return new TreeSet<>(labels).equals(jiraLabelsWanted(labels, boardId));
    }

    /** The ServiceNow field's name (e.g. u_escalation). */
    public String serviceNowField() {
        return markers.serviceNowField();
    }

    /** "Change Advisory Board — cab". */
    public String serviceNowValue(BoardHold hold) {
        return policy.board(hold.boardId()).name() + SEPARATOR + hold.stepId();
    }

    /** The field's wanted value: empty (cleared) when no board holds the item. */
    public String serviceNowValueWanted(Optional<BoardHold> hold) {
        return hold.map(this::serviceNowValue).orElse("");
    }

    /** True when the field already reads as wanted; an absent value counts as cleared. */
    public boolean serviceNowShows(String currentValue, Optional<BoardHold> hold) {
        if (!onServiceNow()) {
            return true;
        }
        String current = currentValue == null ? "" : currentValue.strip();
        return current.equals(serviceNowValueWanted(hold));
    }
}
