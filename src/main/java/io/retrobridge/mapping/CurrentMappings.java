package io.retrobridge.mapping;

import io.retrobridge.mapping.change.ChangeRecordsMapping;
import io.retrobridge.mapping.retro.RetrospectivesMapping;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.gate.GatePolicy;
import io.retrobridge.mapping.pir.PirMetricsMapping;
import io.retrobridge.mapping.team.TeamsMapping;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The mapping in force. Callers ask for it per event and use that one immutable value throughout, so
 * a reload never changes the rules half-way through a sync. Only a valid set of files replaces it.
 */
public final class CurrentMappings {

    private final AtomicReference<LoadedMappings> current;

    public CurrentMappings(LoadedMappings initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial));
    }

    public LoadedMappings get() {
        return current.get();
    }

    public ActionItemMapping actionItems() {
        return current.get().actionItems();
    }

    /**
     * The escalation policy in force, read per scan like the action-item mapping; empty when the mappings
     * folder has no {@code escalations.yaml} (escalation is off).
     */
    public Optional<EscalationPolicy> escalations() {
        return current.get().escalations();
    }

    /** How change requests are mirrored into Jira; empty when the folder has no {@code change-records.yaml}. */
    public Optional<ChangeRecordsMapping> changeRecords() {
        return current.get().changeRecords();
    }

    /** Which releases need a retrospective; empty when the folder has no {@code retrospectives.yaml}. */
    public Optional<RetrospectivesMapping> retrospectives() {
        return current.get().retrospectives();
    }

    /** What PIR figures are collected and where they go; empty when the folder has no {@code pir-metrics.yaml}. */
    public Optional<PirMetricsMapping> pirMetrics() {
        return current.get().pirMetrics();
    }

    /** The deployment gate policy; empty when the folder has no {@code gates.yaml}. */
    public Optional<GatePolicy> gates() {
        return current.get().gates();
    }

    /** Which team owns which application, for the reports; empty when the folder has no {@code teams.yaml}. */
    public Optional<TeamsMapping> teams() {
        return current.get().teams();
    }

    /** Puts a newly loaded (hence valid) set in force; answers the one it replaced. */
    public LoadedMappings replace(LoadedMappings next) {
        return current.getAndSet(Objects.requireNonNull(next));
    }
}
