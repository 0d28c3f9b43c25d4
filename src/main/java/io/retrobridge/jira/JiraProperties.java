package io.retrobridge.jira;

import io.retrobridge.transport.UrlUserInfo;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach Jira. Cloud uses e-mail + API token (Basic auth, REST v3); Server and Data Center use a
 * personal access token (Bearer, REST v2).
 */
@Validated
@ConfigurationProperties("retrobridge.jira")
public record JiraProperties(
        @NotNull(message = "is not set: give your Jira site, e.g. https://acme.atlassian.net (env RETROBRIDGE_JIRA_BASE_URL)")
        URI baseUrl,
        String email,
        String apiToken,
        String personalAccessToken,
        String webhookSecret,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {

    /** A shorter webhook secret could be guessed offline from a single signed delivery. */
    public static final int MIN_WEBHOOK_SECRET_LENGTH = 16;

    /** Server/Data Center is recognised by its personal access token; everything else is Cloud. */
    public boolean isCloud() {
        return isBlank(personalAccessToken);
    }

    /** REST path prefix of the flavour in use. */
    public String restPrefix() {
        return isCloud() ? "/rest/api/3" : "/rest/api/2";
    }

    @AssertTrue(message = "needs credentials: set retrobridge.jira.email and retrobridge.jira.api-token (Jira Cloud) "
            + "or retrobridge.jira.personal-access-token (Server/Data Center)")
    public boolean isCredentialsGiven() {
        return !isBlank(personalAccessToken) || (!isBlank(email) && !isBlank(apiToken));
    }

    @AssertTrue(message = "base-url must be an absolute http or https URL, e.g. https://acme.atlassian.net")
    public boolean isBaseUrlHttp() {
        return baseUrl == null || ("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))
                && baseUrl.getHost() != null;
    }

    @AssertTrue(message = "webhook-secret must have at least " + MIN_WEBHOOK_SECRET_LENGTH + " characters")
    public boolean isWebhookSecretLongEnough() {
        return isBlank(webhookSecret) || webhookSecret.strip().length() >= MIN_WEBHOOK_SECRET_LENGTH;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Secrets stay out of logs and error messages, whoever prints this. */
    @Override
    public String toString() {
        return "JiraProperties[baseUrl=" + UrlUserInfo.masked(baseUrl) + ", email=" + email + ", cloud=" + isCloud()
                + ", apiToken=" + mask(apiToken) + ", personalAccessToken=" + mask(personalAccessToken)
                + ", webhookSecret=" + mask(webhookSecret) + "]";
    }

    private static String mask(String secret) {
        return isBlank(secret) ? "<unset>" : "****";
    }
}
