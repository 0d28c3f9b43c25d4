package io.retrobridge.transport;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code http://} sends the credentials and every record in clear text, so a base URL with it is refused at
 * start-up unless it points at this machine (the simulators, a local tunnel) or
 * {@code retrobridge.connections.allow-insecure-http=true} says the operator means it (the demo profile does).
 * Loopback is recognised from the address as written, without a DNS look-up.
 */
public final class PlainHttpRule {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private PlainHttpRule() {
    }

    /** @throws InsecureBaseUrlException when {@code url} is plain http to another machine and that is not allowed */
    public static void check(String setting, URI url, ConnectionsProperties connections) {
        if (url != null && "http".equalsIgnoreCase(url.getScheme()) && !isLoopback(url.getHost())
                && !connections.allowInsecureHttp()) {
            throw new InsecureBaseUrlException(setting);
        }
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("localhost") || name.endsWith(".localhost") || IPV4_LOOPBACK.matcher(name).matches()
                || name.equals("::1") || name.equals("0:0:0:0:0:0:0:1");
    }
}
