package io.retrobridge.pipeline.gitlab;

import io.retrobridge.pipeline.PipelineProperties;
import io.retrobridge.transport.UrlUserInfo;
import jakarta.validation.constraints.AssertTrue;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The deployment gate as a GitLab external status check ({@code POST /api/gates/hooks/gitlab}): how GitLab's
 * requests are proven, and how the answer is sent back to GitLab's API. Checked at start-up.
 *
 * @param sharedSecret  the status check's shared secret, which GitLab signs each request with (X-Gitlab-Signature),
 *                      at least 16 characters; empty switches the hook off; never logged
 * @param baseUrl       where GitLab's API is reached, e.g. https://gitlab.example.com (the /api/v4 paths follow)
 * @param token         a personal, project or group access token of a user with at least the Developer role on the
 *                      projects, sent as PRIVATE-TOKEN to set the check's status; never logged
 * @param environment   the environment the gate is asked about, since a merge request names none
 * @param askAgainAfter how long after a PENDING answer the gate is asked again (and GitLab told pending again),
 *                      below GitLab's two minutes after which a pending check fails
 * @param recheckAfter  how long after a DENY the gate is asked again about the same HEAD, so a check failed for an
 *                      open follow-up turns passed once that follow-up is done, without a new commit
 * @param recheckFor    how long after the first DENY that goes on; 0s never asks again after a DENY
 * @param connectTimeout how long opening a connection to GitLab may take
 * @param readTimeout   how long GitLab may take to answer once connected
 */
@Validated
@ConfigurationProperties("retrobridge.gate-hooks.gitlab")
public record GitLabGateHookProperties(
        @DefaultValue("") String sharedSecret,
        @DefaultValue("https://gitlab.com") URI baseUrl,
        @DefaultValue("") String token,
        @DefaultValue("production") String environment,
        @DefaultValue("60s") Duration askAgainAfter,
        @DefaultValue("5m") Duration recheckAfter,
        @DefaultValue("8h") Duration recheckFor,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout) {

    /** GitLab fails a check left pending for longer than this. */
    static final Duration GITLAB_PENDING_LIMIT = Duration.ofMinutes(2);

    public GitLabGateHookProperties {
        // The same defaults as the binder's, for instances built in code.
        sharedSecret = sharedSecret == null ? "" : sharedSecret;
        baseUrl = baseUrl == null ? URI.create("https://gitlab.com") : baseUrl;
        token = token == null ? "" : token;
        environment = environment == null ? "production" : environment;
        askAgainAfter = askAgainAfter == null ? Duration.ofSeconds(60) : askAgainAfter;
        recheckAfter = recheckAfter == null ? Duration.ofMinutes(5) : recheckAfter;
        recheckFor = recheckFor == null ? Duration.ofHours(8) : recheckFor;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
    }

    /** The shared secret, when the hook is on. */
    public Optional<String> secret() {
        return PipelineProperties.secret(sharedSecret);
    }

    @AssertTrue(message = "retrobridge.gate-hooks.gitlab.shared-secret to have at least "
            + PipelineProperties.MIN_WEBHOOK_SECRET_LENGTH + " characters (e.g. from openssl rand -hex 32), or to be"
            + " empty to switch /api/gates/hooks/gitlab off")
    public boolean isSharedSecretLongEnough() {
        return sharedSecret.isBlank() || sharedSecret.strip().length() >= PipelineProperties.MIN_WEBHOOK_SECRET_LENGTH;
    }

    @AssertTrue(message = "retrobridge.gate-hooks.gitlab.token to be set when shared-secret is: the answer is sent"
            + " back to GitLab's API with it (a token of a user with at least the Developer role on the projects)")
    public boolean isTokenSetWhenOn() {
        return sharedSecret.isBlank() || !token.isBlank();
    }

    @AssertTrue(message = "retrobridge.gate-hooks.gitlab.base-url to be an absolute http or https URL, e.g."
            + " https://gitlab.example.com")
    public boolean isBaseUrlHttp() {
        return ("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme())) && baseUrl.getHost() != null;
    }

    @AssertTrue(message = "retrobridge.gate-hooks.gitlab.ask-again-after to be above 0 and below 2m (GitLab fails a"
            + " check left pending for two minutes), e.g. 60s")
    public boolean isAskAgainAfterWithinGitLabsWindow() {
        return askAgainAfter.toMillis() > 0 && askAgainAfter.compareTo(GITLAB_PENDING_LIMIT) < 0;
    }

    @AssertTrue(message = "retrobridge.gate-hooks.gitlab.recheck-after to be at least 1s and recheck-for 0s or more,"
            + " e.g. 5m and 8h")
    public boolean isRecheckSensible() {
        return recheckAfter.compareTo(Duration.ofSeconds(1)) >= 0 && !recheckFor.isNegative();
    }

    @AssertTrue(message = "retrobridge.gate-hooks.gitlab.environment to be an environment name, e.g. production")
    public boolean isEnvironmentNamed() {
        return !environment.isBlank();
    }

    @AssertTrue(message = "retrobridge.gate-hooks.gitlab.connect-timeout and read-timeout to be above 0, e.g. 5s"
            + " and 20s")
    public boolean isTimeoutsPositive() {
        return connectTimeout.toMillis() > 0 && readTimeout.toMillis() > 0;
    }

    /** Secrets stay out of logs and error messages, whoever prints this. */
    @Override
    public String toString() {
        return "GitLabGateHookProperties[sharedSecret=" + mask(sharedSecret) + ", baseUrl="
                + UrlUserInfo.masked(baseUrl) + ", token=" + mask(token) + ", environment=" + environment
                + ", askAgainAfter=" + askAgainAfter + ", recheckAfter=" + recheckAfter + ", recheckFor=" + recheckFor
                + "]";
    }

    private static String mask(String secret) {
        return secret.isBlank() ? "<unset>" : "****";
    }
}
