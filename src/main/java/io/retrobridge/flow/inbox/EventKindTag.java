package io.retrobridge.flow.inbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The {@code kind} tag of the event meters. A kind comes from the delivery (Jira's webhookEvent, ServiceNow's
 * table and operation), so a sender could otherwise make up a new time series per request until the registry
 * and every dashboard choke. Kinds of a known shape are kept, up to {@value #MAX_KINDS} distinct ones; any other
 * kind, and every kind past the cap, is counted as {@value #OTHER}.
 */
final class EventKindTag {

    static final String OTHER = "other";
    static final int MAX_KINDS = 40;

    /** Jira event names (jira:issue_updated, comment_created), ServiceNow table:operation, and the pollers' kinds. */
    private static final Pattern KNOWN_SHAPE = Pattern.compile(
            "jira:[a-z_]{1,40}|comment_[a-z_]{1,20}|servicenow:[a-z0-9_]{1,40}:(insert|update|delete)|[a-z]{1,20}:poll");

    private final Set<String> admitted = ConcurrentHashMap.newKeySet();

    String of(String kind) {
        if (kind == null || !KNOWN_SHAPE.matcher(kind).matches()) {
            return OTHER;
        }
        if (admitted.contains(kind)) {
            return kind;
        }
        synchronized (admitted) {
            if (admitted.size() >= MAX_KINDS) {
                return OTHER;
            }
            admitted.add(kind);
            return kind;
        }
    }
}
