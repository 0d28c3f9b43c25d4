package io.retrobridge.sync;

import io.retrobridge.domain.InboundEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Builds dedup keys from the parts that identify one change, hashing them when they would be too long. */
public final class DedupKeys {

    // Leaves room below InboundEvent.MAX_DEDUP_KEY_LENGTH for the "#replay-<n>" suffix a replay adds.
    public static final int MAX_LENGTH = InboundEvent.MAX_DEDUP_KEY_LENGTH - 64;

    private DedupKeys() {
    }

    public static String of(String prefix, String... parts) {
        String key = prefix + ":" + String.join(":", parts);
        if (key.length() <= MAX_LENGTH) {
            return key;
        }
        return prefix + ":sha256:" + sha256(key);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
