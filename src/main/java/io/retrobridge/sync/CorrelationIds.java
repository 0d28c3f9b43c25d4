package io.retrobridge.sync;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.flow.writes.CorrelationKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The marker stamped on every record RetroBridge creates. It is derived from the record it was created
 * from, so after a crash between create and link write the retry computes the same marker, finds the
 * record and links it instead of creating a second one. It is an HMAC keyed by a secret (see
 * {@link CorrelationKey}), so nobody can work out the marker of a record from its id and plant it elsewhere.
 */
public final class CorrelationIds {

    private static final Pattern MARKER = Pattern.compile("rb-[0-9a-f]{12}");
    private static final String HMAC = "HmacSHA256";

    /** Set once at start-up; one connector per JVM. */
    private static volatile SecretKeySpec key;

    private CorrelationIds() {
    }

    public static void useKey(byte[] secret) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("a correlation key needs at least 32 bytes");
        }
        key = new SecretKeySpec(secret.clone(), HMAC);
    }

    /** Whether {@code value} (a Jira label, a ServiceNow correlation_id) is a marker we stamp on what we create. */
    public static boolean isMarker(String value) {
        return value != null && MARKER.matcher(value).matches();
    }

    public static String forOrigin(ExternalRef origin) {
        SecretKeySpec current = key;
        if (current == null) {
            throw new IllegalStateException("correlation ids have no key yet: CorrelationKey sets it at start-up");
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(current);
            byte[] digest = mac.doFinal((origin.system() + ":" + origin.id()).getBytes(StandardCharsets.UTF_8));
            return "rb-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
