package io.retrobridge.servicenow;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ChangeState;
import io.retrobridge.sync.ChangeRequests;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Change requests read through the Table API: raw values, and the names of the assignment group and configuration
 * item dot-walked in the same request ({@code assignment_group.name}, {@code cmdb_ci.name}), so one read gives
 * everything the mirror shows.
 */
@Component
public class ServiceNowChangeRequests implements ChangeRequests {

    public static final String TABLE = "change_request";
    /** What one change read asks for; planned start and end are start_date and end_date, actual ones work_start/end. */
    static final List<String> FIELDS = List.of("number", "short_description", "type", "state", "risk", "impact",
            "assignment_group.name", "cmdb_ci.name", "start_date", "end_date", "work_start", "work_end", "close_code",
            "close_notes");

    private final ServiceNowClient servicenow;

    public ServiceNowChangeRequests(ServiceNowClient servicenow) {
        this.servicenow = servicenow;
    }

    @Override
    public Optional<ChangeRecord> read(String sysId) {
        return servicenow.find(TABLE, sysId, FIELDS).map(ServiceNowChangeRequests::changeOf);
    }

    @Override
    public boolean inScope(String sysId, String scopeQuery) {
        return servicenow.inScope(TABLE, sysId, scopeQuery);
    }

    /**
     * The change a Table API record holds.
     *
     * @throws IllegalArgumentException when its state is not one of the change model's (a customised instance): the
     *                                  mirror cannot say what it means
     */
    static ChangeRecord changeOf(ServiceNowRecord record) {
        String stateValue = record.text("state");
        ChangeState state = ChangeState.ofValue(stateValue).orElseThrow(() -> new IllegalArgumentException(
                "change " + record.text("number") + " (" + record.sysId() + ") is in state '" + stateValue
                        + "', which is not a state of the change model (New -5 ... Canceled 4)"));
        return new ChangeRecord(record.sysId(), record.text("number"), blankToNull(record.text("short_description")),
                blankToNull(record.text("type")), state, blankToNull(record.text("risk")),
                blankToNull(record.text("impact")), blankToNull(record.text("assignment_group.name")),
                blankToNull(record.text("cmdb_ci.name")), time(record, "start_date"), time(record, "end_date"),
                time(record, "work_start"), time(record, "work_end"), blankToNull(record.text("close_code")),
                blankToNull(record.text("close_notes")), record.updatedOn());
    }

    private static Instant time(ServiceNowRecord record, String field) {
        String text = record.text(field);
        return text.isBlank() ? null : GlideTime.parse(text);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
