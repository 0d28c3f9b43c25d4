package io.retrobridge.flow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The marker every board ticket carries (ServiceNow correlation_id, Jira label): derived from what it escalates,
 * so a scan that crashed after creating a ticket finds it again instead of creating a second one.
 */
final class TicketMarkers {

    private TicketMarkers() {
    }

    /** {@code rb-esc-} + 24 hex characters of sha256(itemKey|ladderId|stepId). */
    static String forStep(String itemKey, String ladderId, String stepId) {
        return "rb-esc-" + hex24(itemKey + "|" + ladderId + "|" + stepId);
    }

    /** {@code rb-esc-} + 24 hex characters of sha256(groupKey), for a board's cycle ticket. */
    static String forGroup(String groupKey) {
        return "rb-esc-" + hex24(groupKey);
    }

    private static String hex24(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
