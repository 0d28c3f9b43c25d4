package io.retrobridge.web.security;

import io.retrobridge.web.security.ApiSecurityProperties.ApiKeySetting;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The keys allowed to call the API. Holds only SHA-256 digests of the keys and compares digests in
 * constant time, so neither the key values nor the timing of a comparison tell a caller anything.
 */
@Component
public class ApiKeyRegistry {

    static final String BOOTSTRAP_ADMIN_NAME = "bootstrap-admin";

    private static final Logger log = LoggerFactory.getLogger(ApiKeyRegistry.class);

    private final List<RegisteredKey> keys;

    public ApiKeyRegistry(ApiSecurityProperties properties, ObjectProvider<DemoAdminKey> demoAdminKey) {
        List<RegisteredKey> registered = new ArrayList<>();
        for (ApiKeySetting setting : properties.apiKeys()) {
            registered.add(new RegisteredKey(new ApiKeyPrincipal(setting.name().strip(), setting.apiRole()), digest(setting.key())));
        }
        if (properties.hasBootstrapAdminKey()) {
            registered.add(new RegisteredKey(new ApiKeyPrincipal(BOOTSTRAP_ADMIN_NAME, ApiRole.ADMIN),
                    digest(properties.bootstrapAdminKey())));
        }
        demoAdminKey.ifAvailable(demo -> registered.add(
                new RegisteredKey(new ApiKeyPrincipal(DemoAdminKey.NAME, ApiRole.ADMIN), digest(demo.value()))));
        this.keys = List.copyOf(registered);
        logSummary();
    }

    /** The caller a presented key belongs to; every registered key is compared, match or not. */
    public Optional<ApiKeyPrincipal> lookup(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = digest(presentedKey);
        ApiKeyPrincipal match = null;
        for (RegisteredKey key : keys) {
            if (MessageDigest.isEqual(presented, key.digest()) && match == null) {
                match = key.principal();
            }
        }
        return Optional.ofNullable(match);
    }

    /** Names and roles of the registered keys, for admins; no key material. */
    public List<ApiKeyPrincipal> principals() {
        return keys.stream().map(RegisteredKey::principal).toList();
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    private void logSummary() {
        if (keys.isEmpty()) {
            log.warn("No API key is configured: every protected endpoint will answer 401 until one is. Set "
                    + "RETROBRIDGE_SECURITY_BOOTSTRAP_ADMIN_KEY (at least {} characters, e.g. `openssl rand -hex 32`) or "
                    + "list keys under retrobridge.security.api-keys (name, key, role).", ApiSecurityProperties.MINIMUM_KEY_LENGTH);
        } else {
            log.info("API keys accepted: {}", keys.stream()
                    .map(key -> key.principal().name() + " (" + key.principal().role().settingName() + ")")
                    .collect(Collectors.joining(", ")));
        }
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private record RegisteredKey(ApiKeyPrincipal principal, byte[] digest) {
        @Override
        public String toString() {
            return "RegisteredKey[" + principal + "]";
        }
    }
}
