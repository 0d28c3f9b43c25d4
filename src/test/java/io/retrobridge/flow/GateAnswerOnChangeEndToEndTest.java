package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.sandbox.servicenow.ServiceNowSeed.SeededRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The running connector with the shipped gates.yaml: a pipeline's question naming a change request, over HTTP, ends
 * as the decision field and one work note on that change in the ServiceNow simulator once the inbox is worked down;
 * the same question asked again adds nothing.
 */
class GateAnswerOnChangeEndToEndTest extends LiveSyncSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode evaluate(String changeNumber) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/gates/prod/evaluate"))
                .header("X-API-Key", "test-admin-key-0123456789").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"application\":\"payment-gateway\",\"version\":"
                        + "\"4.3.1\",\"environment\":\"production\",\"changeNumber\":\"" + changeNumber + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private List<Map<String, String>> workNotes(SeededRecord change) {
        return systems.servicenow.journal(change.sysId()).stream()
                .filter(e -> "work_notes".equals(e.get("element"))).toList();
    }

    @Test
    void aQuestionNamingAChangeEndsOnTheChangeOnceAndNotAgainForTheSameAnswer() throws Exception {
        SeededRecord change = systems.servicenow.seed().changeRequest(Map.of("short_description",
                "Payment gateway 4.3.1"));

        JsonNode answer = evaluate(change.number());
        assertThat(workNotes(change)).as("the caller does not wait for ServiceNow").isEmpty();
        drainAll();

        String decision = answer.get("decision").asText();
        assertThat(systems.servicenow.record("change_request", change.sysId()).orElseThrow().get("u_release_gate"))
                .startsWith(decision + " [rb-gate ").endsWith("Status: " + answer.get("statusUrl").asText());
        assertThat(workNotes(change)).singleElement().satisfies(note -> assertThat(note.get("value"))
                .contains("Release gate prod: " + decision, answer.get("reason").asText(),
                        "evaluation " + answer.get("evaluationId").asText()));
        assertThat(journal.forSubject(new ExternalRef(ExternalSystem.SERVICENOW, change.sysId()), 20))
                .anySatisfy(entry -> {
                    assertThat(entry.action()).isEqualTo(JournalAction.WROTE);
                    assertThat(entry.ruleIds()).containsExactly("gates-write");
                });

        evaluate(change.number());
        drainAll();

        assertThat(workNotes(change)).hasSize(1);
    }
}
