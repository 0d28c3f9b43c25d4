package io.retrobridge.flow.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.mapping.ActionItemMapping;
import java.io.IOException;
import java.util.Optional;

/**
 * Proof that a record was deleted: a delete notice from the system that deleted it, as the webhook intake stored
 * it after checking its signature ({@code jira:issue_deleted}, or {@code servicenow:<table>:delete} from the
 * business rule). Nothing else proves a deletion: a 404 on reading may only mean the integration account lost
 * sight of the record (a permission, issue-security level or ACL), and acting on it could cancel items in bulk.
 *
 * @param record     the deleted record
 * @param kind       the notice's event kind
 * @param displayKey what people called it (PAY-12, PTASK0010001), when the notice says; else the id
 */
public record DeletionNotice(ExternalRef record, String kind, String displayKey) {

    static final String JIRA_ISSUE_DELETED = "jira:issue_deleted";
    private static final String SERVICENOW_PREFIX = "servicenow:";
    private static final String SERVICENOW_DELETE = ":delete";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The notice an event carries; empty for every event that is not a delete notice. */
    public static Optional<DeletionNotice> of(InboundEvent event) {
        boolean delete = switch (event.source().name()) {
            case "JIRA" -> JIRA_ISSUE_DELETED.equals(event.kind());
            case "SERVICENOW" -> event.kind().startsWith(SERVICENOW_PREFIX) && event.kind().endsWith(SERVICENOW_DELETE);
            default -> false;
        };
        if (!delete) {
            return Optional.empty();
        }
        String key = displayKey(event).filter(k -> !k.isBlank()).orElse(event.entityId());
        return Optional.of(new DeletionNotice(event.entity(), event.kind(), key));
    }

    /** Whether this notice is about {@code subject}, a record of the mapping's own table or projects. */
    boolean proves(ExternalRef subject, ActionItemMapping mapping) {
        if (!record.equals(subject)) {
            return false;
        }
        return record.system() != ExternalSystem.SERVICENOW
                || kind.equals(SERVICENOW_PREFIX + mapping.serviceNowScope().table() + SERVICENOW_DELETE);
    }

    /** In words, for the journal: which notice proved it. */
    String describe() {
        return "a verified " + kind + " notice";
    }

    private static Optional<String> displayKey(InboundEvent event) {
        try {
            JsonNode body = JSON.readTree(event.payload());
            JsonNode key = event.source() == ExternalSystem.JIRA ? body.path("issue").path("key")
                    : body.path("record").path("number");
            return key.isTextual() ? Optional.of(key.asText()) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            // The intake read this body already; a stored event that cannot be read again is named by its id.
            return Optional.empty();
        }
    }
}
