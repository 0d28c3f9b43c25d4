package io.retrobridge.mapping;

import io.retrobridge.mapping.change.ChangeRecordsMapping;
import io.retrobridge.mapping.retro.RetrospectivesMapping;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.gate.GatePolicy;
import io.retrobridge.mapping.pir.PirMetricsMapping;
import io.retrobridge.mapping.team.TeamsMapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A complete, valid set of mapping files. Immutable, so a running service can swap in a new one on
 * reload and keep the old one when the new files are refused.
 *
 * @param files       the files read, relative to {@code dir}
 * @param escalations    what {@code escalations.yaml} says; empty when the folder has no such file (nothing escalates)
 * @param changeRecords  what {@code change-records.yaml} says; empty when there is none (no change is mirrored)
 * @param retrospectives what {@code retrospectives.yaml} says; empty when there is none (no retrospective opens by
 *                       itself)
 * @param pirMetrics     what {@code pir-metrics.yaml} says; empty when there is none (no PIR figures are collected)
 * @param gates          what {@code gates.yaml} says; empty when there is none (no deployment gate policy)
 * @param teams          what {@code teams.yaml} says; empty when there is none (the reports have no teams)
 */
public record LoadedMappings(Path dir, List<String> files, ActionItemsDefinition actionItemsDefinition,
                             ActionItemMapping actionItems, Optional<EscalationPolicy> escalations,
                             Optional<ChangeRecordsMapping> changeRecords,
                             Optional<RetrospectivesMapping> retrospectives,
                             Optional<PirMetricsMapping> pirMetrics, Optional<GatePolicy> gates,
                             Optional<TeamsMapping> teams) {

    public LoadedMappings {
        files = List.copyOf(files);
        escalations = escalations == null ? Optional.empty() : escalations;
        changeRecords = changeRecords == null ? Optional.empty() : changeRecords;
        retrospectives = retrospectives == null ? Optional.empty() : retrospectives;
        pirMetrics = pirMetrics == null ? Optional.empty() : pirMetrics;
        gates = gates == null ? Optional.empty() : gates;
        teams = teams == null ? Optional.empty() : teams;
    }

    /** A set without {@code teams.yaml}. */
    public LoadedMappings(Path dir, List<String> files, ActionItemsDefinition actionItemsDefinition,
                          ActionItemMapping actionItems, Optional<EscalationPolicy> escalations,
                          Optional<ChangeRecordsMapping> changeRecords, Optional<RetrospectivesMapping> retrospectives,
                          Optional<PirMetricsMapping> pirMetrics, Optional<GatePolicy> gates) {
        this(dir, files, actionItemsDefinition, actionItems, escalations, changeRecords, retrospectives, pirMetrics,
                gates, Optional.empty());
    }

    /** Classification rules across all files (the default of each rule set not counted). */
    public int ruleCount() {
        return actionItemsDefinition.classification().rules().size();
    }

    /**
     * "4 files, 5 rules, 2 escalation ladders, 3 review boards, 6 retrospective rules": what is loaded, for logs and
     * the CLI.
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        parts.add(count(files.size(), "file"));
        parts.add(count(ruleCount(), "rule"));
        escalations.ifPresent(policy -> {
            parts.add(count(policy.ladders().size(), "escalation ladder"));
            parts.add(count(policy.boards().size(), "review board"));
        });
        retrospectives.ifPresent(criteria -> parts.add(count(criteria.rules().size(), "retrospective rule")));
        pirMetrics.ifPresent(pir -> parts.add(count(pir.metrics().size(), "PIR metric")));
        gates.ifPresent(policy -> parts.add(count(policy.tiers().size(), "gate tier")));
        teams.ifPresent(owners -> parts.add(count(owners.teams().size(), "team")));
        return String.join(", ", parts);
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
