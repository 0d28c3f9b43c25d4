package io.retrobridge.flow.writes;

import io.retrobridge.sync.ConnectorSecrets;
import io.retrobridge.sync.CorrelationIds;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Gives {@link CorrelationIds} its key at start-up, before anything is synced: the configured secret, else the one
 * generated on the first start and kept in the store.
 */
@Component
public class CorrelationKey {

    static final String SECRET_NAME = "correlation-ids";
    private static final SecureRandom RANDOM = new SecureRandom();

    public CorrelationKey(CorrelationProperties properties, ConnectorSecrets secrets) {
        String secret = properties.hasSecret() ? properties.secret()
                : secrets.getOrCreate(SECRET_NAME, CorrelationKey::generate);
        CorrelationIds.useKey(secret.getBytes(StandardCharsets.UTF_8));
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
