package io.retrobridge.sync;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.ActionItemMapping;
import java.util.List;
import java.util.Optional;

/** What the comment sync needs of one system: a record's comments, and a way to write a copy of one. */
public interface CommentGateway {

    /** What a copy says when the original holds nothing that can be copied. */
    String NO_TEXT = "(no text that can be copied)";

    ExternalSystem system();

    /** Every comment of the record, oldest first (on ServiceNow: the entries of every journal field). */
    List<SideComment> comments(String id, ActionItemMapping mapping);

    /**
     * Writes the copy of a comment: {@code marker} as its own plain first line (never read as markup), then the
     * canonical text in the side's format, where the mapping's comment rule says.
     *
     * @return the copy's id, when the side's answer names it
     */
    Optional<String> addCopy(String id, String marker, String canonicalText, ActionItemMapping mapping);

    /**
     * Whether the record holds comments the mapping carries from this side: answered from the comments a poll page
     * carried in its event ({@code eventKind}, {@code eventPayload}) when it did, read otherwise.
     */
    boolean hasCommentsToCarry(String id, String eventKind, String eventPayload, ActionItemMapping mapping);

    /** What people call the record (a Jira key, a ServiceNow number); {@code id} when it cannot be read. */
    String displayKey(String id, ActionItemMapping mapping);
}
