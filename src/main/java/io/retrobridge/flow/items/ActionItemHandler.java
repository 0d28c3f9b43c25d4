package io.retrobridge.flow.items;

import io.retrobridge.domain.InboundEvent;
import io.retrobridge.flow.comments.CommentSync;
import io.retrobridge.flow.writes.IntentSweep;
import io.retrobridge.sync.EventHandler;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.InboxOutcome;
import io.retrobridge.sync.SideGateway;
import io.retrobridge.sync.SyncResult;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The events about an action item: the item is synced, then its comments. Every change notice a side's intake
 * produces (webhook or poll, deletions included: each side names its kinds), a write intent left open by a crash, a
 * record that became readable again, and the comments of an item just created.
 */
@Component
public class ActionItemHandler implements EventHandler {

    /** Besides what the sides' intake produces: the sync's own follow-ups about an item. */
    private static final Set<HandledKind> FOLLOW_UPS = Set.of(
            HandledKind.named(IntentSweep.KIND),
            HandledKind.named(UnreadableRecheck.KIND),
            // the comments of an item created from a record that already had some, copied once the link is stored
            HandledKind.named(CommentSync.AFTER_CREATE_KIND));

    private final Set<HandledKind> kinds;
    private final ActionItemSync sync;
    private final CommentSync comments;

    public ActionItemHandler(ActionItemSync sync, CommentSync comments, List<SideGateway> sides) {
        Set<HandledKind> taken = new LinkedHashSet<>(FOLLOW_UPS);
        sides.forEach(side -> taken.addAll(side.itemEventKinds()));
        this.kinds = Set.copyOf(taken);
        this.sync = sync;
        this.comments = comments;
    }

    @Override
    public Set<HandledKind> takes() {
        return kinds;
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
