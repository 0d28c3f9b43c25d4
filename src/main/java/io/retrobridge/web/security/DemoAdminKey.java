package io.retrobridge.web.security;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The admin key generated for one demo run, when no bootstrap admin key is set. Only present in the
 * {@code demo} profile; the demo banner reads it with {@code ObjectProvider<DemoAdminKey>}.
 */
public final class DemoAdminKey {

    /** The name the generated key answers to in logs and {@code /api/whoami}. */
    public static final String NAME = "demo-admin";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private DemoAdminKey(String value) {
        this.value = value;
    }

    /** 32 random bytes, URL-safe, so the key can be pasted into a shell or a header as it is. */
    static DemoAdminKey generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new DemoAdminKey("rb-demo-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return "DemoAdminKey[****]";
    }
}
