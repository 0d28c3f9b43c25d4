package io.retrobridge.mapping.text;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which link targets may travel between systems. Only web and mail schemes and plain relative
 * paths pass; {@code javascript:}, {@code data:}, {@code vbscript:} and anything unknown are refused,
 * and the caller keeps the link's text without the link.
 */
final class SafeLinks {

    private static final Set<String> ALLOWED_SCHEMES = Set.of("http", "https", "mailto", "ftp", "ftps", "sftp");

    private SafeLinks() {
    }

    /** The trimmed URL when it is safe to keep as a link, empty otherwise. */
    static Optional<String> safe(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String trimmed = url.strip();
        if (trimmed.isEmpty() || trimmed.length() > 8_192) {
            return Optional.empty();
        }
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so we do too.
        StringBuilder compact = new StringBuilder();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c > ' ' && c != 0x7f) {
                compact.append(c);
            }
        }
        String candidate = compact.toString();
        int colon = candidate.indexOf(':');
        int firstPathChar = indexOfAny(candidate, "/?#");
        boolean hasScheme = colon > 0 && (firstPathChar < 0 || colon < firstPathChar);
        if (!hasScheme) {
            // Relative reference such as "/browse/RB-1"; a colon before any slash would be read as a scheme.
            return colon == 0 ? Optional.empty() : Optional.of(trimmed);
        }
        String scheme = candidate.substring(0, colon).toLowerCase(Locale.ROOT);
        return ALLOWED_SCHEMES.contains(scheme) ? Optional.of(trimmed) : Optional.empty();
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
