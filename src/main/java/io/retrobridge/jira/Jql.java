package io.retrobridge.jira;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds JQL from clauses whose values are always quoted and escaped, so a hostile summary, label or key
 * can never change the query's meaning. Field names are checked, not escaped: they come from our code or
 * the mapping, and a strange one is refused. The admin's own JQL fragment is kept whole in parentheses.
 */
public final class Jql {

    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*|cf\\[\\d{1,10}]");
    private static final DateTimeFormatter JQL_MINUTE = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    private final List<String> clauses = new ArrayList<>();
    private String orderBy = "";

    public static Jql query() {
        return new Jql();
    }

    public Jql eq(String field, String value) {
        clauses.add(field(field) + " = " + literal(value));
        return this;
    }

    public Jql in(String field, Collection<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("JQL '" + field + " in (...)' needs at least one value");
        }
        clauses.add(field(field) + " in (" + values.stream().map(Jql::literal).collect(Collectors.joining(", ")) + ")");
        return this;
    }

    /**
     * {@code field >= "yyyy/MM/dd HH:mm"}. JQL dates carry no zone and are read in the calling user's
     * time zone, so the instant is rendered in that zone, rounded down to the minute (JQL's precision).
     */
    public Jql atOrAfter(String field, Instant instant, ZoneId userZone) {
        clauses.add(field(field) + " >= " + literal(JQL_MINUTE.format(instant.atZone(userZone))));
        return this;
    }

    /** {@code field < "yyyy/MM/dd HH:mm"}, the instant rendered as {@link #atOrAfter} renders it. */
    public Jql before(String field, Instant instant, ZoneId userZone) {
        clauses.add(field(field) + " < " + literal(JQL_MINUTE.format(instant.atZone(userZone))));
        return this;
    }

    /** The mapping's own scope, written by the admin; kept whole so its ORs cannot leak out. */
    public Jql fragment(String adminJql) {
        if (adminJql != null && !adminJql.isBlank()) {
            if (Pattern.compile("(?i)\\border\\s+by\\b").matcher(adminJql).find()) {
                throw new IllegalArgumentException("the scope JQL must not hold ORDER BY; RetroBridge orders its own queries");
            }
            clauses.add("(" + adminJql.strip() + ")");
        }
        return this;
    }

    public Jql orderBy(String field, boolean ascending) {
        orderBy = (orderBy.isEmpty() ? " ORDER BY " : orderBy + ", ") + field(field) + (ascending ? " ASC" : " DESC");
        return this;
    }

    public String build() {
        if (clauses.isEmpty()) {
            throw new IllegalStateException("refusing to build an unbounded JQL query (it would match every issue)");
        }
        return String.join(" AND ", clauses) + orderBy;
    }

    @Override
    public String toString() {
        return build();
    }

    /** A JQL string literal: double-quoted, with backslash and quote escaped; control characters refused. */
    static String literal(String value) {
        Objects.requireNonNull(value, "JQL value");
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            throw new IllegalArgumentException("JQL value holds a line break or control character; refused");
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String field(String name) {
        if (name == null || !FIELD.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a JQL field name this connector will send");
        }
        return name;
    }
}
