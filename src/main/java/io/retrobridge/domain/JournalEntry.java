package io.retrobridge.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What was done, to which record, from what and why: the answer to "why did this change?".
 *
 * @param id      0 until the journal stores the entry, then its position in the journal
 * @param linkId  the link the entry concerns, or null when there is none (yet)
 * @param ruleIds the mapping rules that decided the action, in the order they applied
 * @param detail  longer explanation, diff or error text; may be null
 */
public record JournalEntry(long id, Instant at, UUID linkId, ExternalRef subject, JournalAction action,
                           String summary, List<String> ruleIds, String detail) {

    public JournalEntry {
        if (id < 0) {
            throw new IllegalArgumentException("id must be 0 (not yet stored) or positive but was " + id);
        }
        RecordArguments.required(at, "at");
        RecordArguments.required(subject, "subject");
        RecordArguments.required(action, "action");
        RecordArguments.notBlank(summary, "summary");
        RecordArguments.required(ruleIds, "ruleIds");
        ruleIds.forEach(rule -> RecordArguments.notBlank(rule, "rule id"));
        ruleIds = List.copyOf(ruleIds);
    }

    /** An entry ready to be appended to the journal. */
    public static JournalEntry of(Instant at, UUID linkId, ExternalRef subject, JournalAction action,
                                  String summary, List<String> ruleIds, String detail) {
        return new JournalEntry(0, at, linkId, subject, action, summary, ruleIds, detail);
    }

    public boolean isStored() {
        return id > 0;
    }

    public JournalEntry withId(long storedId) {
        return new JournalEntry(storedId, at, linkId, subject, action, summary, ruleIds, detail);
    }
}
