package io.retrobridge.servicenow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.retrobridge.transport.OutboundRequest;
import io.retrobridge.transport.OutboundResponse;
import io.retrobridge.transport.RemoteCallException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what the Table API answers: the {@code result} of a body, records with their audit columns,
 * the paging headers, and the reason in a {@code {"error":{"message","detail"},"status":"failure"}} body.
 * An answer that does not have the promised shape becomes a {@link RemoteCallException}, never a
 * half-read record.
 */
final class TableApiAnswers {

    private static final Pattern NEXT_LINK = Pattern.compile(";\\s*rel\\s*=\\s*\"?next\"?", Pattern.CASE_INSENSITIVE);

    private final String system;
    private final ObjectMapper json;

    TableApiAnswers(String system, ObjectMapper json) {
        this.system = system;
        this.json = json;
    }

    /** The {@code result} member of a successful answer. */
    JsonNode result(OutboundRequest request, OutboundResponse response) {
        JsonNode result = parse(response.body()).map(body -> body.get("result")).orElse(null);
        if (result == null || result.isNull()) {
            throw RemoteCallException.forUnusableAnswer(system, request, response.status(), "its body has no result");
        }
        return result;
    }

    /**
     * One record of a result, keeping only the fields the caller asked for; sys_id, sys_updated_on and
     * sys_mod_count must be there, they are what every sync decision rests on.
     */
    ServiceNowRecord record(OutboundRequest request, OutboundResponse response, JsonNode node, Collection<String> asked) {
        if (node == null || !node.isObject()) {
            throw RemoteCallException.forUnusableAnswer(system, request, response.status(), "its result is not a record");
        }
        String sysId = raw(node.get("sys_id"));
        if (!TableApiNames.isSysId(sysId)) {
            throw RemoteCallException.forUnusableAnswer(system, request, response.status(),
                    "a record in it has no sys_id");
        }
        Instant updatedOn = instant(raw(node.get("sys_updated_on"))).orElseThrow(() ->
                RemoteCallException.forUnusableAnswer(system, request, response.status(),
                        "record " + sysId + " has no readable sys_updated_on"));
        int modCount;
        try {
            modCount = Integer.parseInt(raw(node.get("sys_mod_count")));
        } catch (NumberFormatException e) {
            throw RemoteCallException.forUnusableAnswer(system, request, response.status(),
                    "record " + sysId + " has no readable sys_mod_count");
        }
        ObjectNode fields = json.createObjectNode();
        for (String name : asked) {
            JsonNode value = node.get(name);
            if (value != null) {
                fields.set(name, plain(value));
            }
        }
        return new ServiceNowRecord(sysId, updatedOn, modCount, fields);
    }

    /** The sys_id a result names, "" when it names none (or is not a record). */
    String sysIdOf(JsonNode result) {
        return result != null && result.isObject() ? raw(result.get("sys_id")) : "";
    }

    /** A journal entry of {@code sys_journal_field}. */
    JournalLine journalLine(OutboundRequest request, OutboundResponse response, JsonNode node) {
        String sysId = raw(node.get("sys_id"));
        Instant createdOn = instant(raw(node.get("sys_created_on"))).orElseThrow(() ->
                RemoteCallException.forUnusableAnswer(system, request, response.status(),
                        "journal entry " + sysId + " has no readable sys_created_on"));
        return new JournalLine(sysId, raw(node.get("element")), raw(node.get("value")), createdOn,
                raw(node.get("sys_created_by")));
    }

    /**
     * Whether there is a page after this one: the {@code Link} header's {@code rel="next"} when the
     * instance sent one, else {@code X-Total-Count}, else whether the page came back full.
     */
    static boolean hasMore(OutboundResponse response, int offset, int returned, int limit) {
        if (returned == 0) {
            return false; // nothing more can be read from here on, whatever the headers say
        }
        Optional<String> link = response.header("Link");
        if (link.isPresent()) {
            return NEXT_LINK.matcher(link.get()).find();
        }
        Optional<Long> total = response.header("X-Total-Count").flatMap(TableApiAnswers::number);
        if (total.isPresent()) {
            return (long) offset + returned < total.get();
        }
        return returned >= limit;
    }

    /**
     * ServiceNow's own words for a failure: {@code error.message}, with {@code error.detail} when it
     * adds something; null when the body is not ServiceNow's error shape (e.g. a proxy's HTML page).
     */
    String errorReason(OutboundResponse response) {
        JsonNode error = parse(response.body()).map(body -> body.get("error")).orElse(null);
        if (error == null || !error.isObject()) {
            return null;
        }
        String message = raw(error.get("message"));
        String detail = raw(error.get("detail"));
        if (message.isEmpty()) {
            return detail.isEmpty() ? null : detail;
        }
        return detail.isEmpty() || detail.equals(message) ? message : message + " - " + detail;
    }

    private Optional<JsonNode> parse(String body) {
        try {
            return Optional.ofNullable(json.readTree(body));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    /**
     * A field value as the Table API gives it raw: a string. Should an instance ignore
     * {@code sysparm_exclude_reference_link} and send {@code {"link","value"}}, the sys_id is kept.
     */
    private static JsonNode plain(JsonNode value) {
        if (value.isObject() && value.has("value")) {
            return TextNode.valueOf(value.get("value").asText());
        }
        return value;
    }

    private static String raw(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return plain(value).asText();
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(GlideTime.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
