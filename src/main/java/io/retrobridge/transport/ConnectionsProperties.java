package io.retrobridge.transport;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often RetroBridge re-checks its connections to Jira and ServiceNow.
 *
 * @param checkInterval  period of the connection-watch route (routes/connection-watch.yaml)
 * @param healthCacheTtl how long /actuator/health reuses a result before asking the systems again
 * @param allowInsecureHttp whether a Jira or ServiceNow base URL may use plain http:// to a host other
 *                          than this machine (credentials and records then travel in clear text); false refuses
 *                          such a URL at start-up. Loopback addresses are always allowed.
 */
@ConfigurationProperties("retrobridge.connections")
public record ConnectionsProperties(
        @DefaultValue("60s") Duration checkInterval,
        @DefaultValue("15s") Duration healthCacheTtl,
        @DefaultValue("false") boolean allowInsecureHttp) {
}
