package io.retrobridge.sandbox.servicenow;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code Link} header of a list answer: URLs for the first, previous, next and last pages, each
 * the same request with another {@code sysparm_offset}.
 */
final class PagingLinks {

    private PagingLinks() {
    }

    static String header(String pageUrl, Map<String, List<String>> query, int offset, int limit, int total) {
        List<String> links = new ArrayList<>();
        links.add(link(pageUrl, query, 0, limit, "first"));
        if (offset > 0) {
            links.add(link(pageUrl, query, Math.max(0, offset - limit), limit, "prev"));
        }
        if ((long) offset + limit < total) {
            links.add(link(pageUrl, query, offset + limit, limit, "next"));
        }
        int last = total == 0 ? 0 : ((total - 1) / limit) * limit;
        links.add(link(pageUrl, query, last, limit, "last"));
        return String.join(",", links);
    }

    private static String link(String pageUrl, Map<String, List<String>> query, int offset, int limit, String rel) {
        StringBuilder url = new StringBuilder(pageUrl).append('?');
        query.forEach((key, values) -> {
            if (!key.equals("sysparm_offset") && !key.equals("sysparm_limit")) {
                values.forEach(v -> url.append(encode(key)).append('=').append(encode(v)).append('&'));
            }
        });
        url.append("sysparm_limit=").append(limit).append("&sysparm_offset=").append(offset);
        return "<" + url + ">;rel=\"" + rel + "\"";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
