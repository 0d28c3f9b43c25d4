package io.retrobridge.pipeline.github;

import jakarta.validation.constraints.AssertTrue;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The GitHub App that answers GitHub's custom deployment protection rule: GitHub delivers
 * {@code deployment_protection_rule} to {@code POST /api/gates/hooks/github}, signed with the App's webhook secret,
 * and RetroBridge approves or rejects the waiting job through GitHub's API as the App's installation. Without a
 * webhook secret the hook answers 503 (nothing is accepted); without an App id and private key deliveries are kept,
 * but no review can be sent.
 *
 * @param webhookSecret     the GitHub App's webhook secret; deliveries are proven by X-Hub-Signature-256 with it;
 *                          never logged
 * @param appId             the GitHub App's id (App settings, "App ID"), the issuer of the App's JSON Web Tokens
 * @param privateKey        the GitHub App's private key, PEM as GitHub hands it out (BEGIN RSA PRIVATE KEY) or PKCS#8
 *                          (BEGIN PRIVATE KEY); an environment variable may hold its line breaks as \n; never logged
 * @param apiUrl            GitHub's REST API: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise
 *                          Server; a deployment_callback_url anywhere else is refused and never called
 * @param askAgainAfter     how long a run waits before a PENDING answer is asked again
 * @param stopAskingAfter   how long after its first delivery a run is no longer asked about (GitHub fails a job that
 *                          waits 30 days)
 * @param reconcileInterval how often the App's recent webhook deliveries are read and failed deployment protection
 *                          rule deliveries redelivered (GitHub never redelivers on its own)
 * @param reconcileLookback how far back the deliveries are read each time (GitHub keeps them 3 days)
 * @param connectTimeout    how long opening a connection to GitHub's API may take
 * @param readTimeout       how long GitHub's API may take to answer once connected
 */
@Validated
@ConfigurationProperties("retrobridge.gate-hooks.github")
public record GitHubGateHookProperties(
        @DefaultValue("") String webhookSecret,
        @DefaultValue("") String appId,
        @DefaultValue("") String privateKey,
        @DefaultValue("https://api.github.com") URI apiUrl,
        @DefaultValue("1m") Duration askAgainAfter,
        @DefaultValue("30d") Duration stopAskingAfter,
        @DefaultValue("5m") Duration reconcileInterval,
        @DefaultValue("1h") Duration reconcileLookback,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout) {

    static final String PREFIX = "retrobridge.gate-hooks.github";

    /** The App id and private key are set: RetroBridge can act as the App. */
    public boolean appConfigured() {
        return hasText(appId) && hasText(privateKey);
    }

    // Named for the setting they check, so a refusal at start-up names that setting.
    @AssertTrue(message = "the GitHub App's numeric id (App settings, \"App ID\"), e.g. 123456, set together with "
            + "private-key")
    public boolean isAppId() {
        return hasText(appId) ? appId.strip().matches("[0-9]{1,20}") : !hasText(privateKey);
    }

    @AssertTrue(message = "the GitHub App's PEM private key, set together with app-id")
    public boolean isPrivateKey() {
        return hasText(privateKey) || !hasText(appId);
    }

    @AssertTrue(message = "an absolute https URL without query, e.g. https://api.github.com or "
            + "https://ghe.example.com/api/v3 (http only for a local test)")
    public boolean isApiUrl() {
        return apiUrl != null && ("https".equals(apiUrl.getScheme()) || "http".equals(apiUrl.getScheme()))
                && apiUrl.getHost() != null && apiUrl.getRawQuery() == null;
    }

    @AssertTrue(message = "ask-again-after, stop-asking-after, reconcile-interval, reconcile-lookback, "
            + "connect-timeout and read-timeout must be above 0, e.g. 1m, 30d, 5m, 1h, 5s, 20s")
    public boolean isDurationsPositive() {
        return positive(askAgainAfter) && positive(stopAskingAfter) && positive(reconcileInterval)
                && positive(reconcileLookback) && positive(connectTimeout) && positive(readTimeout);
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** Secrets stay out of logs and error messages, whoever prints this. */
    @Override
    public String toString() {
        return "GitHubGateHookProperties[apiUrl=" + apiUrl + ", appId=" + appId + ", webhookSecret="
                + (hasText(webhookSecret) ? "****" : "<unset>") + ", privateKey="
                + (hasText(privateKey) ? "****" : "<unset>") + "]";
    }
}
