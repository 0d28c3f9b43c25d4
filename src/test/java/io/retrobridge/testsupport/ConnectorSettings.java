package io.retrobridge.testsupport;

import io.retrobridge.sandbox.jira.JiraSandbox;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings a {@link ConnectorProcess} needs to sync two simulators in this JVM, under the connector
 * accounts {@link SandboxPair} uses: addresses, credentials, webhook secrets, the admin key, an H2 file
 * database, and the project's routes and mappings by absolute path. Callers add or override what they measure.
 */
public final class ConnectorSettings {

    private ConnectorSettings() {
    }

    public static Map<String, String> against(JiraSandbox jira, ServiceNowSandbox servicenow, Path databaseDir) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("retrobridge.jira.base-url", jira.baseUrl().toString());
        settings.put("retrobridge.jira.email", SandboxPair.SYNC_EMAIL);
        settings.put("retrobridge.jira.api-token", SandboxPair.SYNC_TOKEN);
        settings.put("retrobridge.jira.webhook-secret", SandboxPair.JIRA_WEBHOOK_SECRET);
        settings.put("retrobridge.servicenow.base-url", servicenow.baseUrl().toString());
        settings.put("retrobridge.servicenow.username", SandboxPair.SYNC_USER);
        settings.put("retrobridge.servicenow.password", SandboxPair.SYNC_PASSWORD);
        settings.put("retrobridge.servicenow.webhook-secret", SandboxPair.SERVICENOW_WEBHOOK_SECRET);
        settings.put("retrobridge.security.bootstrap-admin-key", AdminApi.ADMIN_KEY);
        settings.putAll(ConnectorProcess.fileDatabase(databaseDir));
        Path project = ConnectorProcess.projectDir();
        settings.put("retrobridge.mappings-dir", project.resolve("mappings").toString());
        settings.put("camel.main.routes-include-pattern", "file:" + project.resolve("routes") + "/*.yaml");
        // The connection watch would add calls that the figures do not ask about.
        settings.put("retrobridge.connections.check-interval", "1h");
        return settings;
    }

    /** The same retry, pacing and breaker settings on both systems. */
    public static Map<String, String> resilience(int maxAttempts, String initialBackoff, String maxBackoff,
            String rateLimitFloor, double jiraRequestsPerSecond, double servicenowRequestsPerSecond) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String system : List.of("jira", "servicenow")) {
            String prefix = "retrobridge.resilience." + system + ".";
            settings.put(prefix + "max-attempts", String.valueOf(maxAttempts));
            settings.put(prefix + "initial-backoff", initialBackoff);
            settings.put(prefix + "max-backoff", maxBackoff);
            settings.put(prefix + "rate-limit-floor", rateLimitFloor);
            settings.put(prefix + "requests-per-second",
                    String.valueOf(system.equals("jira") ? jiraRequestsPerSecond : servicenowRequestsPerSecond));
        }
        return settings;
    }
}
