package io.retrobridge.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.retro.RetrospectiveOpener;
import io.retrobridge.retro.TriggerJson;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.testsupport.SandboxPair;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Retrospective triggers as the inclusion criteria queue them, and the records they should open in the simulators. */
final class RetrospectiveTriggers {

    static final LocalDate DUE = LocalDate.of(2026, 12, 18);

    private RetrospectiveTriggers() {
    }

    static RetrospectiveTrigger forChange(String changeNumber, String application) {
        return new RetrospectiveTrigger("change:" + changeNumber, "failed-production-change", "deep-dive",
                List.of("root-cause", "action-items"), List.of("lessons-learned"),
                "change " + changeNumber + " closed unsuccessful", application, "production", "4.2", changeNumber,
                "payments", DUE, Instant.now(), List.of("change:" + changeNumber));
    }

    /** Queues the trigger; false when the inbox had a delivery with this dedup key already. */
    static boolean queue(EventInbox inbox, RetrospectiveTrigger trigger, String dedupKey) {
        return inbox.accept(InboundEvent.received(RetrospectiveOpener.SOURCE, TriggerJson.KIND, trigger.key(), dedupKey,
                Instant.now(), TriggerJson.write(trigger)));
    }

    static boolean queue(EventInbox inbox, RetrospectiveTrigger trigger) {
        return queue(inbox, trigger, "retro-open:" + trigger.key());
    }

    /** A change request made by a person in ServiceNow: its number and sys_id. */
    static Map<String, String> createChange(SandboxPair systems, String shortDescription) {
        JsonNode created = SandboxPair.json(systems.servicenowCall("POST", "/api/now/table/change_request",
                "{\"short_description\":" + SandboxPair.quote(shortDescription) + ",\"type\":\"normal\"}"))
                .path("result");
        return Map.of("number", created.get("number").asText(), "sys_id", created.get("sys_id").asText());
    }

    /** Problems carrying the marker as their correlation_id. */
    static List<Map<String, String>> problemsMarked(SandboxPair systems, String marker) {
        return systems.servicenow.records("problem").stream().filter(p -> marker.equals(p.get("correlation_id")))
                .toList();
    }

    static String uniqueApplication(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
