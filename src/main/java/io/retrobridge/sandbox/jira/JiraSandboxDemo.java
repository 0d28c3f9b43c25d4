package io.retrobridge.sandbox.jira;

import io.retrobridge.jira.JiraProperties;
import io.retrobridge.sandbox.SandboxProperties;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Demo mode: starts the Jira simulator on {@code retrobridge.sandbox.jira-port}, lets the connector's
 * configured Jira credentials in (e-mail + API token, or a personal access token) and seeds the demo
 * story, so the connector and a curious newcomer with curl see a populated site.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class JiraSandboxDemo {

    private static final Logger log = LoggerFactory.getLogger(JiraSandboxDemo.class);
    static final String CONNECTOR_ACCOUNT_ID = "557058:retrobridge";

    @Bean(destroyMethod = "close")
    JiraSandbox jiraSandbox(SandboxProperties ports, JiraProperties jira) throws IOException {
        JiraSandbox sandbox = new JiraSandbox(ports.jiraPort(), Clock.systemUTC());
        String email = hasText(jira.email()) ? jira.email() : JiraSeed.DEMO_CONNECTOR_EMAIL;
        sandbox.addUser(CONNECTOR_ACCOUNT_ID, "RetroBridge", email, hasText(jira.apiToken()) ? jira.apiToken() : null);
        if (hasText(jira.personalAccessToken())) {
            sandbox.addPersonalAccessToken(jira.personalAccessToken(), CONNECTOR_ACCOUNT_ID);
        }
        sandbox.seed().demo();
        sandbox.start();
        log.info("Jira sandbox ready at {} for user {} (demo data seeded)", sandbox.baseUrl(), email);
        return sandbox;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
