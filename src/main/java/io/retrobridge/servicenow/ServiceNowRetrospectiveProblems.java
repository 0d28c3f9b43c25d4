package io.retrobridge.servicenow;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.mapping.text.JournalText;
import io.retrobridge.sync.RetrospectiveProblems;
import io.retrobridge.transport.UrlUserInfo;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Retrospectives' ServiceNow records (by default problems pointing at the change), marked with our correlation_id;
 * their action items are the problem tasks under them.
 */
@Component
class ServiceNowRetrospectiveProblems implements RetrospectiveProblems {

    static final String CHANGE_TABLE = "change_request";
    static final String TASK_TABLE = "problem_task";
    private static final String CREATED_BY = "sys_created_by";
    private static final int MOST_TASKS = 1000;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ServiceNowClient servicenow;
    /** Links go into record texts: never with the user info a base URL may carry. */
    private final URI browseBase;

    ServiceNowRetrospectiveProblems(ServiceNowClient servicenow, ServiceNowProperties properties) {
        this.servicenow = servicenow;
        this.browseBase = UrlUserInfo.without(properties.baseUrl());
    }

    @Override
    public Optional<String> changeSysId(String changeNumber) {
        return servicenow.findByNumber(CHANGE_TABLE, changeNumber, List.of("number")).map(ServiceNowRecord::sysId);
    }

    @Override
    public Optional<Problem> findOurs(String table, String marker) {
        return servicenow.findByCorrelationId(table, marker, List.of("number", CREATED_BY))
                .filter(r -> servicenow.isIntegrationUser(r.fields().path(CREATED_BY).asText(null)))
                .map(r -> problem(table, r.sysId(), r.fields().path("number").asText("")));
    }

    @Override
    public Optional<Problem> openFor(String table, String changeField, String changeSysId) {
        String query = EncodedQuery.query().eq(changeField, TableApiNames.sysId(changeSysId)).eq("active", "true")
                .build();
        return servicenow.allUpdatedSince(table, query, Instant.EPOCH, List.of("number", "sys_created_on"), 10)
                .stream().min(Comparator.comparing((ServiceNowRecord r) -> r.fields().path("sys_created_on").asText("")))
                .map(r -> problem(table, r.sysId(), r.fields().path("number").asText("")));
    }

    @Override
    public Problem open(String table, String shortDescription, String description, String changeField,
                        String changeSysId, String marker) {
        ObjectNode fields = JSON.objectNode();
        fields.put("short_description", shortDescription);
        fields.put("description", description);
        if (changeSysId != null) {
            fields.put(changeField, changeSysId);
        }
        fields.put(ServiceNowSide.CORRELATION_FIELD, marker);
        ServiceNowRecord created = servicenow.create(table, fields, List.of("number"));
        return problem(table, created.sysId(), created.fields().path("number").asText(""));
    }

    @Override
    public boolean noteJiraIssue(String table, String sysId, String text, String jiraUrl) {
        boolean noted = servicenow.journal(table, sysId).stream()
                .anyMatch(line -> line.isWorkNote() && line.value() != null && line.value().contains(jiraUrl));
        if (noted) {
            return false;
        }
        servicenow.addWorkNote(table, sysId, JournalText.literal(text));
        return true;
    }

    @Override
    public List<Task> tasksUnder(String sysId) {
        String query = EncodedQuery.query().eq("problem", TableApiNames.sysId(sysId)).build();
        // A task edited while it is read shows up twice; the later read stands.
        Map<String, ServiceNowRecord> bySysId = new LinkedHashMap<>();
        servicenow.allUpdatedSince(TASK_TABLE, query, Instant.EPOCH,
                List.of("number", "short_description", "state", "sys_created_on"), MOST_TASKS)
                .forEach(r -> bySysId.put(r.sysId(), r));
        return bySysId.values().stream()
                .sorted(Comparator.comparing((ServiceNowRecord r) -> r.fields().path("sys_created_on").asText(""))
                        .thenComparing(r -> r.fields().path("number").asText("")))
                .map(r -> new Task(r.sysId(), r.fields().path("number").asText(""),
                        r.fields().path("short_description").asText(""), r.fields().path("state").asText("")))
                .toList();
    }

    @Override
    public String browseUrl(String table, String sysId) {
        return browseBase.resolve("/nav_to.do?uri=" + table + ".do%3Fsys_id%3D" + sysId).toString();
    }

    private Problem problem(String table, String sysId, String number) {
        return new Problem(sysId, number.isEmpty() ? sysId : number, browseUrl(table, sysId));
    }
}
