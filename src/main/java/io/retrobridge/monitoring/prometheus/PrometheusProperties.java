package io.retrobridge.monitoring.prometheus;

import io.retrobridge.transport.UrlUserInfo;
import jakarta.validation.constraints.AssertTrue;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach the Prometheus (or a server speaking its query API: Thanos, Mimir, Grafana Cloud) that watches the
 * releases. Without a base URL RetroBridge asks no monitoring system. No credentials, basic auth (username and
 * password) or a bearer token, as a Prometheus behind an authenticating proxy or Grafana Cloud wants.
 *
 * @param baseUrl             the server root, e.g. https://prometheus.example.com, or the path prefix before /api/v1
 *                            (e.g. https://prometheus-prod-01-eu-west-0.grafana.net/api/prom); unset means no
 *                            Prometheus is asked
 * @param username            basic auth user, together with password
 * @param password            that user's password; never logged
 * @param bearerToken         instead of a user and password: a token sent as "Authorization: Bearer ..."; never logged
 * @param connectTimeout      how long opening a connection to Prometheus may take
 * @param readTimeout         how long Prometheus may take to answer a query once connected
 * @param graphUrl            where people open graphs (the Prometheus UI); unset means the base URL
 * @param postAboveCharacters queries longer than this many characters are sent as a form POST instead of in the URL,
 *                            which proxies refuse beyond about 8 KB; 0 sends every query as a POST
 */
@Validated
@ConfigurationProperties("retrobridge.prometheus")
public record PrometheusProperties(
        URI baseUrl,
        String username,
        String password,
        String bearerToken,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        URI graphUrl,
        @DefaultValue("1500") Integer postAboveCharacters) {

    public PrometheusProperties {
        // The same defaults as the binder's, for instances built in code.
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
        postAboveCharacters = postAboveCharacters == null ? 1500 : postAboveCharacters;
    }

    /** A Prometheus is configured: RetroBridge asks it for metrics. */
    public boolean configured() {
        return baseUrl != null;
    }

    /** How RetroBridge signs in: "none", "basic" or "bearer". */
    public String authKind() {
        return hasText(bearerToken) ? "bearer" : hasText(username) ? "basic" : "none";
    }

    /** Where graph links point: graph-url, else the base URL. */
    public URI graphBase() {
        return graphUrl != null ? graphUrl : baseUrl;
    }

    @AssertTrue(message = "base-url must be an absolute http or https URL, e.g. https://prometheus.example.com")
    public boolean isBaseUrlHttp() {
        return isHttp(baseUrl);
    }

    @AssertTrue(message = "graph-url must be an absolute http or https URL, e.g. https://prometheus.example.com")
    public boolean isGraphUrlHttp() {
        return isHttp(graphUrl);
    }

    @AssertTrue(message = "username and password go together: set both for basic auth, or neither")
    public boolean isUsernameWithPassword() {
        return hasText(username) == hasText(password);
    }

    @AssertTrue(message = "set either username and password (basic auth) or bearer-token, not both")
    public boolean isOneAuthKind() {
        return !(hasText(bearerToken) && (hasText(username) || hasText(password)));
    }

    @AssertTrue(message = "connect-timeout and read-timeout must be above 0, e.g. 5s and 20s; post-above-characters "
            + "must not be negative")
    public boolean isLimitsPositive() {
        return connectTimeout.toMillis() > 0 && readTimeout.toMillis() > 0 && postAboveCharacters >= 0;
    }

    private static boolean isHttp(URI url) {
        return url == null || ("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    /** Secrets stay out of logs and error messages, whoever prints this. */
    @Override
    public String toString() {
        return "PrometheusProperties[baseUrl=" + (baseUrl == null ? "<unset>" : UrlUserInfo.masked(baseUrl))
                + ", auth=" + authKind() + ", username=" + username + ", password=" + mask(password)
                + ", bearerToken=" + mask(bearerToken) + "]";
    }

    private static String mask(String secret) {
        return hasText(secret) ? "****" : "<unset>";
    }
}
