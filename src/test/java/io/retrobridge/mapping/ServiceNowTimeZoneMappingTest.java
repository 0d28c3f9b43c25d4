package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code servicenow.time-zone}: a Jira due date written through the mapping shows as the same day in the
 * ServiceNow sandbox set to that zone, and reads back as that day; a zone that does not exist is refused
 * at its line with a suggestion.
 */
class ServiceNowTimeZoneMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHIPPED_SETTING = "servicenow:\n  time-zone: UTC\n";
    private final HttpClient http = HttpClient.newHttpClient();
    private ServiceNowSandbox sandbox;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        sandbox = new ServiceNowSandbox(0, Clock.systemUTC()).start();
        sandbox.addUser("retrobridge.integration", "s3cret-pw", "itil");
        sandbox.seed().demo();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private ActionItemMapping mappingIn(String zone) {
        return MappingFiles.load(MappingFiles.shippedWith(SHIPPED_SETTING, "servicenow:\n  time-zone: " + zone + "\n"), dir)
                .actionItems();
    }

    private JsonNode send(String method, String pathAndQuery, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "retrobridge.integration:s3cret-pw".getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body()).get("result");
    }

    @ParameterizedTest(name = "{0}, due {1}")
    @CsvSource({
            "Europe/Berlin,       2026-12-01",
            "Europe/Berlin,       2026-03-29",
            "America/Los_Angeles, 2026-12-01",
            "America/Los_Angeles, 2026-11-01",
            "Pacific/Auckland,    2026-09-27",
            "Pacific/Auckland,    2026-04-05",
    })
    void aJiraDueDateShowsAsTheSameDayInServiceNowAndComesBack(String zone, String due) throws Exception {
        sandbox.timeZone(ZoneId.of(zone));
        ActionItemMapping mapping = mappingIn(zone);
        String table = "/api/now/table/" + mapping.serviceNowScope().table();
        JsonNode task = send("GET", table + "?sysparm_limit=1&sysparm_query=short_descriptionLIKEcanary", null).get(0);
        String sysId = task.get("sys_id").asText();
        ActionItem before = mapping.toCanonical(ExternalSystem.SERVICENOW, RecordJson.fields(task));
        ActionItem fromJira = new ActionItem(before.title(), before.description(), before.status(), before.priority(),
                before.assigneeEmail(), LocalDate.parse(due), before.labels(), before.components(), before.failureMode(),
                null);

        send("PATCH", table + "/" + sysId, RecordJson.json(mapping.toExternal(ExternalSystem.SERVICENOW, fromJira).fields()).toString());

        JsonNode shown = send("GET", table + "/" + sysId + "?sysparm_display_value=true&sysparm_fields=due_date", null);
        assertThat(shown.get("due_date").asText()).as("what a ServiceNow user in " + zone + " sees").startsWith(due + " ");
        JsonNode stored = send("GET", table + "/" + sysId + "?sysparm_fields=sys_id,"
                + String.join(",", mapping.fieldsToRead(ExternalSystem.SERVICENOW)), null);
        assertThat(mapping.toCanonical(ExternalSystem.SERVICENOW, RecordJson.fields(stored)).dueDate()).isEqualTo(LocalDate.parse(due));
    }

    @Test
    void withoutTheSettingDueDatesAreDaysInUtc() {
        ActionItemMapping mapping = MappingFiles.load(MappingFiles.shippedWith(SHIPPED_SETTING, ""), dir).actionItems();
        ActionItem item = new ActionItem("t", "", io.retrobridge.domain.ActionStatus.OPEN, io.retrobridge.domain.Priority.LOW,
                null, LocalDate.parse("2026-12-01"), java.util.Set.of(), java.util.Set.of(), null, null);

        assertThat(mapping.toExternal(ExternalSystem.SERVICENOW, item).fields().text("due_date"))
                .isEqualTo("2026-12-01 23:59:59");
    }

    @Test
    void aZoneThatDoesNotExistIsRefusedAtItsLineWithTheNearestName() {
        String content = MappingFiles.shippedWith(SHIPPED_SETTING, "servicenow:\n  time-zone: Europe/Berln\n");

        List<MappingProblem> problems = MappingFiles.problemsOf(MappingFiles.write(dir, content));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("servicenow.time-zone");
            assertThat(problem.line()).isEqualTo(MappingFiles.lineOf(content, "Europe/Berln"));
            assertThat(problem.message()).contains("`Europe/Berln` is not a time zone");
            assertThat(problem.fix()).contains("did you mean `Europe/Berlin`?");
        });
    }

    @Test
    void aZoneNothingResemblesGetsAnExampleInstead() {
        String content = MappingFiles.shippedWith(SHIPPED_SETTING, "servicenow:\n  time-zone: Central European\n");

        assertThat(MappingFiles.problemsOf(MappingFiles.write(dir, content))).singleElement()
                .satisfies(problem -> assertThat(problem.fix()).contains("Europe/Berlin"));
    }
}
