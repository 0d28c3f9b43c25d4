package io.retrobridge.sandbox.prometheus;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A PromQL expression as text, the way the simulator keys its recordings: whitespace that does not separate two
 * words is dropped and the rest collapsed to one space, string literals kept as written; so a client that formats a
 * query differently still finds the recording. Before that, the brackets are checked as Prometheus's lexer checks
 * them, and an unbalanced one is a parse error with its line and column.
 */
final class QueryText {

    /** A query Prometheus would refuse to parse; the message is Prometheus's own, without the parameter name. */
    static final class ParseError extends IllegalArgumentException {
        ParseError(String message) {
            super(message);
        }
    }

    private QueryText() {
    }

    /** The recording key of {@code query}; throws {@link ParseError} when Prometheus could not parse it either. */
    static String normalised(String query) {
        checkSyntax(query);
        StringBuilder out = new StringBuilder(query.length());
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (isQuote(c)) {
                int end = endOfString(query, i);
                out.append(query, i, end + 1);
                i = end + 1;
            } else if (Character.isWhitespace(c)) {
                int next = i;
                while (next < query.length() && Character.isWhitespace(query.charAt(next))) {
                    next++;
                }
                if (out.length() > 0 && next < query.length() && isWord(out.charAt(out.length() - 1))
                        && isWord(query.charAt(next))) {
                    out.append(' ');
                }
                i = next;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void checkSyntax(String query) {
        if (query.isBlank()) {
            throw new ParseError("1:1: parse error: no expression found in input");
        }
        Deque<Integer> open = new ArrayDeque<>();
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (isQuote(c)) {
                int end = endOfString(query, i);
                if (end >= query.length()) {
                    throw error(query, i, "unterminated quoted string");
                }
                i = end + 1;
                continue;
            }
            if (c == '(' || c == '{' || c == '[') {
                open.push(i);
            } else if (c == ')' || c == '}' || c == ']') {
                if (open.isEmpty() || query.charAt(open.peek()) != opening(c)) {
                    throw error(query, i, "unexpected " + name(c) + " '" + c + "'");
                }
                open.pop();
            }
            i++;
        }
        if (!open.isEmpty()) {
            char c = query.charAt(open.peek());
            throw error(query, query.length(), c == '{' ? "unexpected end of input inside braces"
                    : "unclosed left " + (c == '(' ? "parenthesis" : "bracket"));
        }
    }

    /** Index of the closing quote, or the text's length when there is none. */
    private static int endOfString(String query, int start) {
        char quote = query.charAt(start);
        int i = start + 1;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
                continue;
            }
            if (c == quote) {
                return i;
            }
            i++;
        }
        return query.length();
    }

    private static ParseError error(String query, int index, String what) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index && i < query.length(); i++) {
            if (query.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new ParseError(line + ":" + column + ": parse error: " + what);
    }

    private static char opening(char closing) {
        return closing == ')' ? '(' : closing == '}' ? '{' : '[';
    }

    private static String name(char closing) {
        return closing == ')' ? "right parenthesis" : closing == '}' ? "right brace" : "right bracket";
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '.';
    }
}
