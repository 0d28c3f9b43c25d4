package io.retrobridge.servicenow;

import java.util.ArrayList;
import java.util.List;

/**
 * The PIR figures at the end of a change's close notes, between two marker lines. Writing them again replaces what
 * stands between the markers; the people's close notes before (and after) the appendix stay as they are. Only a whole
 * line equal to a marker counts, and the figures never hold one (every value in them is one line after a label).
 */
final class CloseNotesAppendix {

    static final String START = "--- PIR figures (RetroBridge) ---";
    static final String END = "--- end of PIR figures ---";

    private CloseNotesAppendix() {
    }

    /** {@code closeNotes} with the appendix holding {@code figures}, in place of any earlier one. */
    static String replace(String closeNotes, String figures) {
        List<String> lines = new ArrayList<>(closeNotes == null || closeNotes.isEmpty() ? List.of()
                : List.of(closeNotes.split("\r?\n", -1)));
        int start = indexOf(lines, START, 0);
        List<String> after = List.of();
        if (start >= 0) {
            int end = indexOf(lines, END, start + 1);
            // Without its end line the appendix runs to the end: keeping that text would double it next time.
            after = end < 0 ? List.of() : List.copyOf(lines.subList(end + 1, lines.size()));
            lines = new ArrayList<>(lines.subList(0, start));
        }
        String before = String.join("\n", lines).stripTrailing();
        StringBuilder out = new StringBuilder(before);
        if (!before.isEmpty()) {
            out.append("\n\n");
        }
        out.append(START).append('\n').append(figures.strip()).append('\n').append(END);
        String rest = String.join("\n", after).strip();
        if (!rest.isEmpty()) {
            out.append("\n\n").append(rest);
        }
        return out.toString();
    }

    private static int indexOf(List<String> lines, String marker, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        return -1;
    }
}
