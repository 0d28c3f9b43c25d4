package io.retrobridge.servicenow;

import io.retrobridge.sync.MajorIncidents;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Major incidents from the Table API's {@code incident} table: those whose {@code major_incident_state} is
 * {@code accepted} (the Major Incident Management plugin's field) and that name the change as the one that caused
 * them ({@code caused_by}) or as their change request ({@code rfc}). Without the plugin the field is unknown and
 * ServiceNow would drop the condition, so no incident is then taken for major unless the field says so.
 */
@Component
public class ServiceNowMajorIncidents implements MajorIncidents {

    static final String TABLE = "incident";
    static final String ACCEPTED = "accepted";
    private static final List<String> CHANGE_REFERENCES = List.of("caused_by", "rfc");
    private static final List<String> FIELDS = List.of("number", "major_incident_state");
    private static final int LIMIT = 100;

    private final ServiceNowClient client;

    public ServiceNowMajorIncidents(ServiceNowClient client) {
        this.client = client;
    }

    @Override
    public List<String> linkedTo(String changeSysId) {
        String sysId = TableApiNames.sysId(changeSysId);
        // Incident numbers grow with time, so ordering by number lists the oldest first.
        Set<String> numbers = new TreeSet<>();
        for (String reference : CHANGE_REFERENCES) {
            EncodedQuery query = EncodedQuery.query().eq(reference, sysId).eq("major_incident_state", ACCEPTED)
                    .orderBy("number");
            for (ServiceNowRecord incident : client.matching(TABLE, query, FIELDS, LIMIT)) {
                // Checked again: an instance without the field would have ignored that part of the query.
                if (ACCEPTED.equals(incident.text("major_incident_state"))) {
                    numbers.add(incident.text("number"));
                }
            }
        }
        return List.copyOf(numbers);
    }
}
