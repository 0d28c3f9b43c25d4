package io.retrobridge.insight.readiness;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.validation.annotation.Validated;

/**
 * What a readiness review looks at. Checked at start-up.
 *
 * @param environment      the environment a release is reviewed for, lower case: the gate is asked about a release
 *                         to it, and its failed deployments, rollbacks and PIRs are the ones shown
 * @param gate             the gate whose current answer the review shows, as gates.yaml names it
 * @param deploymentWindow how far back failed deployments and rollbacks are shown, up to now
 */
@Validated
@ConfigurationProperties("retrobridge.readiness")
public record ReadinessProperties(
        @NotBlank(message = "an environment name such as production")
        @Pattern(regexp = "[a-z0-9._-]{1,64}", message = "a lower-case environment name such as production")
        @DefaultValue(ENVIRONMENT) String environment,
        @NotBlank(message = "a gate name such as prod")
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "a gate name as gates.yaml names it, such as prod")
        @DefaultValue(GATE) String gate,
        @NotNull(message = "a duration such as 90d")
        @DurationMin(seconds = 1, message = "a duration of at least 1s, e.g. 90d")
        @DefaultValue(DEPLOYMENT_WINDOW) Duration deploymentWindow) {

    // Named once, for the binder and for instances built in code.
    private static final String ENVIRONMENT = "production";
    private static final String GATE = "prod";
    private static final String DEPLOYMENT_WINDOW = "90d";

    /** The defaults, for tests and tools. */
    public static ReadinessProperties defaults() {
        return new ReadinessProperties(ENVIRONMENT, GATE, DurationStyle.detectAndParse(DEPLOYMENT_WINDOW));
    }
}
