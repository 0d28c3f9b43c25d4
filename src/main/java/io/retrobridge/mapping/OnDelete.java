package io.retrobridge.mapping;

/**
 * What happens to the surviving record when its counterpart is deleted, once the deletion is proven (a verified
 * delete notice from the system that deleted it). A record that merely cannot be read is never taken for deleted.
 */
public enum OnDelete {
    /** Set the survivor to cancelled, which people can undo. */
    CANCEL,
    /** Add a comment (Jira) or work note (ServiceNow) to the survivor saying its counterpart was deleted. */
    COMMENT,
    /** Change nothing; the deletion is only journalled. */
    LEAVE;

    /** What a mapping without {@code on-delete} means: nothing is changed on the surviving side. */
    public static final OnDelete DEFAULT = LEAVE;

    /** How mapping files spell it. */
    public String yaml() {
        return YamlName.of(this);
    }
}
