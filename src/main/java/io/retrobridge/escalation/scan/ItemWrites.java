package io.retrobridge.escalation.scan;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.SyncPair;
import io.retrobridge.escalation.EscalationSubject;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.CanonicalField;
import io.retrobridge.mapping.FieldRule;
import io.retrobridge.mapping.RecordFields;
import io.retrobridge.sync.CommentLink;
import io.retrobridge.sync.CommentLinkStore;
import io.retrobridge.sync.SideGateway;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an escalation writes on the action item itself: reminders (a Jira comment mentioning the owner and a
 * ServiceNow work note), re-assignments (on the side that owns the assignee) and the state markers (a Jira label,
 * a ServiceNow field), all through the sides' ports.
 */
final class ItemWrites {

    private final Map<ExternalSystem, SideGateway> sides = new HashMap<>();
    private final CommentLinkStore comments;
    private final Clock clock;

    ItemWrites(List<SideGateway> sides, CommentLinkStore comments, Clock clock) {
        sides.forEach(side -> this.sides.put(side.system(), side));
        this.comments = comments;
        this.clock = clock;
    }

    /**
     * The reminder on every side the item exists on. Both are recorded as one comment and its copy, so the comment
     * sync does not copy either across a second time.
     *
     * @return the refs written to
     */
    List<ExternalRef> remind(ScannedItem item, String text, ActionItemMapping mapping) {
        List<ExternalRef> written = new ArrayList<>();
        EscalationSubject subject = item.subject();
        String issueId = subject.ids().get(ExternalSystem.JIRA);
        String sysId = subject.ids().get(ExternalSystem.SERVICENOW);
        Optional<CommentLink> claim = Optional.empty();
        if (issueId != null) {
            Optional<String> comment = sides.get(ExternalSystem.JIRA).addNotice(issueId, text,
                    subject.item().assigneeEmail(), subject.ownerName(), mapping);
            written.add(new ExternalRef(ExternalSystem.JIRA, issueId));
            if (sysId != null && comment.isPresent()) {
                CommentLink intent = CommentLink.intent(item.link().id(), ExternalSystem.JIRA, comment.get(), clock.instant());
                claim = comments.recordIntent(intent) ? Optional.of(intent) : Optional.empty();
            }
        }
        if (sysId != null) {
            SideGateway servicenow = sides.get(ExternalSystem.SERVICENOW);
            servicenow.addNotice(sysId, text, null, null, mapping);
            written.add(new ExternalRef(ExternalSystem.SERVICENOW, sysId));
            claim.ifPresent(intent -> servicenow.findNotice(sysId, text, mapping)
                    .ifPresent(journalId -> comments.record(intent.withCopy(journalId))));
        }
        return written;
    }

    /**
     * Assigns the item to {@code email} on the side the mapping lets own the assignee (the sync carries it over),
     * with a note there saying why.
     */
    ExternalRef reassign(ScannedItem item, String email, String text, ActionItemMapping mapping) {
        EscalationSubject subject = item.subject();
        FieldRule rule = mapping.fieldRules().get(CanonicalField.ASSIGNEE);
        ExternalSystem owner = rule != null && rule.owner() != null ? rule.owner() : ExternalSystem.SERVICENOW;
        if (!subject.ids().containsKey(owner)) {
            owner = SyncPair.ACTION_ITEMS.counterpart(owner);
        }
        String id = subject.ids().get(owner);
        SideGateway side = sides.get(owner);
        if (!side.assign(id, email, mapping)) {
            throw new IllegalArgumentException((owner == ExternalSystem.SERVICENOW ? "ServiceNow has no active user"
                    : "Jira has no user") + " with e-mail " + email + " to re-assign " + subject.preferredKey()
                    + " to; correct the step's reassign address in escalations.yaml, then replay this dead letter");
        }
        side.addNotice(id, text, null, null, mapping);
        return new ExternalRef(owner, id);
    }

    /** Gives the item's Jira issue these labels, adding and removing only what differs; empty when it has none. */
    Optional<ExternalRef> relabelJira(ScannedItem item, Set<String> wanted, ActionItemMapping mapping) {
        String issueId = item.subject().ids().get(ExternalSystem.JIRA);
        if (issueId == null) {
            return Optional.empty();
        }
        List<String> add = wanted.stream().filter(l -> !item.jiraLabels().contains(l)).sorted().toList();
        List<String> remove = item.jiraLabels().stream().filter(l -> !wanted.contains(l)).sorted().toList();
        sides.get(ExternalSystem.JIRA).changeLabels(issueId, add, remove, mapping);
        return Optional.of(new ExternalRef(ExternalSystem.JIRA, issueId));
    }

    /** Sets one field of the item's ServiceNow record; empty when it has none. */
    Optional<ExternalRef> setServiceNowField(ScannedItem item, String field, String value, ActionItemMapping mapping) {
        String sysId = item.subject().ids().get(ExternalSystem.SERVICENOW);
        if (sysId == null) {
            return Optional.empty();
        }
        sides.get(ExternalSystem.SERVICENOW).update(sysId, RecordFields.of(field, value), mapping);
        return Optional.of(new ExternalRef(ExternalSystem.SERVICENOW, sysId));
    }
}
