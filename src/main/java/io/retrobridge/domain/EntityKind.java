package io.retrobridge.domain;

/** What a {@link Link} ties together across systems. */
public enum EntityKind {
    ACTION_ITEM,
    CHANGE_RECORD,
    ESCALATION
}
