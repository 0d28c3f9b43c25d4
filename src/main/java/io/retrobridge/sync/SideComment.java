package io.retrobridge.sync;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One comment on a record as the comment sync sees it, whichever system holds it: a Jira comment, a ServiceNow
 * journal entry. What costs work (who the integration account is, the text in canonical form) is worked out only
 * when asked, since most comments are only looked at, never copied.
 */
public final class SideComment {

    private final String id;
    private final String kind;
    private final String author;
    private final String firstLine;
    private final BooleanSupplier writtenByUs;
    private final Supplier<String> canonicalText;

    /**
     * @param id            the comment's id (a Jira comment id, a journal entry's sys_id)
     * @param kind          where on the record it was written: a ServiceNow journal field ({@code work_notes},
     *                      {@code comments}); Jira has one kind, {@code comment}
     * @param author        its author as a copy's marker names them
     * @param firstLine     the first line of its text as written, where our copies carry their marker
     * @param writtenByUs   whether the integration account wrote it (anyone can type a marker)
     * @param canonicalText its text in RetroBridge's canonical form
     */
    public SideComment(String id, String kind, String author, String firstLine, BooleanSupplier writtenByUs,
            Supplier<String> canonicalText) {
        this.id = Objects.requireNonNull(id, "id");
        this.kind = kind;
        this.author = author;
        this.firstLine = firstLine == null ? "" : firstLine;
        this.writtenByUs = writtenByUs;
        this.canonicalText = canonicalText;
    }

    public String id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public String author() {
        return author;
    }

    public String firstLine() {
        return firstLine;
    }

    public boolean writtenByUs() {
        return writtenByUs.getAsBoolean();
    }

    public String canonicalText() {
        return canonicalText.get();
    }
}
