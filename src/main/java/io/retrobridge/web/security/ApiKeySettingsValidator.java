package io.retrobridge.web.security;

import io.retrobridge.web.security.ApiSecurityProperties.ApiKeySetting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every problem in the API key settings at once, so an admin fixes them in one round. Messages name
 * the property and say what to do; they mention a key only by its length, never by its value.
 */
final class ApiKeySettingsValidator {

    private static final String LIST = ApiSecurityProperties.PREFIX + ".api-keys";
    private static final String BOOTSTRAP = ApiSecurityProperties.PREFIX + ".bootstrap-admin-key";

    private ApiKeySettingsValidator() {
    }

    static List<String> problems(List<ApiKeySetting> apiKeys, String bootstrapAdminKey) {
        List<String> problems = new ArrayList<>();
        Map<String, String> propertyByKey = new HashMap<>();
        Map<String, String> propertyByName = new HashMap<>();
        boolean entryIncomplete = false;
        for (int i = 0; i < apiKeys.size(); i++) {
            String entry = LIST + "[" + i + "]";
            ApiKeySetting setting = apiKeys.get(i);
            if (setting == null) {
                problems.add(entry + " is empty: give it a name, a key and a role");
                continue;
            }
            if (isBlank(setting.name())) {
                problems.add(entry + ".name is not set: name the client (e.g. ci-pipeline) so logs and "
                        + "/api/whoami can say who called");
                entryIncomplete = true;
            } else {
                String earlier = propertyByName.putIfAbsent(setting.name().strip(), entry + ".name");
                if (earlier != null) {
                    problems.add(entry + ".name '" + setting.name().strip() + "' is already used by " + earlier
                            + ": give every client its own name");
                }
            }
            if (isBlank(setting.role())) {
                problems.add(entry + ".role is not set: use one of " + ApiRole.choices());
                entryIncomplete = true;
            } else if (ApiRole.fromSetting(setting.role()).isEmpty()) {
                problems.add(entry + ".role is '" + setting.role().strip() + "', which is not a role: use one of "
                        + ApiRole.choices());
            }
            checkKey(entry + ".key", setting.key(), propertyByKey, problems);
        }
        if (bootstrapAdminKey != null) {
            checkKey(BOOTSTRAP, bootstrapAdminKey, propertyByKey, problems);
        }
        if (entryIncomplete) {
            problems.add("note: a list is taken whole from one source. If you set RETROBRIDGE_SECURITY_API_KEYS_0_KEY "
                    + "in the environment, set RETROBRIDGE_SECURITY_API_KEYS_0_NAME and _0_ROLE there too, "
                    + "or keep the list in YAML and write the key as a placeholder (key: ${CI_API_KEY})");
        }
        return problems;
    }

    private static void checkKey(String property, String key, Map<String, String> propertyByKey, List<String> problems) {
        if (isBlank(key)) {
            problems.add(property + " is not set or blank: give a random key of at least "
                    + ApiSecurityProperties.MINIMUM_KEY_LENGTH + " characters, e.g. from `openssl rand -hex 32`");
            return;
        }
        if (key.length() < ApiSecurityProperties.MINIMUM_KEY_LENGTH) {
            problems.add(property + " is too short (" + key.length() + " characters): use at least "
                    + ApiSecurityProperties.MINIMUM_KEY_LENGTH + ", e.g. from `openssl rand -hex 32`");
        }
        if (!key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            problems.add(property + " contains spaces or characters other than visible ASCII: HTTP clients "
                    + "cannot send such a key reliably; use letters, digits and punctuation only");
        }
        String earlier = propertyByKey.putIfAbsent(key, property);
        if (earlier != null) {
            problems.add(property + " is the same key as " + earlier + ": give every client its own key");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
