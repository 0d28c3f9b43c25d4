package io.retrobridge.servicenow;

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
 * ServiceNow as a remote system: Basic auth, or OAuth (password grant when a user name and password
 * are set, client credentials otherwise); its connection check and the {@code servicenow} health component.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceNowConnectionConfiguration {

    /** Qualifier for adapter code: {@code @Qualifier(ServiceNowConnectionConfiguration.REMOTE_SYSTEM) RemoteSystem sn}. */
    public static final String REMOTE_SYSTEM = "serviceNowRemoteSystem";

    @Bean(REMOTE_SYSTEM)
    RemoteSystem serviceNowRemoteSystem(ServiceNowProperties servicenow, OutboundSender sender,
            ConnectionsProperties connections) {
        PlainHttpRule.check("retrobridge.servicenow.base-url", servicenow.baseUrl(), connections);
        return remoteSystem(servicenow, sender, Clock.systemUTC());
    }

    @Bean
    ConnectionCheck serviceNowConnectionCheck(@Qualifier(REMOTE_SYSTEM) RemoteSystem servicenow,
            ServiceNowProperties properties, ConnectionsProperties connections) {
        return connectionCheck(servicenow, properties, connections, Clock.systemUTC());
    }

    /** Bean name makes the health component "servicenow"; management.health.servicenow.enabled=false turns it off. */
    @Bean
    @ConditionalOnEnabledHealthIndicator("servicenow")
    ServiceNowHealthIndicator servicenowHealthIndicator(ConnectionCheck serviceNowConnectionCheck) {
        return new ServiceNowHealthIndicator(serviceNowConnectionCheck);
    }

    static RemoteSystem remoteSystem(ServiceNowProperties sn, OutboundSender sender, Clock clock) {
        Credentials credentials;
        if (!sn.usesOAuth()) {
            credentials = Credentials.basic(sn.username(), sn.password());
        } else if (hasText(sn.username()) && hasText(sn.password())) {
            credentials = Credentials.serviceNowPasswordGrant(sn.clientId(), sn.clientSecret(), sn.username(),
                    sn.password(), clock);
        } else {
            credentials = Credentials.serviceNowClientCredentials(sn.clientId(), sn.clientSecret(), clock);
        }
        return new RemoteSystem(new HttpTarget("ServiceNow", sn.baseUrl(), sn.connectTimeout(), sn.readTimeout()),
                credentials, sender);
    }

    static ConnectionCheck connectionCheck(RemoteSystem servicenow, ServiceNowProperties properties,
            ConnectionsProperties connections, Clock clock) {
        return new ConnectionCheck(servicenow, new ServiceNowUserProbe(properties.username(), servicenow.principal()),
                hints(properties, servicenow.principal()), connections.healthCacheTtl(), clock);
    }

    static DownHints hints(ServiceNowProperties sn, String principal) {
        String credentials;
        if (!sn.usesOAuth()) {
            credentials = "credentials refused (401): check retrobridge.servicenow.username and "
                    + "RETROBRIDGE_SERVICENOW_PASSWORD (and that the account is active and not locked out)";
        } else {
            credentials = "credentials refused (401): check retrobridge.servicenow.client-id and "
                    + "RETROBRIDGE_SERVICENOW_CLIENT_SECRET (System OAuth > Application Registry)"
                    + (hasText(sn.username())
                            ? ", and retrobridge.servicenow.username and RETROBRIDGE_SERVICENOW_PASSWORD" : "");
        }
        String forbidden = "access forbidden (403): " + principal + " is signed in but may not read sys_user; give it "
                + "a role that may (e.g. itil), and snc_platform_rest_api_access if REST access is restricted";
        return new DownHints("retrobridge.servicenow.base-url", credentials, forbidden);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
