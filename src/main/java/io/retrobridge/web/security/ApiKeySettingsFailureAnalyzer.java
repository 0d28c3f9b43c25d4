package io.retrobridge.web.security;

import io.retrobridge.transport.Causes;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Turns a refused API key setting into Spring Boot's "APPLICATION FAILED TO START" report. It runs before
 * Boot's own binding analyzers because those print the offending value, which here could be a key.
 */
public class ApiKeySettingsFailureAnalyzer implements FailureAnalyzer, Ordered {

    private static final String ACTION = "Fix the settings under " + ApiSecurityProperties.PREFIX
            + " (application.yaml or RETROBRIDGE_SECURITY_* environment variables) and start again. Every entry of "
            + "api-keys needs a name, a key of at least " + ApiSecurityProperties.MINIMUM_KEY_LENGTH
            + " characters (e.g. from `openssl rand -hex 32`) and a role (" + ApiRole.choices() + ").";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        InvalidApiKeySettingsException invalid = Causes.find(failure, InvalidApiKeySettingsException.class);
        if (invalid != null) {
            return new FailureAnalysis(invalid.getMessage(), ACTION, invalid);
        }
        BindException bind = Causes.find(failure, BindException.class);
        if (bind != null && bind.getName().toString().startsWith(ApiSecurityProperties.PREFIX)) {
            return new FailureAnalysis(describeWithoutValues(bind), ACTION, bind);
        }
        return null;
    }

    private static String describeWithoutValues(BindException bind) {
        UnboundConfigurationPropertiesException unbound = Causes.find(bind, UnboundConfigurationPropertiesException.class);
        if (unbound != null) {
            return "These API key settings were not used: " + unbound.getUnboundProperties().stream()
                    .map(ConfigurationProperty::getName).map(Object::toString).sorted().collect(Collectors.joining(", "))
                    + ". Number the api-keys entries 0, 1, 2, ... without gaps.";
        }
        return "The settings under " + bind.getName() + " could not be read (" + bind.getCause().getClass().getSimpleName()
                + "); " + ApiSecurityProperties.PREFIX + ".api-keys must be a list of entries with name, key and role. "
                + "Values are not shown because they may contain keys.";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
