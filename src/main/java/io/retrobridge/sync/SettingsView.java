package io.retrobridge.sync;

import java.util.Map;

/**
 * The settings one system is connected with, as an admin checks them in {@code GET /api/admin/settings}. Each adapter
 * shows its own, so the admin view names no adapter. Every secret is listed explicitly and shown only as
 * {@link #SET} or {@link #UNSET}, so a new secret field never shows up by accident; URLs show user info as {@code ***}.
 */
public interface SettingsView {

    String SET = "****";
    String UNSET = "<unset>";

    /** The key the settings are listed under, e.g. {@code jira}. */
    String name();

    /** The settings in the order an admin reads them; values are strings, numbers or booleans. */
    Map<String, Object> settings();

    /** {@link #SET} or {@link #UNSET}, never the secret. */
    static String mask(String secret) {
        return secret == null || secret.isBlank() ? UNSET : SET;
    }
}
