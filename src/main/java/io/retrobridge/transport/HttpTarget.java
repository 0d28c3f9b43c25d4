package io.retrobridge.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/**
 * Where one remote system lives and how long we wait for it.
 *
 * @param system  a name people recognise in messages, e.g. "Jira"
 * @param baseUrl the site root (a context path such as {@code /jira} is kept); user info, query and
 *                fragment are dropped so they can never reach a log line
 */
public record HttpTarget(String system, URI baseUrl, Duration connectTimeout, Duration readTimeout) {

    public HttpTarget {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme()) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException(system + " base URL must be an absolute http or https URL");
        }
        baseUrl = withoutSecretsOrSlash(baseUrl);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }

    /** host:port, for "cannot reach ..." messages. */
    public String hostAndPort() {
        int port = baseUrl.getPort() >= 0 ? baseUrl.getPort() : "https".equals(baseUrl.getScheme()) ? 443 : 80;
        return baseUrl.getHost() + ":" + port;
    }

    private static URI withoutSecretsOrSlash(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), null, null, null)
                    .resolve(path.isEmpty() ? "" : path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("base URL is not usable", e);
        }
    }
}
