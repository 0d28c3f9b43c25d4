package io.retrobridge.transport;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A base URL may carry {@code user:password@} (some proxies want it); that part is a secret and never shown:
 * views print {@code https://***@host}, and links written into tickets drop it.
 */
public final class UrlUserInfo {

    private UrlUserInfo() {
    }

    /** The URL as text with any user info replaced by {@code ***}; "null" for no URL. */
    public static String masked(URI url) {
        if (url == null) {
            return "null";
        }
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        return url.getScheme() + "://***@" + url.getRawAuthority().substring(url.getRawAuthority().lastIndexOf('@') + 1)
                + (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    }

    /** The URL without user info (and unchanged if it has none). */
    public static URI without(URI url) {
        if (url == null || url.getRawUserInfo() == null) {
            return url;
        }
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), url.getQuery(),
                    url.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("base URL is not usable", e);
        }
    }
}
