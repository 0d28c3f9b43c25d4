package io.retrobridge.pipeline.azuredevops;

import io.retrobridge.pipeline.PipelineProperties;
import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The deployment gate as an Azure DevOps "Invoke REST API" check in callback mode
 * ({@code POST /api/gates/hooks/azure-devops}): how its requests are proven, which Azure DevOps addresses the answer
 * may be sent to, and how often an undecided answer is asked again. Checked at start-up.
 *
 * @param secret         the password of the generic service connection the check calls through (basic
 *                       authentication, any user name), at least 16 characters; empty switches the hook off; never
 *                       logged
 * @param allowedHosts   the hosts the answer may be sent to, comma-separated: a check names where to call back
 *                       (PlanUrl), and a delivery naming any other host is refused. A name, or *.suffix for every
 *                       host under it (not the suffix itself); add your Azure DevOps Server's host here
 * @param askAgainAfter  how long after a PENDING answer the gate is asked again, until it decides (the check's own
 *                       timeout, set in Azure DevOps, bounds the wait)
 * @param connectTimeout how long opening a connection to Azure DevOps may take
 * @param readTimeout    how long Azure DevOps may take to answer once connected
 */
@Validated
@ConfigurationProperties("retrobridge.gate-hooks.azure-devops")
public record AzureDevOpsGateHookProperties(
        @DefaultValue("") String secret,
        @DefaultValue("dev.azure.com,*.visualstudio.com") String allowedHosts,
        @DefaultValue("1m") Duration askAgainAfter,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout) {

    private static final Pattern HOST = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*"
            + "[a-z0-9])?)*");

    public AzureDevOpsGateHookProperties {
        // The same defaults as the binder's, for instances built in code.
        secret = secret == null ? "" : secret;
        allowedHosts = allowedHosts == null ? "dev.azure.com,*.visualstudio.com" : allowedHosts;
        askAgainAfter = askAgainAfter == null ? Duration.ofMinutes(1) : askAgainAfter;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
    }

    /** The shared secret, when the hook is on. */
    public Optional<String> sharedSecret() {
        return PipelineProperties.secret(secret);
    }

    /** The allowed hosts, lower case, blanks left out. */
    public List<String> hosts() {
        return Arrays.stream(allowedHosts.split(",")).map(host -> host.strip().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).toList();
    }

    @AssertTrue(message = "retrobridge.gate-hooks.azure-devops.secret to have at least "
            + PipelineProperties.MIN_WEBHOOK_SECRET_LENGTH + " characters (e.g. from openssl rand -hex 32), or to be"
            + " empty to switch /api/gates/hooks/azure-devops off")
    public boolean isSecretLongEnough() {
        return secret.isBlank() || secret.strip().length() >= PipelineProperties.MIN_WEBHOOK_SECRET_LENGTH;
    }

    @AssertTrue(message = "retrobridge.gate-hooks.azure-devops.allowed-hosts to list host names or *.suffix"
            + " patterns, comma-separated, e.g. dev.azure.com,*.visualstudio.com")
    public boolean isAllowedHostsNames() {
        return !hosts().isEmpty() && hosts().stream().allMatch(host -> HOST.matcher(host).matches());
    }

    @AssertTrue(message = "retrobridge.gate-hooks.azure-devops.ask-again-after, connect-timeout and read-timeout to"
            + " be above 0, e.g. 1m, 5s and 20s")
    public boolean isDurationsPositive() {
        return askAgainAfter.toMillis() > 0 && connectTimeout.toMillis() > 0 && readTimeout.toMillis() > 0;
    }

    /** Secrets stay out of logs and error messages, whoever prints this. */
    @Override
    public String toString() {
        return "AzureDevOpsGateHookProperties[secret=" + (secret.isBlank() ? "<unset>" : "****") + ", allowedHosts="
                + allowedHosts + ", askAgainAfter=" + askAgainAfter + "]";
    }
}
