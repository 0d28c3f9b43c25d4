package io.retrobridge.mapping.pir;

import io.retrobridge.mapping.Suggestions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A cheap look at a PromQL template, not a PromQL parser: brackets and quotes that close, placeholders that exist,
 * and {@code ${service}} / {@code ${environment}} only inside double-quoted strings, where {@link PirMetric#queryFor}
 * escapes them. Outside such a string a service name could add to the query instead of naming a series.
 */
final class QueryTemplateCheck {

    /** One thing wrong with a query, at a 1-based character position within it. */
    record Flaw(String message, String fix) {
    }

    private enum Where { CODE, DOUBLE_QUOTED, SINGLE_QUOTED, BACKTICKED, COMMENT }

    private record Open(char bracket, int at) {
    }

    private final String query;
    private final List<Flaw> flaws = new ArrayList<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private boolean bracketsBroken;

    private QueryTemplateCheck(String query) {
        this.query = query;
    }

    static List<Flaw> flaws(String query) {
        QueryTemplateCheck check = new QueryTemplateCheck(query);
        check.scan();
        return check.flaws;
    }

    private void scan() {
        Where where = Where.CODE;
        int stringStart = 0;
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (query.startsWith("${", i) && where != Where.COMMENT) {
                i = placeholder(i, where);
                continue;
            }
            switch (where) {
                case COMMENT -> where = c == '\n' ? Where.CODE : Where.COMMENT;
                case DOUBLE_QUOTED, SINGLE_QUOTED -> {
                    if (c == '\\') {
                        i++;
                    } else if (c == (where == Where.DOUBLE_QUOTED ? '"' : '\'')) {
                        where = Where.CODE;
                    } else if (c == '\n') {
                        flaws.add(new Flaw("the string opened at character " + (stringStart + 1)
                                + " runs into a line break", "close the string on the same line, or write the line"
                                + " break as \\n"));
                        where = Where.CODE;
                    }
                }
                case BACKTICKED -> where = c == '`' ? Where.CODE : Where.BACKTICKED;
                case CODE -> {
                    switch (c) {
                        case '"' -> where = Where.DOUBLE_QUOTED;
                        case '\'' -> where = Where.SINGLE_QUOTED;
                        case '`' -> where = Where.BACKTICKED;
                        case '#' -> where = Where.COMMENT;
                        case '(', '{', '[' -> open.push(new Open(c, i));
                        case ')', '}', ']' -> close(c, i);
                        case '$' -> flaws.add(new Flaw("`$` at character " + (i + 1) + " is not a placeholder;"
                                + " PromQL has no variables", "write one of ${service}, ${environment}, ${window}"));
                        default -> {
                        }
                    }
                    if (where != Where.CODE) {
                        stringStart = i;
                    }
                }
            }
            i++;
        }
        if (where == Where.DOUBLE_QUOTED || where == Where.SINGLE_QUOTED || where == Where.BACKTICKED) {
            flaws.add(new Flaw("the string opened at character " + (stringStart + 1) + " is never closed",
                    "close it with " + query.charAt(stringStart)));
        }
        if (!bracketsBroken && !open.isEmpty()) {
            Open first = open.getLast();
            flaws.add(new Flaw("`" + first.bracket() + "` at character " + (first.at() + 1) + " is never closed",
                    "add the matching `" + closing(first.bracket()) + "`"));
        }
    }

    /** Checks the placeholder starting at {@code at}; returns where scanning goes on. */
    private int placeholder(int at, Where where) {
        int end = query.indexOf('}', at);
        if (end < 0) {
            flaws.add(new Flaw("`${` at character " + (at + 1) + " is never closed",
                    "write the placeholder whole, e.g. ${service}"));
            return query.length();
        }
        String name = query.substring(at + 2, end);
        if (!PirMetric.PLACEHOLDERS.contains(name)) {
            String suggestion = Suggestions.closest(name, PirMetric.PLACEHOLDERS).map(s -> "${" + s + "}").orElse(null);
            flaws.add(new Flaw("unknown placeholder `${" + name + "}` at character " + (at + 1)
                    + (suggestion == null ? "" : "; did you mean `" + suggestion + "`?"),
                    suggestion == null ? "use ${service}, ${environment} or ${window}" : "write " + suggestion));
        } else if (!name.equals("window") && where != Where.DOUBLE_QUOTED) {
            flaws.add(new Flaw("`${" + name + "}` at character " + (at + 1) + " is outside a double-quoted string, so"
                    + " its value would become part of the query itself",
                    "put it inside double quotes as a label value, e.g. " + name + "=\"${" + name + "}\""));
        }
        return end + 1;
    }

    private void close(char bracket, int at) {
        if (bracketsBroken) {
            return;
        }
        Open last = open.peek();
        if (last == null || closing(last.bracket()) != bracket) {
            flaws.add(new Flaw("`" + bracket + "` at character " + (at + 1) + (last == null ? " closes nothing"
                    : " does not close `" + last.bracket() + "` from character " + (last.at() + 1)),
                    last == null ? "remove it, or add the opening bracket it closes"
                            : "close `" + last.bracket() + "` with `" + closing(last.bracket()) + "` first"));
            bracketsBroken = true;
            return;
        }
        open.pop();
    }

    private static char closing(char opening) {
        return switch (opening) {
            case '(' -> ')';
            case '{' -> '}';
            default -> ']';
        };
    }
}
