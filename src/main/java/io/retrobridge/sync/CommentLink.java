package io.retrobridge.sync;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.SyncPair;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A comment on one side of a link and the copy RetroBridge wrote of it on the other.
 *
 * @param origin             the side the comment was written on by a person
 * @param jiraCommentId      the Jira comment's id; null only while a copy to Jira is being written
 * @param serviceNowJournalId the sys_journal_field entry's sys_id; null only while a copy to ServiceNow is being written
 */
public record CommentLink(UUID linkId, ExternalSystem origin, String jiraCommentId, String serviceNowJournalId,
                          Instant createdAt) {

    public CommentLink {
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(createdAt, "createdAt");
        jiraCommentId = blankToNull(jiraCommentId);
        serviceNowJournalId = blankToNull(serviceNowJournalId);
        if ((origin == ExternalSystem.JIRA ? jiraCommentId : serviceNowJournalId) == null) {
            throw new IllegalArgumentException("a comment link needs the id of the original comment on " + origin);
        }
    }

    /** The claim written before the copy is posted: the original's id only. */
    public static CommentLink intent(UUID linkId, ExternalSystem origin, String originalId, Instant at) {
        return origin == ExternalSystem.JIRA
                ? new CommentLink(linkId, origin, originalId, null, at)
                : new CommentLink(linkId, origin, null, originalId, at);
    }

    /** This link completed with the id of the copy. */
    public CommentLink withCopy(String copyId) {
        Objects.requireNonNull(copyId, "copyId");
        return origin == ExternalSystem.JIRA
                ? new CommentLink(linkId, origin, jiraCommentId, copyId, createdAt)
                : new CommentLink(linkId, origin, copyId, serviceNowJournalId, createdAt);
    }

    public Optional<String> idOn(ExternalSystem system) {
        return Optional.ofNullable(system == ExternalSystem.JIRA ? jiraCommentId : serviceNowJournalId);
    }

    public String originalId() {
        return idOn(origin).orElseThrow();
    }

    /** The copy's id; empty while the copy is being written or when a crash kept it from being recorded. */
    public Optional<String> copyId() {
        return idOn(SyncPair.ACTION_ITEMS.counterpart(origin));
    }

    private static String blankToNull(String id) {
        return id == null || id.isBlank() ? null : id;
    }
}
