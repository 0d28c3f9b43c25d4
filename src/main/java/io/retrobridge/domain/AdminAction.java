package io.retrobridge.domain;

import java.time.Instant;

/**
 * One thing an admin did through the API, as the audit log keeps it.
 *
 * @param id      0 until stored, then its position in the log
 * @param keyName the name of the API key used (never the key)
 * @param action  what was done: replay, bulk-replay, backfill, scan, reload, preview, validate, ...
 * @param target  what it was done to and with which parameters, e.g. {@code dead-letter 3f2b...}; may be null
 * @param status  the HTTP status answered
 * @param outcome {@code ok} (2xx/3xx), {@code refused} (4xx) or {@code failed} (5xx)
 * @param remote  the caller's address; may be null
 */
public record AdminAction(long id, Instant at, String keyName, String action, String target, int status,
                          String outcome, String remote) {

    public AdminAction {
        if (id < 0) {
            throw new IllegalArgumentException("id must be 0 (not yet stored) or positive but was " + id);
        }
        RecordArguments.required(at, "at");
        RecordArguments.notBlank(keyName, "keyName");
        RecordArguments.notBlank(action, "action");
        RecordArguments.notBlank(outcome, "outcome");
    }

    /** A new entry; the outcome follows from the status. */
    public static AdminAction of(Instant at, String keyName, String action, String target, int status, String remote) {
        String outcome = status >= 500 ? "failed" : status >= 400 ? "refused" : "ok";
        return new AdminAction(0, at, keyName, action, target, status, outcome, remote);
    }

    public AdminAction withId(long newId) {
        return new AdminAction(newId, at, keyName, action, target, status, outcome, remote);
    }
}
