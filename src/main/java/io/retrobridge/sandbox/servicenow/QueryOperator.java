package io.retrobridge.sandbox.servicenow;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The encoded-query operators the simulator understands, longest token first so parsing is greedy. */
enum QueryOperator {
    IS_NOT_EMPTY("ISNOTEMPTY", false),
    IS_EMPTY("ISEMPTY", false),
    NOT_LIKE("NOT LIKE", true),
    NOT_IN("NOT IN", true),
    STARTS_WITH("STARTSWITH", true),
    ENDS_WITH("ENDSWITH", true),
    LIKE("LIKE", true),
    IN("IN", true),
    NOT_EQUALS("!=", true),
    AT_LEAST(">=", true),
    AT_MOST("<=", true),
    EQUALS("=", true),
    GREATER(">", true),
    LESS("<", true);

    private final String token;
    private final boolean takesValue;

    QueryOperator(String token, boolean takesValue) {
        this.token = token;
        this.takesValue = takesValue;
    }

    String token() {
        return token;
    }

    boolean takesValue() {
        return takesValue;
    }

    /** The operator {@code text} starts with, if any. */
    static Optional<QueryOperator> leading(String text) {
        return Arrays.stream(values()).filter(op -> text.startsWith(op.token)).findFirst();
    }

    /** Whether a stored value satisfies this operator against the query value. */
    boolean test(FieldDefinition field, String actual, String expected) {
        String wanted = field.type() == FieldType.DATE_TIME ? GlideDateTime.normalize(expected).orElse(expected) : expected;
        return switch (this) {
            case IS_EMPTY -> actual.isEmpty();
            case IS_NOT_EMPTY -> !actual.isEmpty();
            case EQUALS -> actual.equals(wanted);
            case NOT_EQUALS -> !actual.equals(wanted);
            case LIKE -> lower(actual).contains(lower(wanted));
            case NOT_LIKE -> !lower(actual).contains(lower(wanted));
            case STARTS_WITH -> lower(actual).startsWith(lower(wanted));
            case ENDS_WITH -> lower(actual).endsWith(lower(wanted));
            case IN -> list(wanted).contains(actual);
            case NOT_IN -> !list(wanted).contains(actual);
            case GREATER -> compare(field, actual, wanted) > 0;
            case AT_LEAST -> compare(field, actual, wanted) >= 0;
            case LESS -> compareBelow(field, actual, wanted) < 0;
            case AT_MOST -> compareBelow(field, actual, wanted) <= 0;
        };
    }

    /**
     * Orders two stored values of a field: numbers as numbers, date-times and text as text (the stored
     * date-time form sorts chronologically). Empty values sort first.
     */
    static int order(FieldDefinition field, String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(!a.isEmpty(), !b.isEmpty());
        }
        if (field.comparesAsNumber()) {
            Optional<BigDecimal> x = number(a);
            Optional<BigDecimal> y = number(b);
            if (x.isPresent() && y.isPresent()) {
                return x.get().compareTo(y.get());
            }
        }
        int ignoringCase = a.compareToIgnoreCase(b);
        return ignoringCase != 0 ? ignoringCase : a.compareTo(b);
    }

    /** Comparison for the "greater" operators; an empty stored value never satisfies them. */
    private static int compare(FieldDefinition field, String actual, String wanted) {
        if (actual.isEmpty() || wanted.isEmpty()) {
            return Integer.MIN_VALUE;
        }
        return order(field, actual, wanted);
    }

    /** Comparison for the "less" operators; an empty stored value never satisfies them. */
    private static int compareBelow(FieldDefinition field, String actual, String wanted) {
        if (actual.isEmpty() || wanted.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        return order(field, actual, wanted);
    }

    private static Optional<BigDecimal> number(String text) {
        try {
            return Optional.of(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.asList(commaSeparated.split(",", -1));
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
