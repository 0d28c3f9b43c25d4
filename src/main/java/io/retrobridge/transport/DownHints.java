package io.retrobridge.transport;

/**
 * The system-specific half of a DOWN reason: which settings a person should look at.
 *
 * @param baseUrlSetting     e.g. {@code retrobridge.jira.base-url}
 * @param credentialsRefused shown for 401, e.g. "credentials refused (401): check retrobridge.jira.email and ..."
 * @param forbidden          shown for 403: which role or permission is missing
 */
public record DownHints(String baseUrlSetting, String credentialsRefused, String forbidden) {
}
