package io.retrobridge.pipeline;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders versions that start with dotted numbers ({@code 4.2.1}, {@code v4.10}, {@code 2026.12.07-3}) by those
 * numbers. Others (a commit sha, a name) and two versions whose numbers are equal ({@code 4.2.1-rc1} and
 * {@code 4.2.1}) are not ordered: whether one is older is then not said here.
 */
final class VersionOrder {

    private static final Pattern NUMBERS = Pattern.compile("[vV]?(\\d+(?:\\.\\d+)*)(?![0-9A-Za-z])");

    private VersionOrder() {
    }

    /** Negative when {@code a} is older, positive when newer; empty when not ordered. */
    static Optional<Integer> compare(String a, String b) {
        Optional<String[]> first = numbers(a);
        Optional<String[]> second = numbers(b);
        if (first.isEmpty() || second.isEmpty()) {
            return Optional.empty();
        }
        String[] x = first.get();
        String[] y = second.get();
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int order = part(x, i).compareTo(part(y, i));
            if (order != 0) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }

    private static Optional<String[]> numbers(String version) {
        Matcher matcher = NUMBERS.matcher(version);
        return matcher.lookingAt() ? Optional.of(matcher.group(1).split("\\.")) : Optional.empty();
    }

    private static BigInteger part(String[] parts, int index) {
        return index < parts.length ? new BigInteger(parts[index]) : BigInteger.ZERO;
    }
}
