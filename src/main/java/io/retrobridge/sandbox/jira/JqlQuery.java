package io.retrobridge.sandbox.jira;

import java.util.List;

/**
 * A parsed JQL query: an optional condition tree and the sort order. Only the clauses a connector
 * needs exist here; the parser refuses everything else instead of guessing.
 */
record JqlQuery(Condition where, List<Sort> orderBy) {

    sealed interface Condition permits And, Or, Clause {
    }

    record And(List<Condition> parts) implements Condition {
    }

    record Or(List<Condition> parts) implements Condition {
    }

    /** {@code field operator value} or {@code field [not] in (values)}; {@code field} is lower-case and canonical. */
    record Clause(String field, String operator, List<String> values) implements Condition {
    }

    record Sort(String field, boolean ascending) {
    }

    JqlQuery {
        orderBy = List.copyOf(orderBy);
    }
}
