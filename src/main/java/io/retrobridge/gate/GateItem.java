package io.retrobridge.gate;

import java.util.Objects;

/**
 * Something an answer points at, with what a caller needs to link to it.
 *
 * @param ruleId           the rule that found it
 * @param kind             an action item, or a retrospective as a whole
 * @param reference        the link id of an action item, the key of a retrospective
 * @param title            the action item's title, or how the retrospective is named
 * @param jiraKey          null when there is no Jira issue
 * @param serviceNowNumber null when there is no ServiceNow record
 */
public record GateItem(String ruleId, Kind kind, String reference, String title, String jiraKey,
                       String serviceNowNumber) {

    public GateItem {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
    }

    public enum Kind { ACTION_ITEM, RETROSPECTIVE }

    static GateItem of(String ruleId, FollowUp item) {
        return new GateItem(ruleId, Kind.ACTION_ITEM, item.linkId(), item.title(), item.jiraKey(),
                item.serviceNowNumber());
    }

    static GateItem of(String ruleId, RetrospectiveFacts retrospective) {
        return new GateItem(ruleId, Kind.RETROSPECTIVE, retrospective.key(), "retrospective of "
                + retrospective.name(), retrospective.jiraKey(), retrospective.serviceNowNumber());
    }
}
