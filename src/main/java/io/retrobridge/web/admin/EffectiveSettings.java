package io.retrobridge.web.admin;

import io.retrobridge.flow.housekeeping.RetentionProperties;
import io.retrobridge.flow.writes.CorrelationProperties;
import io.retrobridge.mapping.MappingSettings;
import io.retrobridge.sync.SettingsView;
import io.retrobridge.transport.ConnectionsProperties;
import io.retrobridge.web.security.ApiKeyRegistry;
import io.retrobridge.web.security.ApiSecurityProperties;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The settings RetroBridge is running with, as an admin would want to check them: each connected system's as its
 * adapter shows them ({@link SettingsView}), then the connector's own. Every secret is listed explicitly and shown only
 * as {@code ****} (set) or {@code <unset>}, so a new secret field never shows up here by accident.
 */
@Component
class EffectiveSettings {

    static final String SET = SettingsView.SET;
    static final String UNSET = SettingsView.UNSET;

    /** Each connected system's own view of its settings, by name (jira before servicenow). */
    private final List<SettingsView> systems;
    private final MappingSettings mappings;
    private final ApiSecurityProperties security;
    private final ApiKeyRegistry keys;
    private final ConnectionsProperties connections;
    private final RetentionProperties retention;
    private final CorrelationProperties correlation;
    private final Environment environment;

    EffectiveSettings(List<SettingsView> systems, MappingSettings mappings, ApiSecurityProperties security,
            ApiKeyRegistry keys, ConnectionsProperties connections, RetentionProperties retention,
            CorrelationProperties correlation, Environment environment) {
        this.systems = systems.stream().sorted(Comparator.comparing(SettingsView::name)).toList();
        this.mappings = mappings;
        this.security = security;
        this.keys = keys;
        this.connections = connections;
        this.retention = retention;
        this.correlation = correlation;
        this.environment = environment;
    }

    Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("activeProfiles", Arrays.asList(environment.getActiveProfiles()));
        systems.forEach(system -> report.put(system.name(), system.settings()));
        report.put("connections", Map.of("allowInsecureHttp", connections.allowInsecureHttp()));
        report.put("mappingsDir", String.valueOf(mappings.dir()));
        report.put("security", security());
        report.put("retention", retention());
        // A generated secret lives in the database; either way only whether one was set is shown.
        report.put("correlation", Map.of("secret", correlation.hasSecret() ? SET : "<generated, kept in the database>"));
        return report;
    }

    private Map<String, Object> retention() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("enabled", retention.enabled());
        settings.put("purgeInterval", String.valueOf(retention.purgeInterval()));
        settings.put("finishedEvents", String.valueOf(retention.finishedEvents()));
        settings.put("journal", String.valueOf(retention.journal()));
        settings.put("replayedDeadLetters", String.valueOf(retention.replayedDeadLetters()));
        settings.put("adminAudit", String.valueOf(retention.adminAudit()));
        settings.put("singletonRuns", String.valueOf(retention.singletonRuns()));
        settings.put("backfillRuns", String.valueOf(retention.backfillRuns()));
        return settings;
    }

    private Map<String, Object> security() {
        List<Map<String, String>> apiKeys = keys.principals().stream()
                .map(key -> Map.of("name", key.name(), "role", key.role().settingName(), "key", SET))
                .toList();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("apiKeys", apiKeys);
        settings.put("bootstrapAdminKey", security.hasBootstrapAdminKey() ? SET : UNSET);
        return settings;
    }
}
