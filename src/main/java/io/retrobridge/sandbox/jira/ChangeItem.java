package io.retrobridge.sandbox.jira;

/** One line of an issue's changelog, as in a webhook's {@code changelog.items}; {@code toText} is sent as {@code toString}. */
record ChangeItem(String field, String fieldId, String from, String fromString, String to, String toText) {
}
