package io.retrobridge.jira;

import io.retrobridge.transport.UrlUserInfo;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach Jira. Cloud uses e-mail + API token (Basic auth, REST v3); Server and Data Center use a
 * personal access token (Bearer, REST v2).
 *
 * @param baseUrl             your Jira site, e.g. https://acme.atlassian.net (required)
 * @param email               Jira Cloud: the e-mail of the integration user, together with api-token
 * @param apiToken            Jira Cloud: an API token of that user (Basic auth, REST v3); never logged
 * @param personalAccessToken Jira Server / Data Center: a personal access token (Bearer, REST v2); setting it selects
 *                            Server/Data Center; never logged
 * @param webhookSecret       the secret the Jira webhook signs with, at least 16 characters; deliveries without a
 *                            valid signature are refused; empty switches /webhooks/jira off; never logged
 * @param connectTimeout      how long opening a connection to Jira may take
 * @param readTimeout         how long Jira may take to answer once connected
 * @param searchSettleTime how long after a create whose answer was lost (a timeout, a cut connection, an unreadable
 *                         body) a search that does not find the issue by its correlation label is believed: Jira's
 *                         search index is not immediately consistent, so a search right after the create can miss
 *                         an issue that exists. Until then the item waits and is tried again, it is never created a
 *                         second time. 0 only for a Jira whose search is known to be consistent; default 3m.
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
        @DefaultValue("30s") Duration readTimeout,
        @DurationMin(seconds = 0, message = SEARCH_SETTLE_TIME_RANGE)
        @DurationMax(hours = 1, message = SEARCH_SETTLE_TIME_RANGE)
        @DefaultValue("3m") Duration searchSettleTime) {

    static final String SEARCH_SETTLE_TIME_RANGE = "a duration from 0s to 1h (default 3m): how long after a create whose "
            + "answer was lost a search that does not find the issue is believed";

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
