package io.retrobridge.servicenow;

import io.retrobridge.mapping.text.JournalText;
import io.retrobridge.sync.GateDecisionRecords.Blocking;
import io.retrobridge.sync.GateDecisionRecords.GateDecisionNote;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gate answer as the change's field and work note show it. Both start with the decision and the answer's
 * fingerprint, {@code DENY [rb-gate 3fa9c2d1e0b4]}, which is how the answer a change last got is known again. Values
 * from elsewhere (reason, titles) come after it, on lines of their own, without line breaks and cut to a bound, so
 * none can pose as that start or make the text unbounded.
 */
final class GateDecisionText {

    /** The field's bound: ask for a string column at least this long. */
    static final int FIELD_LENGTH = 1000;
    /** Items listed in a note; more are counted. */
    static final int NOTE_ITEMS = 20;
    private static final int TITLE_LENGTH = 200;
    private static final int REASON_LENGTH = 2000;
    private static final int URL_LENGTH = 500;
    private static final Pattern START = Pattern.compile("^(?:ALLOW|DENY|PENDING) \\[rb-gate ([0-9a-f]{12})]");

    private GateDecisionText() {
    }

    /** "DENY [rb-gate 3fa9c2d1e0b4] 2026-12-07T09:30:12Z, gate prod: DENY: ... Status: https://..." */
    static String field(GateDecisionNote note) {
        String start = start(note) + " " + note.decidedAt() + ", gate " + note.gate() + ": ";
        String status = " Status: " + cut(oneLine(note.statusUrl()), URL_LENGTH);
        int room = FIELD_LENGTH - start.length() - status.length();
        return start + cut(oneLine(note.reason()), Math.max(room, 0)) + status;
    }

    /** The work note: the start line, the release, the reason, the blocking items and where to read the answer. */
    static String workNote(GateDecisionNote note) {
        List<String> lines = new ArrayList<>();
        lines.add(start(note) + " Release gate " + note.gate() + ": " + note.decision());
        lines.add(oneLine(note.application() + (note.version() == null ? "" : " " + note.version()) + " to "
                + note.environment() + " (" + note.changeNumber() + ")"));
        lines.add(cut(oneLine(note.reason()), REASON_LENGTH));
        if (!note.blocking().isEmpty()) {
            lines.add("Blocking:");
            note.blocking().stream().limit(NOTE_ITEMS).map(GateDecisionText::item).forEach(lines::add);
            if (note.blocking().size() > NOTE_ITEMS) {
                lines.add("- and " + (note.blocking().size() - NOTE_ITEMS) + " more, listed at the status URL");
            }
        }
        lines.add("Status: " + cut(oneLine(note.statusUrl()), URL_LENGTH));
        lines.add("Decided at " + note.decidedAt() + ", evaluation " + note.evaluationId());
        return JournalText.literal(String.join("\n", lines));
    }

    /** The fingerprint a field or note written by {@link #field} or {@link #workNote} starts with. */
    static Optional<String> fingerprintIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher start = START.matcher(text);
        return start.find() ? Optional.of(start.group(1)) : Optional.empty();
    }

    private static String start(GateDecisionNote note) {
        return note.decision() + " [rb-gate " + note.fingerprint() + "]";
    }

    private static String item(Blocking item) {
        List<String> refs = new ArrayList<>();
        Optional.ofNullable(item.jiraKey()).ifPresent(refs::add);
        Optional.ofNullable(item.serviceNowNumber()).ifPresent(refs::add);
        String title = cut(oneLine(item.title() == null ? item.reference() : item.title()), TITLE_LENGTH);
        return "- " + oneLine(item.rule()) + ": " + title + (refs.isEmpty() ? "" : " (" + oneLine(String.join(", ",
                refs)) + ")");
    }

    /** Line breaks and other control characters become spaces: one value, one line. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return max < 1 ? "" : text.substring(0, max - 1) + "\u2026";
    }
}
