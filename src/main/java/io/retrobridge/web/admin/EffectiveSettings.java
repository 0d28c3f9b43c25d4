package io.retrobridge.web.admin;

import io.retrobridge.flow.writes.CorrelationProperties;
import io.retrobridge.flow.housekeeping.RetentionProperties;
import io.retrobridge.jira.JiraProperties;
import io.retrobridge.mapping.MappingSettings;
import io.retrobridge.servicenow.ServiceNowProperties;
import io.retrobridge.transport.ConnectionsProperties;
import io.retrobridge.transport.UrlUserInfo;
import io.retrobridge.web.security.ApiKeyRegistry;
import io.retrobridge.web.security.ApiSecurityProperties;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The settings RetroBridge is running with, as an admin would want to check them. Every secret is listed
 * explicitly and shown only as {@code ****} (set) or {@code <unset>}, so a new secret field never shows up
 * here by accident; URLs show user info as {@code ***}.
 */
@Component
class EffectiveSettings {

    static final String SET = "****";
    static final String UNSET = "<unset>";

    private final JiraProperties jira;
    private final ServiceNowProperties serviceNow;
    private final MappingSettings mappings;
    private final ApiSecurityProperties security;
    private final ApiKeyRegistry keys;
    private final ConnectionsProperties connections;
    private final RetentionProperties retention;
    private final CorrelationProperties correlation;
    private final Environment environment;

    EffectiveSettings(JiraProperties jira, ServiceNowProperties serviceNow,
            MappingSettings mappings, ApiSecurityProperties security, ApiKeyRegistry keys,
            ConnectionsProperties connections, RetentionProperties retention, CorrelationProperties correlation,
            Environment environment) {
        this.jira = jira;
        this.serviceNow = serviceNow;
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
        report.put("jira", jira());
        report.put("servicenow", serviceNow());
        report.put("connections", Map.of("allowInsecureHttp", connections.allowInsecureHttp()));
        report.put("mappingsDir", String.valueOf(mappings.dir()));
        report.put("security", security());
        report.put("retention", retention());
        // A generated secret lives in the database; either way only whether one was set is shown.
        report.put("correlation", Map.of("secret", correlation.hasSecret() ? SET : "<generated, kept in the database>"));
        return report;
    }

    private Map<String, Object> jira() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("baseUrl", UrlUserInfo.masked(jira.baseUrl()));
        settings.put("flavour", jira.isCloud() ? "cloud" : "server/data center");
        settings.put("restPrefix", jira.restPrefix());
        settings.put("email", jira.email());
        settings.put("apiToken", mask(jira.apiToken()));
        settings.put("personalAccessToken", mask(jira.personalAccessToken()));
        settings.put("webhookSecret", mask(jira.webhookSecret()));
        settings.put("connectTimeout", String.valueOf(jira.connectTimeout()));
        settings.put("readTimeout", String.valueOf(jira.readTimeout()));
        settings.put("searchSettleTime", String.valueOf(jira.searchSettleTime()));
        return settings;
    }

    private Map<String, Object> serviceNow() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("baseUrl", UrlUserInfo.masked(serviceNow.baseUrl()));
        settings.put("auth", serviceNow.usesOAuth() ? "oauth client credentials" : "basic");
        settings.put("username", serviceNow.username());
        settings.put("password", mask(serviceNow.password()));
        settings.put("clientId", serviceNow.clientId());
        settings.put("clientSecret", mask(serviceNow.clientSecret()));
        settings.put("webhookSecret", mask(serviceNow.webhookSecret()));
        settings.put("connectTimeout", String.valueOf(serviceNow.connectTimeout()));
        settings.put("readTimeout", String.valueOf(serviceNow.readTimeout()));
        return settings;
    }

    private Map<String, Object> retention() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("enabled", retention.enabled());
        settings.put("purgeInterval", String.valueOf(retention.purgeInterval()));
        settings.put("finishedEvents", String.valueOf(retention.finishedEvents()));
        settings.put("journal", String.valueOf(retention.journal()));
        settings.put("replayedDeadLetters", String.valueOf(retention.replayedDeadLetters()));
        settings.put("adminAudit", String.valueOf(retention.adminAudit()));
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

    private static String mask(String secret) {
        return secret == null || secret.isBlank() ? UNSET : SET;
    }
}
