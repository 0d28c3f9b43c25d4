package io.retrobridge.flow;

/** What the connector wrote to each system while the inbox was worked down. */
record Writes(long jira, long servicenow) {
}
