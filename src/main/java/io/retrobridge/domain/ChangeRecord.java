package io.retrobridge.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A ServiceNow change request as RetroBridge knows it: the fields people plan, approve and review a release by.
 * Values are ServiceNow's raw values (the Table API's {@code value}), references by their display value.
 *
 * @param sysId             the record's sys_id
 * @param number            e.g. CHG0030001
 * @param type              {@code normal}, {@code standard} or {@code emergency}
 * @param state             the change model state
 * @param risk              ServiceNow's risk value (2 high, 3 moderate, 4 low); null when unset
 * @param impact            1 high, 2 medium, 3 low; null when unset
 * @param assignmentGroup   the group's name; null when unassigned
 * @param configurationItem the affected CI's name (the application or service); null when none
 * @param closeCode         e.g. {@code successful}, {@code successful_issues}, {@code unsuccessful}; null while open
 * @param updatedAt         sys_updated_on
 */
public record ChangeRecord(String sysId, String number, String shortDescription, String type, ChangeState state,
                           String risk, String impact, String assignmentGroup, String configurationItem,
                           Instant plannedStart, Instant plannedEnd, Instant actualStart, Instant actualEnd,
                           String closeCode, String closeNotes, Instant updatedAt) {

    public ChangeRecord {
        RecordArguments.identifier(sysId, "sysId");
        RecordArguments.identifier(number, "number");
        RecordArguments.required(state, "state");
        RecordArguments.required(updatedAt, "updatedAt");
    }

    public boolean emergency() {
        return "emergency".equalsIgnoreCase(type);
    }

    public boolean standard() {
        return "standard".equalsIgnoreCase(type);
    }

    /** The close code, once the change has one. */
    public Optional<String> closed() {
        return Optional.ofNullable(closeCode).filter(code -> !code.isBlank());
    }

    /** When the change ended: its actual end, else its last update once closed or canceled. */
    public Optional<Instant> endedAt() {
        if (actualEnd != null) {
            return Optional.of(actualEnd);
        }
        return state.ended() ? Optional.of(updatedAt) : Optional.empty();
    }
}
