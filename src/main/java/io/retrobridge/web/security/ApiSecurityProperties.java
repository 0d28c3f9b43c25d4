package io.retrobridge.web.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call the API: named keys with a role, plus an optional bootstrap admin key for scripts and the
 * demo. Checked when bound, so a bad setting stops start-up with one message that names every problem
 * (never a key value).
 *
 * <p>A list comes whole from one place: either every {@code api-keys} entry from the environment
 * ({@code RETROBRIDGE_SECURITY_API_KEYS_0_NAME}, {@code _0_KEY}, {@code _0_ROLE}), or from YAML with the
 * key as a placeholder ({@code key: ${CI_API_KEY}}).
 *
 * @param apiKeys           named keys, each with a name, a key of at least 16 characters and a role (admin,
 *                          pipeline or viewer)
 * @param bootstrapAdminKey an admin key for scripts, at least 16 characters; empty means unset, and in the demo
 *                          profile an admin key is then generated and printed once at start-up; never logged
 */
@ConfigurationProperties(ApiSecurityProperties.PREFIX)
public record ApiSecurityProperties(List<ApiKeySetting> apiKeys, String bootstrapAdminKey) {

    public static final String PREFIX = "retrobridge.security";

    /** Keys shorter than this are refused: they could be guessed. */
    public static final int MINIMUM_KEY_LENGTH = 16;

    public ApiSecurityProperties {
        // An empty bootstrap key counts as unset: deployment templates often pass "" for optional settings,
        // and with no key at all the API stays closed (every protected endpoint answers 401).
        apiKeys = apiKeys == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(apiKeys));
        bootstrapAdminKey = bootstrapAdminKey == null || bootstrapAdminKey.isBlank() ? null : bootstrapAdminKey;
        List<String> problems = ApiKeySettingsValidator.problems(apiKeys, bootstrapAdminKey);
        if (!problems.isEmpty()) {
            throw new InvalidApiKeySettingsException(problems);
        }
    }

    public boolean hasBootstrapAdminKey() {
        return bootstrapAdminKey != null;
    }

    /** True when neither a named key nor a bootstrap admin key is configured. */
    public boolean hasNoKeys() {
        return apiKeys.isEmpty() && bootstrapAdminKey == null;
    }

    @Override
    public String toString() {
        return "ApiSecurityProperties[apiKeys=" + apiKeys + ", bootstrapAdminKey="
                + (bootstrapAdminKey == null ? "<unset>" : "****") + "]";
    }

    /** One client allowed to call the API. */
    public record ApiKeySetting(String name, String key, String role) {

        /** The role, once the settings have been checked. */
        public ApiRole apiRole() {
            return ApiRole.fromSetting(role).orElseThrow(() -> new IllegalStateException(
                    "API key '" + name + "' has no valid role; the settings check should have refused it"));
        }

        @Override
        public String toString() {
            return "ApiKeySetting[name=" + name + ", role=" + role + ", key=" + (key == null ? "<unset>" : "****") + "]";
        }
    }
}
