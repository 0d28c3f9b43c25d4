package io.retrobridge.flow.items;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.ExternalSystem;

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

    static ObjectNode payload(String text) {
        return JsonNodeFactory.instance.objectNode().put(TEXT, text);
    }
}
