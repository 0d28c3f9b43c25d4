package io.retrobridge.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.RecordFields;
import io.retrobridge.mapping.RecordJson;
import io.retrobridge.mapping.text.JournalText;
import io.retrobridge.sync.CorrelationIds;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.PolledRecord;
import io.retrobridge.sync.SideGateway;
import io.retrobridge.sync.SideRecord;
import io.retrobridge.transport.UrlUserInfo;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    private static final int PAGE = 500;

    private final ServiceNowClient servicenow;
    /** Links go into ticket texts: never with the user info a base URL may carry. */
    private final URI browseBase;

    ServiceNowSide(ServiceNowClient servicenow, ServiceNowProperties properties) {
        this.servicenow = servicenow;
        this.browseBase = UrlUserInfo.without(properties.baseUrl());
    }

    @Override
    public ExternalSystem system() {
        return ExternalSystem.SERVICENOW;
    }

    /** servicenow:<table>:insert|update|delete from the business rule and servicenow:poll; the table may change. */
    @Override
    public Set<HandledKind> itemEventKinds() {
        return Set.of(HandledKind.startingWith("servicenow:").from(ExternalSystem.SERVICENOW));
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
    public RecordFields newRecordBody(RecordFields fields, String correlationId, ActionItemMapping mapping) {
        return fields.toBuilder().put(CORRELATION_FIELD, correlationId).build();
    }

    @Override
    public SideRecord create(RecordFields body, ActionItemMapping mapping) {
        // The answer carries the fields a read would, so no read follows the write (one request less per item);
        // should it lack some, the client reads the record back by the sys_id it named, never creating again.
        return record(servicenow.create(table(mapping), withUserSysIds(RecordJson.json(body), mapping),
                fieldsToRead(mapping)));
    }

    @Override
    public void update(String id, RecordFields fields, ActionItemMapping mapping) {
        ObjectNode resolved = withUserSysIds(RecordJson.json(fields), mapping);
        if (!resolved.isEmpty()) {
            servicenow.update(table(mapping), id, resolved);
        }
    }

    @Override
    public void addNote(String id, String text, ActionItemMapping mapping) {
        servicenow.addWorkNote(table(mapping), id, text);
    }

    /** The Table API query by correlation_id reads the table itself: a miss is conclusive at once. */
    @Override
    public Duration lookupSettleTime() {
        return Duration.ZERO;
    }

    @Override
    public List<SideRecord> readAllInScope(ActionItemMapping mapping, Collection<String> alsoRead) {
        Set<String> fields = new LinkedHashSet<>(mapping.fieldsToRead(ExternalSystem.SERVICENOW));
        fields.addAll(alsoRead);
        List<SideRecord> records = new ArrayList<>();
        for (ServiceNowRecord record : servicenow.allUpdatedSince(table(mapping), mapping.serviceNowScope().query(),
                Instant.EPOCH, List.copyOf(fields), PAGE)) {
            records.add(record(record));
        }
        return records;
    }

    @Override
    public String browseUrl(SideRecord record, ActionItemMapping mapping) {
        return browseBase.resolve("/nav_to.do?uri=" + table(mapping) + ".do%3Fsys_id%3D" + record.id()).toString();
    }

    /** A work note; ServiceNow has no mentions in journal fields, so nobody is mentioned. */
    @Override
    public Optional<String> addNotice(String id, String text, String mentionEmail, String mentionName,
            ActionItemMapping mapping) {
        servicenow.addWorkNote(table(mapping), id, JournalText.literal(text));
        return Optional.empty();
    }

    /** The Table API answers with the record, not the journal entry: the entry is found by its text. */
    @Override
    public Optional<String> findNotice(String id, String text, ActionItemMapping mapping) {
        String note = JournalText.literal(text).strip();
        List<JournalLine> lines = servicenow.journal(table(mapping), id);
        for (int i = lines.size() - 1; i >= 0; i--) {
            JournalLine line = lines.get(i);
            if (line.isWorkNote() && note.equals(line.value() == null ? "" : line.value().strip())) {
                return Optional.of(line.sysId());
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean assign(String id, String email, ActionItemMapping mapping) {
        Optional<String> userSysId = servicenow.userSysIdByEmail(email);
        if (userSysId.isEmpty()) {
            return false;
        }
        servicenow.update(table(mapping), id, JsonNodeFactory.instance.objectNode().put("assigned_to", userSysId.get()));
        return true;
    }

    /**
     * A person the mapping does not list comes as an e-mail: looked up in sys_user; nobody with that address
     * means the mapping's default (leave the field alone, or clear it) rather than a refused write.
     */
    private ObjectNode withUserSysIds(ObjectNode resolved, ActionItemMapping mapping) {
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
        return !(CorrelationIds.isMarker(record.fields().text(CORRELATION_FIELD))
                && servicenow.isIntegrationUser(record.fields().text(CREATED_BY)));
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
                record.updatedOn(), RecordJson.fields(record.fields()));
    }
}
