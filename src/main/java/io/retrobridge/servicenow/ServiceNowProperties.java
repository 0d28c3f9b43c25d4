package io.retrobridge.servicenow;

import io.retrobridge.transport.UrlUserInfo;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach ServiceNow: basic auth (username + password) or OAuth client credentials (client id +
 * secret, exchanged at {@code /oauth_token.do}).
 *
 * @param baseUrl        your instance, e.g. https://acme.service-now.com (required)
 * @param username       the web-service integration user (Basic auth), together with password
 * @param password       that user's password; never logged
 * @param clientId       instead of a password: the OAuth application registry entry's client id
 * @param clientSecret   that entry's client secret; never logged
 * @param webhookSecret  the secret the business rule or outbound REST message signs with, at least 16 characters;
 *                       deliveries without a valid signature are refused; empty switches /webhooks/servicenow off;
 *                       never logged
 * @param connectTimeout how long opening a connection to ServiceNow may take
 * @param readTimeout    how long ServiceNow may take to answer once connected
 */
@Validated
@ConfigurationProperties("retrobridge.servicenow")
public record ServiceNowProperties(
        @NotNull(message = "is not set: give your instance, e.g. https://acme.service-now.com (env RETROBRIDGE_SERVICENOW_BASE_URL)")
        URI baseUrl,
        String username,
        String password,
        String clientId,
        String clientSecret,
        String webhookSecret,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout) {

    /** A shorter webhook secret could be guessed offline from a single signed delivery. */
    public static final int MIN_WEBHOOK_SECRET_LENGTH = 16;

    public boolean usesOAuth() {
        return !isBlank(clientId);
    }

    @AssertTrue(message = "needs credentials: set retrobridge.servicenow.username and retrobridge.servicenow.password, "
            + "or retrobridge.servicenow.client-id and retrobridge.servicenow.client-secret")
    public boolean isCredentialsGiven() {
        return (!isBlank(username) && !isBlank(password)) || (!isBlank(clientId) && !isBlank(clientSecret));
    }

    @AssertTrue(message = "base-url must be an absolute http or https URL, e.g. https://acme.service-now.com")
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
        return "ServiceNowProperties[baseUrl=" + UrlUserInfo.masked(baseUrl) + ", username=" + username + ", oauth=" + usesOAuth()
                + ", password=" + mask(password) + ", clientSecret=" + mask(clientSecret)
                + ", webhookSecret=" + mask(webhookSecret) + "]";
    }

    private static String mask(String secret) {
        return isBlank(secret) ? "<unset>" : "****";
    }
}
