package io.retrobridge.mapping.change;

/**
 * What {@code change-records.yaml} says: which ServiceNow change requests are mirrored into Jira, where, and how
 * their fields map.
 */
public record ChangeRecordsMapping() {

    public static final String FILE_NAME = "change-records.yaml";
}
