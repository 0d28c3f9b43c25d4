package io.retrobridge.sync;

import io.retrobridge.domain.ExternalSystem;

/** Counts change notices as they arrive, by whichever road: a webhook delivery or a poll. */
public interface ReceivedEvents {

    enum Result {
        /** New to the inbox. */
        ACCEPTED,
        /** Already brought by a webhook or an earlier poll. */
        DUPLICATE,
        /** Refused before it could be trusted or read. */
        REJECTED,
        /** Trusted and read, but not about anything we sync. */
        IGNORED
    }

    /** @param kind what the notice says happened, e.g. jira:issue_updated or jira:poll; null when unknown */
    void count(ExternalSystem system, String kind, Result result, long amount);
}
