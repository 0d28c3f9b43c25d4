package io.retrobridge.servicenow;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.RecordJson;
import io.retrobridge.mapping.escalation.BoardQueue;
import io.retrobridge.mapping.text.JournalText;
import io.retrobridge.sync.BoardQueueGateway;
import io.retrobridge.sync.SideRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Board tickets as records of the board's table, given to its assignment group and marked with our correlation_id. */
@Component
class ServiceNowBoardQueues implements BoardQueueGateway {

    static final String CLOSED_COMPLETE = "3";
    private static final String GROUP_TABLE = "sys_user_group";
    private static final String CREATED_BY = "sys_created_by";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ServiceNowClient servicenow;
    /** Group name -> sys_id; groups are not renamed often, and a wrong cache entry only fails one write (400). */
    private final Map<String, String> groupIds = new ConcurrentHashMap<>();

    ServiceNowBoardQueues(ServiceNowClient servicenow) {
        this.servicenow = servicenow;
    }

    @Override
    public ExternalSystem system() {
        return ExternalSystem.SERVICENOW;
    }

    @Override
    public SideRecord open(BoardQueue queue, String title, String body, String marker) {
        ObjectNode fields = JSON.objectNode();
        fields.put("short_description", title);
        fields.put("description", body);
        fields.put("assignment_group", groupSysId(queue.assignmentGroup()));
        fields.put(ServiceNowSide.CORRELATION_FIELD, marker);
        ServiceNowRecord created = servicenow.create(queue.table(), fields);
        // The create answers with the fields written; the number ServiceNow gave it is read back.
        String number = servicenow.find(queue.table(), created.sysId(), List.of("number"))
                .map(r -> r.fields().path("number").asText("")).filter(n -> !n.isEmpty()).orElse(created.sysId());
        return new SideRecord(created.sysId(), number, created.updatedOn(), RecordJson.fields(created.fields()));
    }

    @Override
    public Optional<SideRecord> findOurs(BoardQueue queue, String marker) {
        return servicenow.findByCorrelationId(queue.table(), marker, List.of("number", CREATED_BY))
                .filter(r -> servicenow.isIntegrationUser(r.fields().path(CREATED_BY).asText(null)))
                .map(r -> new SideRecord(r.sysId(), r.fields().path("number").asText(r.sysId()), r.updatedOn(),
                        RecordJson.fields(r.fields())));
    }

    @Override
    public void rewrite(BoardQueue queue, String id, String title, String body) {
        ObjectNode fields = JSON.objectNode();
        fields.put("short_description", title);
        fields.put("description", body);
        servicenow.update(queue.table(), id, fields);
    }

    @Override
    public void resolve(BoardQueue queue, String id, String note) {
        servicenow.addWorkNote(queue.table(), id, JournalText.literal(note));
        ObjectNode close = JSON.objectNode();
        close.put("state", CLOSED_COMPLETE);
        close.put("close_notes", note);
        servicenow.update(queue.table(), id, close);
    }

    /** The assignment group's sys_id, looked up by its exact name (an escaped query, never spliced). */
    private String groupSysId(String name) {
        String cached = groupIds.get(name);
        if (cached != null) {
            return cached;
        }
        List<ServiceNowRecord> found = servicenow.allUpdatedSince(GROUP_TABLE, EncodedQuery.query().eq("name", name)
                .build(), Instant.EPOCH, List.of("name"), 2);
        if (found.size() != 1) {
            throw new UnknownBoardGroupException(name, found.size());
        }
        groupIds.put(name, found.get(0).sysId());
        return found.get(0).sysId();
    }

    /** The policy names an assignment group ServiceNow does not have (or has twice): no retry can cure that. */
    static final class UnknownBoardGroupException extends IllegalArgumentException {
        UnknownBoardGroupException(String name, int found) {
            super(found == 0
                    ? "ServiceNow has no assignment group named '" + name + "'; create it, or correct the board's "
                            + "assignment-group in escalations.yaml, then replay this dead letter"
                    : "ServiceNow has " + found + " assignment groups named '" + name + "'; rename one so the board's "
                            + "queue is unambiguous, then replay this dead letter");
        }
    }
}
