package io.retrobridge.jira;

import io.retrobridge.transport.ConnectionCheck;
import io.retrobridge.transport.ConnectionsProperties;
import io.retrobridge.transport.Credentials;
import io.retrobridge.transport.DownHints;
import io.retrobridge.transport.HttpTarget;
import io.retrobridge.transport.OutboundSender;
import io.retrobridge.transport.PlainHttpRule;
import io.retrobridge.transport.RemoteSystem;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jira as a remote system: Basic e-mail + API token for Cloud, Bearer personal access token for
 * Server/Data Center; its connection check and the {@code jira} health component.
 */
@Configuration(proxyBeanMethods = false)
public class JiraConnectionConfiguration {

    /** Qualifier for adapter code: {@code @Qualifier(JiraConnectionConfiguration.REMOTE_SYSTEM) RemoteSystem jira}. */
    public static final String REMOTE_SYSTEM = "jiraRemoteSystem";

    @Bean(REMOTE_SYSTEM)
    RemoteSystem jiraRemoteSystem(JiraProperties jira, OutboundSender sender, ConnectionsProperties connections) {
        PlainHttpRule.check("retrobridge.jira.base-url", jira.baseUrl(), connections);
        return remoteSystem(jira, sender);
    }

    @Bean
    ConnectionCheck jiraConnectionCheck(@Qualifier(REMOTE_SYSTEM) RemoteSystem jira, JiraProperties properties,
            ConnectionsProperties connections) {
        return connectionCheck(jira, properties, connections, Clock.systemUTC());
    }

    /** Bean name makes the health component "jira"; management.health.jira.enabled=false turns it off. */
    @Bean
    @ConditionalOnEnabledHealthIndicator("jira")
    JiraHealthIndicator jiraHealthIndicator(ConnectionCheck jiraConnectionCheck) {
        return new JiraHealthIndicator(jiraConnectionCheck);
    }

    static RemoteSystem remoteSystem(JiraProperties jira, OutboundSender sender) {
        Credentials credentials = jira.isCloud()
                ? Credentials.basic(jira.email(), jira.apiToken())
                : Credentials.bearer(jira.personalAccessToken(), "personal access token");
        return new RemoteSystem(new HttpTarget("Jira", jira.baseUrl(), jira.connectTimeout(), jira.readTimeout()),
                credentials, sender);
    }

    static ConnectionCheck connectionCheck(RemoteSystem jira, JiraProperties properties,
            ConnectionsProperties connections, Clock clock) {
        return new ConnectionCheck(jira, new JiraMyselfProbe(properties.restPrefix()), hints(properties),
                connections.healthCacheTtl(), clock);
    }

    static DownHints hints(JiraProperties jira) {
        String credentials = jira.isCloud()
                ? "credentials refused (401): check retrobridge.jira.email and RETROBRIDGE_JIRA_API_TOKEN "
                        + "(create a token at https://id.atlassian.com/manage-profile/security/api-tokens)"
                : "credentials refused (401): check RETROBRIDGE_JIRA_PERSONAL_ACCESS_TOKEN (it may have expired or "
                        + "been revoked; create one under Profile > Personal Access Tokens)";
        String forbidden = "access forbidden (403): the account is known but may not use the REST API; give it Jira "
                + "product access (the 'Browse users and groups' / Jira users permission), or, on Server/Data Center, "
                + "log in once in a browser to clear a CAPTCHA challenge";
        return new DownHints("retrobridge.jira.base-url", credentials, forbidden);
    }
}
