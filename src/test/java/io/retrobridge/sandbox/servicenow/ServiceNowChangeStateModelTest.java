package io.retrobridge.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sandbox.SandboxJson;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceNowChangeStateModelTest extends SandboxTestSupport {

    @ParameterizedTest(name = "{0} change: {1} -> {2}")
    @CsvSource({
            "normal, -5, -4", "normal, -4, -3", "normal, -3, -2", "normal, -2, -1", "normal, -1, 0", "normal, 0, 3",
            "normal, -4, -5", "emergency, -5, -3", "standard, -5, -2",
            "normal, -5, 4", "normal, -1, 4", "standard, 0, 4"})
    void allowedMovesAreWritten(String type, String from, String to) throws Exception {
        String change = change(type, from);

        HttpResponse<String> answer = patch("/api/now/table/change_request/" + change,
                "{\"state\":\"" + to + "\",\"short_description\":\"Moved\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(sandbox.record("change_request", change).orElseThrow())
                .containsEntry("state", to).containsEntry("short_description", "Moved");
    }

    @ParameterizedTest(name = "{0} change: {1} -> {2}")
    @CsvSource({
            "normal, -5, 3, New, Closed", "normal, -5, -2, New, Scheduled", "normal, -4, -1, Assess, Implement",
            "emergency, -5, -4, New, Assess", "standard, -5, -4, New, Assess", "normal, 3, -5, Closed, New",
            "normal, 4, -1, Canceled, Implement", "normal, 3, 4, Closed, Canceled", "normal, -1, -5, Implement, New"})
    void movesTheModelDoesNotAllowAreRefusedAndChangeNothing(String type, String from, String to, String fromLabel,
            String toLabel) throws Exception {
        String change = change(type, from);
        Map<String, String> before = sandbox.record("change_request", change).orElseThrow();

        HttpResponse<String> answer = put("/api/now/table/change_request/" + change,
                "{\"state\":\"" + to + "\",\"short_description\":\"Moved\"}");

        assertThat(answer.statusCode()).isEqualTo(403);
        JsonNode body = SandboxJson.parse(answer.body());
        assertThat(body.get("status").asText()).isEqualTo("failure");
        assertThat(body.get("error").get("message").asText()).isEqualTo("Operation Failed");
        assertThat(body.get("error").get("detail").asText())
                .isEqualTo("Invalid state transition from " + fromLabel + " to " + toLabel);
        assertThat(sandbox.record("change_request", change).orElseThrow()).isEqualTo(before);
    }

    private String change(String type, String state) {
        return sandbox.seed().changeRequest(Map.of("short_description", "Rotate certificates", "type", type,
                "state", state)).sysId();
    }
}
