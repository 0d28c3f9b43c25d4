package io.retrobridge.flow.changes;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.mapping.change.ChangeField;
import io.retrobridge.mapping.change.ChangeRecordsMapping;
import io.retrobridge.sync.ChangeIssues;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a change's mirror issue shows, as the mapping says: its summary, status, state label, the rows of its
 * "Change details" table and its custom fields. Equal projections mean nothing to write; that is how a repeated
 * poll, a webhook for a version already mirrored, or a change to a field the mirror does not show writes nothing.
 */
final class ChangeProjection {

    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> RISKS = Map.of("1", "Very High", "2", "High", "3", "Moderate", "4", "Low");
    private static final Map<String, String> IMPACTS = Map.of("1", "1 - High", "2", "2 - Medium", "3", "3 - Low");
    private static final Map<String, String> CLOSE_CODES = Map.of("successful", "Successful",
            "successful_issues", "Successful with issues", "unsuccessful", "Unsuccessful");

    private ChangeProjection() {
    }

    /** The projection; a value may be null (empty on the change), so it is a map that takes nulls. */
    static Map<String, String> of(ChangeRecord change, ChangeRecordsMapping mapping) {
        Map<String, String> projection = new TreeMap<>();
        List<String> summary = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (ChangeField field : ChangeField.values()) {
            String target = mapping.target(field).orElse(null);
            if (target == null) {
                continue;
            }
            switch (target) {
                case ChangeRecordsMapping.SUMMARY -> {
                    String raw = raw(change, field);
                    if (raw != null && !raw.isBlank()) {
                        summary.add(raw);
                    }
                }
                case ChangeRecordsMapping.DETAILS -> rows.add(field.label() + "\t" + shown(change, field));
                default -> projection.put(target, raw(change, field));
            }
        }
        projection.put(ChangeIssues.SUMMARY, summary.isEmpty() ? change.number() : String.join(": ", summary));
        projection.put(ChangeIssues.DETAILS, String.join("\n", rows));
        mapping.shown(change.state()).ifPresent(shown -> {
            shown.statusName().ifPresent(status -> projection.put(ChangeIssues.STATUS, status));
            shown.labelName().ifPresent(label -> projection.put(ChangeIssues.STATE_LABEL, label));
        });
        return projection;
    }

    /** The value as the change holds it (a time as ISO-8601), for the summary and custom fields; null when empty. */
    private static String raw(ChangeRecord change, ChangeField field) {
        return switch (field) {
            case NUMBER -> change.number();
            case SHORT_DESCRIPTION -> change.shortDescription();
            case TYPE -> change.type();
            case STATE -> change.state().label();
            case RISK -> change.risk();
            case IMPACT -> change.impact();
            case ASSIGNMENT_GROUP -> change.assignmentGroup();
            case CONFIGURATION_ITEM -> change.configurationItem();
            case PLANNED_START -> iso(change.plannedStart());
            case PLANNED_END -> iso(change.plannedEnd());
            case ACTUAL_START -> iso(change.actualStart());
            case ACTUAL_END -> iso(change.actualEnd());
            case CLOSE_CODE -> change.closeCode();
            case CLOSE_NOTES -> change.closeNotes();
        };
    }

    /** The value as a person reads it in the details table; "" when empty. */
    private static String shown(ChangeRecord change, ChangeField field) {
        String value = switch (field) {
            case TYPE -> change.type() == null ? null : capitalised(change.type());
            case RISK -> change.risk() == null ? null : RISKS.getOrDefault(change.risk(), change.risk());
            case IMPACT -> change.impact() == null ? null : IMPACTS.getOrDefault(change.impact(), change.impact());
            case PLANNED_START -> time(change.plannedStart());
            case PLANNED_END -> time(change.plannedEnd());
            case ACTUAL_START -> time(change.actualStart());
            case ACTUAL_END -> time(change.actualEnd());
            case CLOSE_CODE -> change.closeCode() == null ? null
                    : CLOSE_CODES.getOrDefault(change.closeCode(), change.closeCode());
            default -> raw(change, field);
        };
        // One row per line, a tab between title and value: a value keeps neither.
        return value == null ? "" : value.replace('\t', ' ').replace("\r\n", " ").replace('\n', ' ');
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String time(Instant instant) {
        return instant == null ? null : SHOWN_TIME.format(instant);
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
