package io.retrobridge.servicenow;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.domain.PirSummaryText;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.TextFormat;
import io.retrobridge.mapping.pir.PirMetric;
import io.retrobridge.mapping.pir.PirMetricsMapping;
import io.retrobridge.sync.PirRecords;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A PIR summary on the ServiceNow change request, where the mapping's {@code destinations.servicenow} says: one work
 * note per release, written with the first complete figures (journal entries cannot be edited, so later collections
 * leave it and update the rest), the latest
 * summary in the summary field, an appendix to the close notes replaced on each collection, and each metric's line in
 * its field. All field writes, and the note when it is due, go in one PATCH.
 *
 * <p>The note starts with a marker line naming the release. Before writing it the change's journal is searched for
 * that marker, so a crash between the write and remembering it does not give the change a second note.
 */
@Component
public class ServiceNowPirRecords implements PirRecords {

    static final String TABLE = "change_request";
    static final String CLOSE_NOTES = "close_notes";
    static final String WORK_NOTES = "work_notes";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ServiceNowClient servicenow;
    private final CurrentMappings mappings;

    public ServiceNowPirRecords(ServiceNowClient servicenow, CurrentMappings mappings) {
        this.servicenow = servicenow;
        this.mappings = mappings;
    }

    @Override
    public ExternalSystem system() {
        return ExternalSystem.SERVICENOW;
    }

    /** @return the note's marker once the change carries the note; empty until then or when the mapping asks for none */
    @Override
    public Optional<String> write(ChangeRecord change, PirSummary summary, PirMetricsMapping mapping,
                                  Optional<String> previousNote) {
        PirMetricsMapping.ServiceNowDestination to = mapping.destinations() == null ? null
                : mapping.destinations().servicenow();
        if (to == null) {
            return Optional.empty();
        }
        String plain = PirSummaryText.plain(summary);
        ObjectNode fields = JSON.objectNode();
        if (present(to.summaryField())) {
            fields.put(to.summaryField(), plain);
        }
        metricLines(summary, mapping).forEach(fields::put);
        if (to.closeNotes()) {
            String current = servicenow.find(TABLE, change.sysId(), List.of(CLOSE_NOTES))
                    .map(record -> record.text(CLOSE_NOTES)).orElseGet(() -> Optional.ofNullable(change.closeNotes())
                            .orElse(""));
            String replaced = CloseNotesAppendix.replace(current, plain);
            if (!replaced.equals(current)) {
                fields.put(CLOSE_NOTES, replaced);
            }
        }
        String marker = PirSummaryText.marker(summary.key());
        Optional<String> note = previousNote;
        // The note cannot be edited later, so it waits for complete figures; until then the field and the appendix,
        // which can, say what is missing.
        if (to.workNote() && summary.complete() && previousNote.isEmpty()) {
            if (!noted(change.sysId(), marker)) {
                fields.put(WORK_NOTES, PirWorkNote.of(marker, summary, journalHtml()));
            }
            note = Optional.of(marker);
        }
        if (!fields.isEmpty()) {
            servicenow.update(TABLE, change.sysId(), fields);
        }
        return to.workNote() ? note : Optional.empty();
    }

    /** Each metric's line for the change field the mapping names for it; metrics without figures are left out. */
    private static Map<String, String> metricLines(PirSummary summary, PirMetricsMapping mapping) {
        Map<String, PirSummary.MetricRow> rows = summary.metrics().stream()
                .collect(Collectors.toMap(PirSummary.MetricRow::id, Function.identity(), (first, second) -> first));
        Map<String, String> lines = new java.util.LinkedHashMap<>();
        for (PirMetric metric : mapping.metrics()) {
            PirSummary.MetricRow row = rows.get(metric.id());
            if (present(metric.serviceNowField()) && row != null) {
                lines.put(metric.serviceNowField(), PirSummaryText.metricLine(row));
            }
        }
        return lines;
    }

    /** Whether our account already wrote this release's note on the change. */
    private boolean noted(String changeSysId, String marker) {
        return servicenow.journal(TABLE, changeSysId).stream()
                .anyMatch(line -> line.isWorkNote() && PirWorkNote.carries(line.value(), marker)
                        && servicenow.isIntegrationUser(line.createdBy()));
    }

    /** Journal HTML where action-item copies are written as HTML (the instance renders it), else plain text. */
    private boolean journalHtml() {
        return mappings.actionItems().comments().serviceNowText() == TextFormat.HTML;
    }

    private static boolean present(String field) {
        return field != null && !field.isBlank();
    }
}
