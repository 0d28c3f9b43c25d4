/**
 * Converts rich text between Jira (ADF, wiki markup), ServiceNow (HTML journal entries, plain strings)
 * and RetroBridge's canonical text, a small Markdown subset. Look converters up with
 * {@link io.retrobridge.mapping.text.TextConverters#byName(String)}.
 */
package io.retrobridge.mapping.text;
