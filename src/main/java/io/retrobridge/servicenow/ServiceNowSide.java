package io.retrobridge.servicenow;

import io.retrobridge.sync.CorrelationIds;
import io.retrobridge.sync.PolledRecord;
import io.retrobridge.sync.SideGateway;
import io.retrobridge.sync.SideRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.servicenow.ServiceNowClient;
import io.retrobridge.servicenow.ServiceNowRecord;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** ServiceNow as the flow sees it: records of the mapping's table, marked with our correlation_id. */
@Component
public class ServiceNowSide implements SideGateway {

    public static final String CORRELATION_FIELD = "correlation_id";
    private static final String CREATED_BY = "sys_created_by";

    private final ServiceNowClient servicenow;

    ServiceNowSide(ServiceNowClient servicenow) {
        this.servicenow = servicenow;
    }

    @Override
    public ExternalSystem system() {
        return ExternalSystem.SERVICENOW;
    }

    @Override
    public Optional<SideRecord> read(String id, ActionItemMapping mapping) {
        return servicenow.find(table(mapping), id, fieldsToRead(mapping)).map(ServiceNowSide::record);
    }

    @Override
    public Optional<SideRecord> findByDisplayKey(String displayKey, ActionItemMapping mapping) {
        return servicenow.findByNumber(table(mapping), displayKey, fieldsToRead(mapping)).map(ServiceNowSide::record);
    }

    @Override
    public Optional<SideRecord> findByCorrelation(String correlationId, ActionItemMapping mapping) {
        return servicenow.findByCorrelationId(table(mapping), correlationId, fieldsToRead(mapping))
                .map(ServiceNowSide::record);
    }

    /** One query per page of ids: {@code correlation_idIN...}, each id checked as any encoded-query value. */
    @Override
    public Map<String, String> idsByCorrelation(Collection<String> correlationIds, ActionItemMapping mapping) {
        return servicenow.sysIdsByCorrelationIds(table(mapping), correlationIds);
    }

    @Override
    public Optional<PolledRecord> polled(String kind, String payload, ActionItemMapping mapping) {
        return PolledRecords.read(kind, payload, scopeOf(mapping), fieldsToRead(mapping));
    }

    /** What a poll was read through: the table and the mapping's encoded query. */
    static String scopeOf(ActionItemMapping mapping) {
        String query = mapping.serviceNowScope().query();
        return table(mapping) + "?" + (query == null ? "" : query);
    }

    @Override
    public ObjectNode newRecordBody(ObjectNode fields, String correlationId, ActionItemMapping mapping) {
        ObjectNode create = fields.deepCopy();
        create.put(CORRELATION_FIELD, correlationId);
        return create;
    }

    @Override
    public SideRecord create(ObjectNode body, ActionItemMapping mapping) {
        // The answer carries the fields a read would, so no read follows the write (one request less per item);
        // should it lack some, the client reads the record back by the sys_id it named, never creating again.
        return record(servicenow.create(table(mapping), withUserSysIds(body, mapping), fieldsToRead(mapping)));
    }

    @Override
    public void update(String id, ObjectNode fields, ActionItemMapping mapping) {
        ObjectNode resolved = withUserSysIds(fields, mapping);
        if (!resolved.isEmpty()) {
            servicenow.update(table(mapping), id, resolved);
        }
    }

    @Override
    public void addNote(String id, String text, ActionItemMapping mapping) {
        servicenow.addWorkNote(table(mapping), id, text);
    }

    /**
     * A person the mapping does not list comes as an e-mail: looked up in sys_user; nobody with that address
     * means the mapping's default (leave the field alone, or clear it) rather than a refused write.
     */
    private ObjectNode withUserSysIds(ObjectNode payload, ActionItemMapping mapping) {
        ObjectNode resolved = payload.deepCopy();
        for (String field : ServiceNowClient.DEFAULT_USER_REFERENCE_FIELDS) {
            JsonNode value = resolved.get(field);
            if (value == null || !value.isTextual() || !value.asText().contains("@")) {
                continue;
            }
            Optional<String> sysId = servicenow.userSysIdByEmail(value.asText());
            if (sysId.isPresent()) {
                resolved.put(field, sysId.get());
            } else if (mapping.clearsUnknownAssignee()) {
                resolved.put(field, "");
            } else {
                resolved.remove(field);
            }
        }
        return resolved;
    }

    /**
     * Whether a record not linked yet is an action item to mirror. A notification may be about any record of
     * the table, so the mapping's encoded query is asked of ServiceNow (the poll's query holds it already; the
     * question then costs one small read per new item). A record carrying our correlation_id is one we created
     * as the copy of a Jira issue: without a link it is the copy of a create whose link write has not happened
     * (yet, or ever, after a crash), and it is the origin's event that links it. Taking it for a new item would
     * mirror it back to Jira as a duplicate.
     */
    @Override
    public boolean inScope(SideRecord record, ActionItemMapping mapping) {
        return inScopeAsPolled(record, mapping)
                && servicenow.inScope(table(mapping), record.id(), mapping.serviceNowScope().query());
    }

    /** The poll's query held the scope: what is left is whether the record is a copy of ours, asked of nobody. */
    @Override
    public boolean inScopeAsPolled(SideRecord record, ActionItemMapping mapping) {
        // Anyone can fill in correlation_id: a marker counts only on a record the integration user created.
        return !(CorrelationIds.isMarker(record.fields().path(CORRELATION_FIELD).asText(null))
                && servicenow.isIntegrationUser(record.fields().path(CREATED_BY).asText(null)));
    }

    private static String table(ActionItemMapping mapping) {
        return mapping.serviceNowScope().table();
    }

    static List<String> fieldsToRead(ActionItemMapping mapping) {
        Set<String> fields = new LinkedHashSet<>(mapping.fieldsToRead(ExternalSystem.SERVICENOW));
        fields.addAll(List.of("number", CORRELATION_FIELD, CREATED_BY));
        return List.copyOf(fields);
    }

    static SideRecord record(ServiceNowRecord record) {
        return new SideRecord(record.sysId(), record.fields().path("number").asText(record.sysId()),
                record.updatedOn(), record.fields());
    }
}
