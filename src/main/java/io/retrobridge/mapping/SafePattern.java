package io.retrobridge.mapping;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An admin's regular expression, compiled once at load time and run with a work budget, so a pattern
 * that backtracks catastrophically gives up instead of hanging a sync worker.
 */
public final class SafePattern {

    /** Longer patterns are refused at load time. */
    public static final int MAX_PATTERN_LENGTH = 200;
    /** Only this much of a text is searched; action items are short. */
    public static final int MAX_INPUT_LENGTH = 20_000;
    /** Character reads allowed for one match; linear patterns need far fewer on any item. */
    static final long WORK_BUDGET = 2_000_000;

    private final Pattern pattern;

    SafePattern(Pattern pattern) {
        this.pattern = pattern;
    }

    public String source() {
        return pattern.pattern();
    }

    /** Whether the pattern is found in the text; empty when it ran out of budget (treated as no match). */
    public Optional<Boolean> find(String text) {
        String input = text.length() > MAX_INPUT_LENGTH ? text.substring(0, MAX_INPUT_LENGTH) : text;
        try {
            return Optional.of(pattern.matcher(new BudgetedChars(input, new long[] {WORK_BUDGET})).find());
        } catch (BudgetExceeded e) {
            return Optional.empty();
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** Counts every character the regex engine reads and stops it when the budget is spent. */
    private record BudgetedChars(String text, long[] budget) implements CharSequence {
        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new BudgetExceeded();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedChars(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
