package io.retrobridge.domain;

import java.util.regex.Pattern;

/**
 * The release phase an action item strengthens, e.g. {@code pre-deployment-testing}, {@code cutover},
 * {@code post-release}. An open set because every organisation names its phases differently; the
 * spelling is kept to lower-case words joined by hyphens so it can be used as a label everywhere.
 */
public record ReleasePhase(String value) {

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_LENGTH = 64;

    public ReleasePhase {
        value = requireValid(value);
    }

    /** The value itself when it is a valid phase name; otherwise an exception saying how to write one. */
    public static String requireValid(String value) {
        if (value == null || !KEBAB.matcher(value).matches() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Release phase '" + value + "' is not valid: use lower-case words joined"
                    + " by hyphens, at most " + MAX_LENGTH + " characters (e.g. pre-deployment-testing)");
        }
        return value;
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= MAX_LENGTH && KEBAB.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
