package io.retrobridge.flow;

import io.retrobridge.domain.ExternalRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The marker stamped on every record RetroBridge creates. It is derived from the record it was created
 * from, so after a crash between create and link write the retry computes the same marker, finds the
 * record and links it instead of creating a second one.
 */
final class CorrelationIds {

    private static final Pattern MARKER = Pattern.compile("rb-[0-9a-f]{12}");

    private CorrelationIds() {
    }

    /** Whether {@code value} (a Jira label, a ServiceNow correlation_id) is a marker we stamp on what we create. */
    static boolean isMarker(String value) {
        return value != null && MARKER.matcher(value).matches();
    }

    static String forOrigin(ExternalRef origin) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((origin.system() + ":" + origin.id()).getBytes(StandardCharsets.UTF_8));
            return "rb-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
