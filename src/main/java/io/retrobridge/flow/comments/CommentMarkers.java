package io.retrobridge.flow.comments;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first line of every comment copy we write. People see where the copy came from; we find the
 * original's id in it, so a copy whose record was lost in a crash is recognised instead of written again,
 * and a copy is never taken for a new comment and copied back.
 */
final class CommentMarkers {

    private static final Pattern SERVICENOW_COPY = Pattern.compile(
            "^\\[Jira \\S+ comment by [^\\]\\n]*] \\(rb-comment ([A-Za-z0-9._:-]{1,255})\\)");
    private static final Pattern JIRA_COPY = Pattern.compile(
            "^From ServiceNow \\S+ \\((?:work note|comment) by [^\\n]*, rb-comment ([A-Za-z0-9._:-]{1,255})\\):");
    /** Characters that would end the marker early or turn into markup on either side. */
    private static final Pattern UNSAFE_IN_NAME = Pattern.compile("[\\[\\](){}*_|\\n\\r]+");

    private CommentMarkers() {
    }

    /** {@code [Jira PAY-12 comment by Ada Lovelace] (rb-comment 10001)}, the first line of a ServiceNow copy. */
    static String forServiceNow(String issueKey, String author, String jiraCommentId) {
        return "[Jira " + issueKey + " comment by " + name(author) + "] (rb-comment " + jiraCommentId + ")";
    }

    /** {@code From ServiceNow PTASK0010001 (work note by beth.anglin, rb-comment 6c1e...):}, the first line of a Jira copy. */
    static String forJira(String recordNumber, String noun, String author, String journalId) {
        return "From ServiceNow " + recordNumber + " (" + noun + " by " + name(author) + ", rb-comment " + journalId + "):";
    }

    /** The Jira comment id a ServiceNow journal entry of ours was copied from; empty for anyone else's entry. */
    static Optional<String> copiedFromJira(String journalValue) {
        return group(SERVICENOW_COPY.matcher(journalValue == null ? "" : journalValue.stripLeading()));
    }

    /**
     * The ServiceNow journal entry a Jira comment of ours was copied from; empty for anyone else's comment.
     *
     * @param firstLine the comment's first line: the text of an Atlassian document's first paragraph, or the first
     *                  line of a wiki-markup string
     */
    static Optional<String> copiedFromServiceNow(String firstLine) {
        return group(JIRA_COPY.matcher(firstLine == null ? "" : firstLine));
    }

    private static Optional<String> group(Matcher matcher) {
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String name(String author) {
        String cleaned = author == null ? "" : UNSAFE_IN_NAME.matcher(author).replaceAll(" ").strip();
        return cleaned.isEmpty() ? "someone" : cleaned;
    }
}
