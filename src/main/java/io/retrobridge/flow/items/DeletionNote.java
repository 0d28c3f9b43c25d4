package io.retrobridge.flow.items;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.RecordFields;

/** The note {@code on-delete: comment} leaves on the surviving record: plain text, written as a comment or work note. */
final class DeletionNote {

    /** The payload member that carries the text in a planned write (and in a preview). */
    static final String TEXT = "note";

    private DeletionNote() {
    }

    static String text(ExternalSystem deletedOn, String deletedKey) {
        String where = deletedOn == ExternalSystem.JIRA ? "Jira issue" : "ServiceNow record";
        return "RetroBridge: the linked " + where + " " + deletedKey + " was deleted in "
                + (deletedOn == ExternalSystem.JIRA ? "Jira" : "ServiceNow")
                + ". This item is no longer kept in sync with it; nothing else was changed here.";
    }

    static RecordFields payload(String text) {
        return RecordFields.of(TEXT, text);
    }
}
