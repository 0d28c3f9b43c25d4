package io.retrobridge.sandbox.jira;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A strict parser for the JQL a connector sends: {@code project}, {@code issuetype}, {@code status},
 * {@code labels}, {@code key}, {@code assignee}, {@code created}, {@code updated}; operators
 * {@code = != > >= < <= in, not in}; {@code AND}, {@code OR}, parentheses; quoted strings with
 * backslash escapes; {@code ORDER BY field [ASC|DESC], ...}. Anything else is a {@link JqlException}
 * that says where the query went wrong, so a query is never silently widened.
 */
final class JqlParser {

    private enum Kind { WORD, STRING, OPERATOR, LPAREN, RPAREN, COMMA, END }

    private record Token(Kind kind, String text, int position) {

        boolean isKeyword(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        String describe() {
            return kind == Kind.END ? "the end of the query" : "'" + text + "'";
        }
    }

    static final Map<String, String> FIELDS = Map.of("project", "project", "issuetype", "issuetype", "type",
            "issuetype", "status", "status", "labels", "labels", "key", "key", "issuekey", "key", "assignee", "assignee",
            "created", "created", "updated", "updated");
    static final Set<String> DATE_FIELDS = Set.of("created", "updated");
    static final Set<String> SORT_FIELDS = Set.of("created", "updated", "key", "duedate", "priority");
    private static final Set<String> RESERVED = Set.of("and", "or", "not", "in", "order", "by", "is", "empty", "null",
            "was", "changed");

    private final List<Token> tokens;
    private int next;

    private JqlParser(String jql) {
        this.tokens = tokenize(jql);
    }

    static JqlQuery parse(String jql) {
        if (jql == null) {
            throw new JqlException("Error in the JQL Query: the query is missing; send \"jql\" with at least one condition or an ORDER BY.");
        }
        return new JqlParser(jql).query();
    }

    private JqlQuery query() {
        JqlQuery.Condition where = null;
        if (peek().kind() != Kind.END && !peek().isKeyword("order")) {
            where = or();
        }
        List<JqlQuery.Sort> orderBy = new ArrayList<>();
        if (peek().isKeyword("order")) {
            take();
            expectKeyword("by");
            do {
                Token field = take();
                if (field.kind() != Kind.WORD && field.kind() != Kind.STRING) {
                    throw error("Expecting a field name but got " + field.describe(), field);
                }
                String name = field.text().toLowerCase(Locale.ROOT);
                String canonical = FIELDS.getOrDefault(name, name);
                if (!SORT_FIELDS.contains(canonical)) {
                    throw new JqlException("Error in the JQL Query: Not able to sort using field '" + field.text()
                            + "'. Sortable here: " + SORT_FIELDS + ".");
                }
                boolean ascending = true;
                if (peek().isKeyword("asc") || peek().isKeyword("desc")) {
                    ascending = take().text().equalsIgnoreCase("asc");
                }
                orderBy.add(new JqlQuery.Sort(canonical, ascending));
            } while (peek().kind() == Kind.COMMA && take() != null);
        }
        if (peek().kind() != Kind.END) {
            throw error("Expecting either 'OR' or 'AND' but got " + peek().describe(), peek());
        }
        return new JqlQuery(where, orderBy);
    }

    private JqlQuery.Condition or() {
        List<JqlQuery.Condition> parts = new ArrayList<>(List.of(and()));
        while (peek().isKeyword("or")) {
            take();
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new JqlQuery.Or(parts);
    }

    private JqlQuery.Condition and() {
        List<JqlQuery.Condition> parts = new ArrayList<>(List.of(primary()));
        while (peek().isKeyword("and")) {
            take();
            parts.add(primary());
        }
        return parts.size() == 1 ? parts.get(0) : new JqlQuery.And(parts);
    }

    private JqlQuery.Condition primary() {
        if (peek().kind() == Kind.LPAREN) {
            take();
            JqlQuery.Condition inner = or();
            expect(Kind.RPAREN, "')'");
            return inner;
        }
        return clause();
    }

    private JqlQuery.Condition clause() {
        Token field = take();
        if (field.kind() != Kind.WORD && field.kind() != Kind.STRING
                || field.kind() == Kind.WORD && RESERVED.contains(field.text().toLowerCase(Locale.ROOT))) {
            throw error("Expecting a field name but got " + field.describe(), field);
        }
        String canonical = FIELDS.get(field.text().toLowerCase(Locale.ROOT));
        if (canonical == null) {
            throw new JqlException("Error in the JQL Query: Field '" + field.text()
                    + "' does not exist or this sandbox does not support it. Supported fields: "
                    + new java.util.TreeSet<>(FIELDS.keySet()) + ".");
        }
        Token op = take();
        String operator;
        if (op.kind() == Kind.OPERATOR) {
            operator = op.text();
        } else if (op.isKeyword("in")) {
            operator = "in";
        } else if (op.isKeyword("not") && peek().isKeyword("in")) {
            take();
            operator = "not in";
        } else {
            throw error("Expecting operator but got " + op.describe()
                    + ". Valid operators here are '=', '!=', '<', '>', '<=', '>=', 'in' and 'not in'", op);
        }
        boolean date = DATE_FIELDS.contains(canonical);
        boolean comparison = Set.of(">", ">=", "<", "<=").contains(operator);
        if (date && operator.contains("in") || !date && comparison) {
            throw new JqlException("Error in the JQL Query: The operator '" + operator + "' is not supported by the '"
                    + field.text() + "' field.");
        }
        List<String> values = new ArrayList<>();
        if (operator.endsWith("in")) {
            expect(Kind.LPAREN, "'('");
            values.add(value());
            while (peek().kind() == Kind.COMMA) {
                take();
                values.add(value());
            }
            expect(Kind.RPAREN, "')'");
        } else {
            values.add(value());
        }
        return new JqlQuery.Clause(canonical, operator, values);
    }

    private String value() {
        Token value = take();
        if (value.kind() == Kind.STRING) {
            return value.text();
        }
        if (value.kind() == Kind.WORD && !RESERVED.contains(value.text().toLowerCase(Locale.ROOT))) {
            if (peek().kind() == Kind.LPAREN) {
                throw error("Functions such as '" + value.text() + "()' are not supported by this sandbox", value);
            }
            return value.text();
        }
        throw error("Expecting a value but got " + value.describe()
                + ". Quote values holding spaces or reserved words, e.g. \"In Progress\"", value);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    private void expect(Kind kind, String what) {
        Token token = take();
        if (token.kind() != kind) {
            throw error("Expecting " + what + " but got " + token.describe(), token);
        }
    }

    private void expectKeyword(String keyword) {
        Token token = take();
        if (!token.isKeyword(keyword)) {
            throw error("Expecting '" + keyword.toUpperCase(Locale.ROOT) + "' but got " + token.describe(), token);
        }
    }

    private JqlException error(String problem, Token at) {
        return new JqlException("Error in the JQL Query: " + problem + ". (line 1, character " + (at.position() + 1) + ")");
    }

    private static List<Token> tokenize(String jql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < jql.length()) {
            char c = jql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(new Token(c == '(' ? Kind.LPAREN : c == ')' ? Kind.RPAREN : Kind.COMMA, String.valueOf(c), i));
                i++;
            } else if (c == '"' || c == '\'') {
                int start = i++;
                StringBuilder text = new StringBuilder();
                while (i < jql.length() && jql.charAt(i) != c) {
                    if (jql.charAt(i) == '\\') {
                        if (i + 1 >= jql.length()) {
                            break;
                        }
                        i++;
                    }
                    text.append(jql.charAt(i++));
                }
                if (i >= jql.length()) {
                    throw new JqlException("Error in the JQL Query: The quoted string starting at character " + (start + 1)
                            + " has not been completed. (line 1, character " + (start + 1) + ")");
                }
                i++;
                tokens.add(new Token(Kind.STRING, text.toString(), start));
            } else if ("=!<>~".indexOf(c) >= 0) {
                int start = i;
                String two = i + 1 < jql.length() ? jql.substring(i, i + 2) : "";
                String op = Set.of("!=", ">=", "<=", "!~").contains(two) ? two : String.valueOf(c);
                if (op.equals("!") || op.contains("~")) {
                    throw new JqlException("Error in the JQL Query: The operator '" + op
                            + "' is not supported by this sandbox. (line 1, character " + (start + 1) + ")");
                }
                i += op.length();
                tokens.add(new Token(Kind.OPERATOR, op, start));
            } else if (isWordChar(c)) {
                int start = i;
                while (i < jql.length() && isWordChar(jql.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, jql.substring(start, i), start));
            } else {
                throw new JqlException("Error in the JQL Query: The character '" + c
                        + "' is a reserved JQL character. You must enclose it in a string or use the escape '\\u"
                        + String.format("%04x", (int) c) + "' instead. (line 1, character " + (i + 1) + ")");
            }
        }
        tokens.add(new Token(Kind.END, "", jql.length()));
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '@' || c == ':' || c == '/';
    }
}
