package io.retrobridge.web.admin;

import io.retrobridge.jira.JiraProperties;
import io.retrobridge.mapping.MappingSettings;
import io.retrobridge.sandbox.SandboxProperties;
import io.retrobridge.servicenow.ServiceNowProperties;
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
 * here by accident.
 */
@Component
class EffectiveSettings {

    static final String SET = "****";
    static final String UNSET = "<unset>";

    private final JiraProperties jira;
    private final ServiceNowProperties serviceNow;
    private final SandboxProperties sandbox;
    private final MappingSettings mappings;
    private final ApiSecurityProperties security;
    private final ApiKeyRegistry keys;
    private final Environment environment;

    EffectiveSettings(JiraProperties jira, ServiceNowProperties serviceNow, SandboxProperties sandbox,
            MappingSettings mappings, ApiSecurityProperties security, ApiKeyRegistry keys, Environment environment) {
        this.jira = jira;
        this.serviceNow = serviceNow;
        this.sandbox = sandbox;
        this.mappings = mappings;
        this.security = security;
        this.keys = keys;
        this.environment = environment;
    }

    Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("activeProfiles", Arrays.asList(environment.getActiveProfiles()));
        report.put("jira", jira());
        report.put("servicenow", serviceNow());
        report.put("sandbox", Map.of("jiraPort", sandbox.jiraPort(), "servicenowPort", sandbox.servicenowPort()));
        report.put("mappingsDir", String.valueOf(mappings.mappingsDir()));
        report.put("security", security());
        return report;
    }

    private Map<String, Object> jira() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("baseUrl", String.valueOf(jira.baseUrl()));
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
        settings.put("baseUrl", String.valueOf(serviceNow.baseUrl()));
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
