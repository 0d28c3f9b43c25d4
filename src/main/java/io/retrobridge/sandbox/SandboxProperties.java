package io.retrobridge.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the built-in simulators listen when the demo profile starts them. */
@ConfigurationProperties("retrobridge.sandbox")
public record SandboxProperties(
        @DefaultValue("8091") int jiraPort,
        @DefaultValue("8092") int servicenowPort) {
}
