package io.retrobridge.mapping;

import java.util.Map;

/**
 * Where the classification is written on each side. Keys are {@code scope}, {@code kind},
 * {@code release-phase} and {@code rule}.
 *
 * @param jiraLabelPrefixes  labels written to Jira, e.g. {@code scope -> "scope:"} gives {@code scope:training}
 * @param jiraFields         Jira fields written with the plain value
 * @param servicenowFields   ServiceNow fields written with the plain value
 */
public record WriteBack(Map<String, String> jiraLabelPrefixes, Map<String, String> jiraFields,
                        Map<String, String> servicenowFields) {

    public static final java.util.List<String> PARTS = java.util.List.of("scope", "kind", "release-phase", "rule");

    public WriteBack {
        jiraLabelPrefixes = Map.copyOf(jiraLabelPrefixes);
        jiraFields = Map.copyOf(jiraFields);
        servicenowFields = Map.copyOf(servicenowFields);
    }
}
