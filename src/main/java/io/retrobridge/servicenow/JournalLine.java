package io.retrobridge.servicenow;

import java.time.Instant;

/**
 * One entry of a record's journal ({@code sys_journal_field}): a work note or a comment.
 *
 * @param sysId     the journal entry's own sys_id
 * @param element   which journal field it was written to: {@code work_notes} or {@code comments}
 * @param value     the text as written
 * @param createdOn when it was written, second precision, UTC
 * @param createdBy the user_name of its author
 */
public record JournalLine(String sysId, String element, String value, Instant createdOn, String createdBy) {

    public boolean isWorkNote() {
        return "work_notes".equals(element);
    }

    public boolean isComment() {
        return "comments".equals(element);
    }
}
