package io.retrobridge.retro;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The marker stamped on both records of a retrospective (Jira label, ServiceNow correlation_id), derived from its
 * trigger key: every run for the key computes the same marker and finds what an earlier run made. It differs in shape
 * from an action item's correlation id, so the action-item sweep of open writes leaves retrospectives alone.
 */
public final class RetrospectiveMarkers {

    public static final String PREFIX = "rb-retro-";
    private static final int HEX_CHARS = 24;

    private RetrospectiveMarkers() {
    }

    /** "rb-retro-" + 24 hex characters of SHA-256 of the trigger key. */
    public static String of(String triggerKey) {
        if (triggerKey == null || triggerKey.isBlank()) {
            throw new IllegalArgumentException("a retrospective marker needs the trigger key, but it was blank");
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(triggerKey.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash).substring(0, HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
