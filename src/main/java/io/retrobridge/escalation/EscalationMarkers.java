package io.retrobridge.escalation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Correlation markers stamped on escalation tickets (ServiceNow correlation_id, Jira label), so a ticket created
 * by a scan that crashed before recording it is found again instead of created twice. Same input, same marker, on
 * every instance.
 */
public final class EscalationMarkers {

    public static final String PREFIX = "rb-esc-";

    private static final int HEX_CHARS = 24;

    private EscalationMarkers() {
    }

    /** "rb-esc-" + 24 hex chars of SHA-256 of "itemKey|ladderId|stepId". */
    public static String ticketMarker(String itemKey, String ladderId, String stepId) {
        return marker(required(itemKey, "itemKey") + "|" + required(ladderId, "ladderId") + "|"
                + required(stepId, "stepId"));
    }

    /** "rb-esc-" + 24 hex chars of SHA-256 of the group key (e.g. cab/2026-W48). */
    public static String groupMarker(String groupKey) {
        return marker(required(groupKey, "groupKey"));
    }

    private static String marker(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash).substring(0, HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static String required(String value, String name) {
        Objects.requireNonNull(value, () -> name + " is required but was null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is required but was blank");
        }
        return value;
    }
}
