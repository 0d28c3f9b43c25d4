package io.retrobridge.servicenow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds a ServiceNow encoded query. ServiceNow has no reliable escape for {@code ^} inside a value and
 * silently ignores a part it does not understand, which would widen the query; so values that could
 * break out of their clause ({@code ^}, {@code =}, {@code @}, line breaks) or be run as script
 * ({@code javascript:}) are refused, never sent. Queries are built
 * only from values we control: sys_ids, numbers, our correlation ids and timestamps we format.
 */
public final class EncodedQuery {

    private static final Pattern FIELD = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    /** A plain mailbox address: nothing that could end the clause or start another operator's syntax. */
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private final List<String> parts = new ArrayList<>();
    private final List<String> order = new ArrayList<>();

    public static EncodedQuery query() {
        return new EncodedQuery();
    }

    public EncodedQuery eq(String field, String value) {
        parts.add(field(field) + "=" + value(field, value));
        return this;
    }

    /**
     * {@code field=address} for an e-mail address. {@link #eq} refuses {@code @} (it separates the
     * arguments of operators such as BETWEEN and RELATIVE); after {@code =} it is plain text, so an
     * address of the usual shape, and nothing else, is let through here.
     */
    public EncodedQuery eqEmail(String field, String address) {
        if (address == null || !EMAIL.matcher(address).matches()) {
            throw new IllegalArgumentException("encoded query value for " + field
                    + " is not a plain e-mail address (name@domain.tld); refused");
        }
        // The pattern admits no ^, =, colon or line break, so the address cannot leave its clause.
        parts.add(field(field) + "=" + address);
        return this;
    }

    /**
     * {@code fieldINa,b,c}. The comma separates the values, so a value holding one is refused like any other
     * value that could leave its clause.
     */
    public EncodedQuery in(String field, Collection<String> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("encoded query '" + field + "IN' needs at least one value; refused");
        }
        List<String> checked = new ArrayList<>();
        for (String value : values) {
            if (value != null && value.indexOf(',') >= 0) {
                throw new IllegalArgumentException("encoded query value for " + field
                        + " holds ',', which separates the values of IN; refused");
            }
            checked.add(value(field, value));
        }
        parts.add(field(field) + "IN" + String.join(",", checked));
        return this;
    }

    public EncodedQuery atOrAfter(String field, Instant instant) {
        parts.add(field(field) + ">=" + GlideTime.format(instant));
        return this;
    }

    /** {@code field=instant}, to the second as ServiceNow stores date-times. */
    public EncodedQuery at(String field, Instant instant) {
        parts.add(field(field) + "=" + GlideTime.format(instant));
        return this;
    }

    /** {@code field>value}; for sys_ids, which ServiceNow compares as text. */
    public EncodedQuery greaterThan(String field, String value) {
        parts.add(field(field) + ">" + value(field, value));
        return this;
    }

    /** The mapping's own scope, written by the admin; checked for line breaks, ordering and ^NQ only. */
    public EncodedQuery fragment(String adminQuery) {
        if (adminQuery != null && !adminQuery.isBlank()) {
            if (adminQuery.contains("\n") || adminQuery.contains("\r") || adminQuery.contains("ORDERBY")) {
                throw new IllegalArgumentException("the scope encoded query must be one line without ORDERBY");
            }
            if (adminQuery.contains("^NQ")) {
                // ^NQ starts a second, separate query: the conditions we add after it would bound only that one.
                throw new IllegalArgumentException("the scope encoded query must not hold ^NQ (a second query); "
                        + "write the alternatives with ^OR instead");
            }
            parts.add(adminQuery.strip());
        }
        return this;
    }

    public EncodedQuery orderBy(String field) {
        order.add("ORDERBY" + field(field));
        return this;
    }

    public EncodedQuery orderByDescending(String field) {
        order.add("ORDERBYDESC" + field(field));
        return this;
    }

    public String build() {
        if (parts.isEmpty()) {
            throw new IllegalStateException("refusing to build an unbounded encoded query (it would match every record)");
        }
        List<String> all = new ArrayList<>(parts);
        all.addAll(order);
        return String.join("^", all);
    }

    @Override
    public String toString() {
        return build();
    }

    private static String value(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("encoded query value for " + field + " is empty; refused");
        }
        if (value.toLowerCase(java.util.Locale.ROOT).contains("javascript:")) {
            // ServiceNow evaluates such a value as a server-side script.
            throw new IllegalArgumentException("encoded query value for " + field + " holds 'javascript:'; refused");
        }
        for (char c : value.toCharArray()) {
            if (c == '^' || c == '=' || c == '\n' || c == '\r' || c == '@') {
                throw new IllegalArgumentException("encoded query value for " + field + " holds '"
                        + (c == '\n' ? "\\n" : c == '\r' ? "\\r" : String.valueOf(c))
                        + "', which could change the query; refused");
            }
        }
        return value;
    }

    private static String field(String name) {
        if (name == null || !FIELD.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a ServiceNow field name this connector will send");
        }
        return name;
    }
}
