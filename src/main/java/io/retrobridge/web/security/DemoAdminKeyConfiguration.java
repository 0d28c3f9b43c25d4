package io.retrobridge.web.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Lets the demo be tried without setting up keys: with no bootstrap admin key, a fresh admin key is made
 * for this run; the demo banner prints it once. That is the only place RetroBridge ever prints a key.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@Conditional(DemoAdminKeyConfiguration.NoBootstrapAdminKey.class)
class DemoAdminKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoAdminKeyConfiguration.class);

    @Bean
    DemoAdminKey demoAdminKey() {
        // The demo banner prints it once, beside the other addresses, when the service is ready.
        log.info("No bootstrap admin key is set: a demo admin key was generated for this run");
        return DemoAdminKey.generate();
    }

    /** Matches when retrobridge.security.bootstrap-admin-key is unset or blank, as the settings treat it. */
    static class NoBootstrapAdminKey extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String bootstrap = context.getEnvironment().getProperty(ApiSecurityProperties.PREFIX + ".bootstrap-admin-key");
            return bootstrap == null || bootstrap.isBlank()
                    ? ConditionOutcome.match("no bootstrap admin key is set")
                    : ConditionOutcome.noMatch("a bootstrap admin key is set");
        }
    }
}
