package io.retrobridge.flow.items;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.flow.comments.CommentSync;
import io.retrobridge.flow.writes.IntentSweep;
import io.retrobridge.sync.EventHandler;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.InboxOutcome;
import io.retrobridge.sync.SyncResult;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The events about an action item: the item is synced, then its comments. Every change notice of Jira and
 * ServiceNow (webhook or poll, deletions included), a write intent left open by a crash, and a record that became
 * readable again.
 */
@Component
public class ActionItemHandler implements EventHandler {

    private static final Set<HandledKind> KINDS = Set.of(
            // jira:issue_created, jira:issue_updated, jira:issue_deleted, jira:poll
            HandledKind.startingWith("jira:").from(ExternalSystem.JIRA),
            HandledKind.named("comment_created").from(ExternalSystem.JIRA),
            HandledKind.named("comment_updated").from(ExternalSystem.JIRA),
            // servicenow:<table>:insert|update|delete, servicenow:poll; the table is the mapping's, which may change
            HandledKind.startingWith("servicenow:").from(ExternalSystem.SERVICENOW),
            HandledKind.named(IntentSweep.KIND),
            // the comments of an item created from a record that already had some, copied once the link is stored
            HandledKind.named(CommentSync.AFTER_CREATE_KIND),
            HandledKind.named(UnreadableRecheck.KIND));

    private final ActionItemSync sync;
    private final CommentSync comments;

    public ActionItemHandler(ActionItemSync sync, CommentSync comments) {
        this.sync = sync;
        this.comments = comments;
    }

    @Override
    public Set<HandledKind> takes() {
        return KINDS;
    }

    @Override
    public SyncResult handle(InboundEvent event) {
        SyncResult result = sync.process(event);
        // After the item, so a newly created item's comments follow it in the same event.
        int copied = comments.syncCommentsOf(event, result.created());
        if (copied > 0) {
            result = new SyncResult(InboxOutcome.APPLIED, result.reason() + "; copied " + copied + " comment(s)");
        }
        return result;
    }

    /** The journal entries and link updates of an item commit with the event's outcome. */
    @Override
    public Recording recording() {
        return Recording.WITH_THE_OUTCOME;
    }
}
