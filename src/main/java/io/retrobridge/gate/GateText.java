package io.retrobridge.gate;

import io.retrobridge.domain.Scope;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The words answers are made of: one line of plain text, whatever the facts contain. */
final class GateText {

    /** Line breaks, tabs and other control characters, which would break a one-line reason or a log line. */
    private static final Pattern BREAKS = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]+");

    private GateText() {
    }

    /** The text as given, on one line; null reads as empty. */
    static String flat(String text) {
        return text == null ? "" : BREAKS.matcher(text).replaceAll(" ");
    }

    /** "payment-gateway 4.3.0 to production". */
    static String subject(ReleaseQuestion question) {
        return flat(question.application()) + (question.version() == null ? "" : " " + flat(question.version()))
                + " to " + flat(question.environment());
    }

    /** "PAY-31 'Alert on error rate' (due 2026-12-01, overdue, escalated to CAB)". */
    static String item(FollowUp item) {
        StringBuilder notes = new StringBuilder();
        if (item.due() != null) {
            notes.append("due ").append(item.due());
        }
        if (item.open() && item.overdue()) {
            notes.append(notes.isEmpty() ? "" : ", ").append("overdue");
        }
        if (item.escalatedTo() != null) {
            notes.append(notes.isEmpty() ? "" : ", ").append("escalated to ").append(flat(item.escalatedTo()));
        }
        return flat(item.reference()) + " '" + flat(item.title()) + "'" + (notes.isEmpty() ? "" : " (" + notes + ")");
    }

    /** "the retrospective of CHG1" or "the retrospectives of CHG1 and CHG2". */
    static String retrospectives(List<RetrospectiveFacts> retrospectives) {
        List<String> names = retrospectives.stream().map(r -> flat(r.name())).distinct().toList();
        return (names.size() == 1 ? "the retrospective of " : "the retrospectives of ") + and(names);
    }

    /** "1 open immediate fix", "2 open corrective actions" (when several scopes count). */
    static String openCount(int count, Set<Scope> scopes) {
        String singular = scopes.size() == 1 ? scopeWords(scopes.iterator().next()) : "corrective action";
        return count + " open " + (count == 1 ? singular : plural(singular));
    }

    static String and(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    static String count(int count, String singular) {
        return count + " " + (count == 1 ? singular : plural(singular));
    }

    private static String scopeWords(Scope scope) {
        return switch (scope) {
            case IMMEDIATE_FIX -> "immediate fix";
            case PROCESS_IMPROVEMENT -> "process improvement";
            case TOOLING_UPGRADE -> "tooling upgrade";
            case TRAINING -> "training action";
        };
    }

    private static String plural(String singular) {
        return singular.endsWith("x") || singular.endsWith("s") ? singular + "es" : singular + "s";
    }
}
