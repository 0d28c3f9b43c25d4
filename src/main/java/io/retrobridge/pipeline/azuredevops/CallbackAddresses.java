package io.retrobridge.pipeline.azuredevops;

import io.retrobridge.transport.ConnectionsProperties;
import io.retrobridge.transport.InsecureBaseUrlException;
import io.retrobridge.transport.PlainHttpRule;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether an Azure DevOps check's PlanUrl may be called back: a check names the address RetroBridge calls with its
 * job token, so an address outside {@code retrobridge.gate-hooks.azure-devops.allowed-hosts} is never called, nor
 * one with user info, a query or a fragment, nor plain http to another machine (the token would travel in clear).
 * Checked when the delivery arrives and again before each call, since the allowed hosts may have changed since.
 */
@Component
class CallbackAddresses {

    private final AzureDevOpsGateHookProperties settings;
    private final ConnectionsProperties connections;

    CallbackAddresses(AzureDevOpsGateHookProperties settings, ConnectionsProperties connections) {
        this.settings = settings;
        this.connections = connections;
    }

    /** Why {@code planUrl} may not be called back, or empty when it may. */
    Optional<String> refusal(String planUrl) {
        URI url;
        try {
            url = new URI(planUrl);
        } catch (URISyntaxException e) {
            return Optional.of("PlanUrl is not a URL (" + e.getReason() + ")");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
            return Optional.of("PlanUrl is not an absolute https URL such as https://dev.azure.com/fabrikam/");
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            return Optional.of("PlanUrl carries user info, a query or a fragment; $(system.CollectionUri) has none");
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        List<String> allowed = settings.hosts();
        if (allowed.stream().noneMatch(pattern -> matches(pattern, host))) {
            return Optional.of("PlanUrl's host " + host + " is not one RetroBridge calls back ("
                    + String.join(", ", allowed) + "); if it is your Azure DevOps, add it to"
                    + " retrobridge.gate-hooks.azure-devops.allowed-hosts");
        }
        try {
            PlainHttpRule.check("PlanUrl", url, connections);
        } catch (InsecureBaseUrlException e) {
            return Optional.of("PlanUrl uses plain http to another machine, which would send the job token in clear"
                    + " text; Azure DevOps is reached over https");
        }
        return Optional.empty();
    }

    private static boolean matches(String pattern, String host) {
        return pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : host.equals(pattern);
    }
}
