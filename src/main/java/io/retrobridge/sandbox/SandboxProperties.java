package io.retrobridge.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the built-in simulators listen when the demo profile starts them.
 *
 * @param jiraPort       port of the Jira simulator (0 picks a free one)
 * @param servicenowPort port of the ServiceNow simulator (0 picks a free one)
 * @param prometheusPort port of the Prometheus simulator (0 picks a free one)
 * @param history        whether the demo also reports the three months before today (runs, alerts and
 *                       retrospectives) so the dashboard shows trends; off starts the demo's release loop alone
 */
@ConfigurationProperties("retrobridge.sandbox")
public record SandboxProperties(
        @DefaultValue("8091") int jiraPort,
        @DefaultValue("8092") int servicenowPort,
        @DefaultValue("8093") int prometheusPort,
        @DefaultValue("true") boolean history) {
}
