package io.retrobridge.sandbox.servicenow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code sysparm_query}: {@code ^NQ} separates alternative queries, {@code ^} joins conditions
 * that must all hold, {@code ^OR} offers an alternative to the condition before it, and
 * {@code ORDERBY}/{@code ORDERBYDESC} sort. Like a real instance, a condition on a field the table does
 * not have (or with an operator it does not know) is dropped without a word, so a typo widens the
 * result; {@link #ignored()} lists what was dropped so tests can show it.
 */
final class EncodedQuery {

    record Condition(String path, FieldDefinition field, QueryOperator operator, String value) {

        boolean test(Function<String, String> reader) {
            return operator.test(field, reader.apply(path), value);
        }
    }

    record Ordering(String path, FieldDefinition field, boolean descending) {
    }

    private static final Pattern FIELD = Pattern.compile("[a-z0-9_.]+");

    /** Alternatives ({@code ^NQ}), each a list of terms that must all hold, each term a list of OR-ed conditions. */
    private final List<List<List<Condition>>> alternatives;
    private final List<Ordering> orderings;
    private final List<String> ignored;

    private EncodedQuery(List<List<List<Condition>>> alternatives, List<Ordering> orderings, List<String> ignored) {
        this.alternatives = alternatives;
        this.orderings = orderings;
        this.ignored = ignored;
    }

    static EncodedQuery parse(String text, TableDefinition table, RecordStore store) {
        List<List<List<Condition>>> alternatives = new ArrayList<>();
        List<Ordering> orderings = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String alternative : text.split("\\^NQ", -1)) {
                List<List<Condition>> terms = new ArrayList<>();
                for (String part : alternative.split("\\^", -1)) {
                    parsePart(part, table, store, terms, orderings, ignored);
                }
                alternatives.add(terms);
            }
        }
        return new EncodedQuery(alternatives, orderings, ignored);
    }

    private static void parsePart(String part, TableDefinition table, RecordStore store, List<List<Condition>> terms,
            List<Ordering> orderings, List<String> ignored) {
        if (part.isEmpty() || part.equals("EQ")) {
            return;
        }
        if (part.startsWith("ORDERBY")) {
            boolean descending = part.startsWith("ORDERBYDESC");
            String path = part.substring(descending ? "ORDERBYDESC".length() : "ORDERBY".length());
            store.definition(table, path).ifPresentOrElse(
                    field -> orderings.add(new Ordering(path, field, descending)), () -> ignored.add(part));
            return;
        }
        boolean orPart = part.startsWith("OR");
        Optional<Condition> condition = condition(orPart ? part.substring(2) : part, table, store);
        if (condition.isEmpty()) {
            ignored.add(part);
        } else if (orPart && !terms.isEmpty()) {
            terms.get(terms.size() - 1).add(condition.get());
        } else {
            terms.add(new ArrayList<>(List.of(condition.get())));
        }
    }

    private static Optional<Condition> condition(String text, TableDefinition table, RecordStore store) {
        Matcher m = FIELD.matcher(text);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        String path = m.group();
        String rest = text.substring(m.end());
        Optional<QueryOperator> operator = QueryOperator.leading(rest);
        Optional<FieldDefinition> field = store.definition(table, path);
        if (operator.isEmpty() || field.isEmpty()) {
            return Optional.empty();
        }
        String value = rest.substring(operator.get().token().length());
        if (!operator.get().takesValue() && !value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Condition(path, field.get(), operator.get(), value));
    }

    /** Whether a record, seen through {@code reader} (path to raw value), matches. */
    boolean matches(Function<String, String> reader) {
        if (alternatives.isEmpty()) {
            return true;
        }
        for (List<List<Condition>> terms : alternatives) {
            if (terms.stream().allMatch(anyOf -> anyOf.stream().anyMatch(c -> c.test(reader)))) {
                return true;
            }
        }
        return false;
    }

    /** The order the query asks for, or null when it asks for none. */
    Comparator<Map<String, String>> comparator(TableDefinition table, RecordStore store) {
        Comparator<Map<String, String>> result = null;
        for (Ordering ordering : orderings) {
            Comparator<Map<String, String>> next = (a, b) -> QueryOperator.order(ordering.field(),
                    store.read(table, a, ordering.path()), store.read(table, b, ordering.path()));
            if (ordering.descending()) {
                next = next.reversed();
            }
            result = result == null ? next : result.thenComparing(next);
        }
        return result;
    }

    /** The parts of the query that were dropped because they name an unknown field or operator. */
    List<String> ignored() {
        return List.copyOf(ignored);
    }
}
