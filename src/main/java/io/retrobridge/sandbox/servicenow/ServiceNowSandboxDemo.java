package io.retrobridge.sandbox.servicenow;

import io.retrobridge.sandbox.DemoHistory;
import io.retrobridge.sandbox.SandboxProperties;
import io.retrobridge.servicenow.ServiceNowProperties;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Demo mode: starts the ServiceNow simulator on {@code retrobridge.sandbox.servicenow-port}, lets the
 * connector's configured ServiceNow credentials in (Basic, and OAuth when a client id is set) and
 * seeds the demo story, so the connector and a curious newcomer with curl see a populated instance.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class ServiceNowSandboxDemo {

    private static final Logger log = LoggerFactory.getLogger(ServiceNowSandboxDemo.class);

    @Bean(destroyMethod = "close")
    ServiceNowSandbox serviceNowSandbox(SandboxProperties ports, ServiceNowProperties servicenow) throws IOException {
        ServiceNowSandbox sandbox = new ServiceNowSandbox(ports.servicenowPort(), Clock.systemUTC());
        String user = hasText(servicenow.username()) ? servicenow.username() : "retrobridge.integration";
        if (hasText(servicenow.password())) {
            sandbox.addUser(user, servicenow.password(), "itil");
        }
        if (servicenow.usesOAuth() && hasText(servicenow.clientSecret())) {
            sandbox.addOAuthClient(servicenow.clientId(), servicenow.clientSecret(), user);
        }
        sandbox.seed().demo();
        // After the demo's own, so the first poll reads its four tasks first (they become PAY-4 to PAY-7).
        sandbox.seed().history(DemoHistory.before(Clock.systemUTC().instant()));
        sandbox.start();
        log.info("ServiceNow sandbox ready at {} for user {} (demo data seeded)", sandbox.baseUrl(), user);
        return sandbox;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
