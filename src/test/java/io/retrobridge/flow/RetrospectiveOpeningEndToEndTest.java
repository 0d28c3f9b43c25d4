package io.retrobridge.flow;

import static io.retrobridge.flow.RetrospectiveTriggers.createChange;
import static io.retrobridge.flow.RetrospectiveTriggers.problemsMarked;
import static io.retrobridge.flow.RetrospectiveTriggers.queue;
import static io.retrobridge.flow.RetrospectiveTriggers.uniqueApplication;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.retro.RetrospectiveMarkers;
import io.retrobridge.retro.RetrospectiveOpener;
import io.retrobridge.retro.TriggerJson;
import io.retrobridge.sync.RetrospectiveStore;
import io.retrobridge.sync.WriteIntent;
import io.retrobridge.sync.WriteIntents;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.KeyedApi;
import io.retrobridge.testsupport.SandboxPair;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A queued retrospective trigger, worked off the inbox against both simulators: exactly one Jira issue and one
 * ServiceNow problem with their fields and links both ways, nothing more when the trigger comes again, and the
 * API showing it with its action items.
 */
class RetrospectiveOpeningEndToEndTest extends LiveSyncSupport {

    @Autowired
    RetrospectiveStore retrospectives;

    @Autowired
    WriteIntents intents;

    private String jiraBase() {
        return systems.jira.baseUrl().toString().replaceAll("/$", "");
    }

    private String serviceNowBase() {
        return systems.servicenow.baseUrl().toString().replaceAll("/$", "");
    }

    @Test
    void aQueuedTriggerOpensOneIssueAndOneProblemWithTheirFieldsAndLinksBothWays() {
        Map<String, String> change = createChange(systems, "Upgrade the payment gateway to 4.2");
        String application = uniqueApplication("payment-gateway");
        RetrospectiveTrigger trigger = RetrospectiveTriggers.forChange(change.get("number"), application);
        String marker = RetrospectiveMarkers.of(trigger.key());

        assertThat(queue(inbox, trigger)).isTrue();
        drainAll();

        List<Map<String, String>> problems = problemsMarked(systems, marker);
        assertThat(problems).hasSize(1);
        Map<String, String> problem = problems.get(0);
        String title = "Retrospective: " + application + " 4.2 in production (" + change.get("number") + ")";
        assertThat(problem.get("short_description")).isEqualTo(title);
        assertThat(problem.get("rfc")).isEqualTo(change.get("sys_id"));
        assertThat(problem.get("description")).isEqualTo("Opened by RetroBridge: change " + change.get("number")
                + " closed unsuccessful (rule failed-production-change, tier deep-dive).\nDue 2026-12-18.\n"
                + "Mandatory sections: Root cause, Action items.\nOptional sections: Lessons learned.\n"
                + "Raise each action item as a problem task under this record.");
        assertThat(problem.get("sys_created_by")).isEqualTo(SandboxPair.SYNC_USER);

        List<String> keys = systems.jira.issueKeysLabelled(marker);
        assertThat(keys).hasSize(1);
        String key = keys.get(0);
        JsonNode fields = issueFields(key);
        assertThat(fields.path("project").path("key").asText()).isEqualTo("PAY");
        assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Task");
        assertThat(fields.path("summary").asText()).isEqualTo(title);
        assertThat(fields.path("labels")).extracting(JsonNode::asText).containsExactlyInAnyOrder("retrospective", marker);
        JsonNode description = fields.path("description");
        String problemUrl = serviceNowBase() + "/nav_to.do?uri=problem.do%3Fsys_id%3D" + problem.get("sys_id");
        assertThat(description.path("content").get(1).toString()).isEqualTo("{\"type\":\"paragraph\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"ServiceNow record: \"},{\"type\":\"text\",\"text\":\""
                + problem.get("number") + "\",\"marks\":[{\"type\":\"link\",\"attrs\":{\"href\":\"" + problemUrl
                + "\"}}]}]}");
        assertThat(description.toString()).contains("\"type\":\"taskList\"", "Root cause (mandatory)",
                "Lessons learned (optional)", "No deployment events recorded.");

        String issueUrl = jiraBase() + "/browse/" + key;
        assertThat(systems.servicenow.journal(problem.get("sys_id")))
                .filteredOn(line -> "work_notes".equals(line.get("element")))
                .extracting(line -> line.get("value"))
                .containsExactly("Retrospective held in Jira " + key + ": " + issueUrl);

        Retrospective stored = retrospectives.findByKey(trigger.key()).orElseThrow();
        assertThat(stored.complete()).isTrue();
        assertThat(stored.jiraKey()).isEqualTo(key);
        assertThat(stored.serviceNowNumber()).isEqualTo(problem.get("number"));
        assertThat(stored.changeSysId()).isEqualTo(change.get("sys_id"));
        assertThat(stored.rfcNote()).isNull();
        assertThat(intents.openFor(marker)).as("every write announced is settled").isEmpty();
        assertThat(journal.forSubject(new ExternalRef(RetrospectiveOpener.SOURCE, trigger.key()), 20))
                .extracting(JournalEntry::action).contains(JournalAction.INTENT, JournalAction.WROTE);
    }

    @Test
    void aProblemPeopleOpenedForTheChangeAlreadyIsTheRetrospectivesRecordRatherThanASecondOne() {
        Map<String, String> change = createChange(systems, "Move the gateway to the new cluster");
        JsonNode opened = SandboxPair.json(systems.servicenowCall("POST", "/api/now/table/problem",
                "{\"short_description\":\"Gateway move caused timeouts\",\"rfc\":\"" + change.get("sys_id") + "\"}"))
                .path("result");
        RetrospectiveTrigger trigger = RetrospectiveTriggers.forChange(change.get("number"),
                uniqueApplication("payment-gateway"));

        queue(inbox, trigger);
        drainAll();

        Retrospective stored = retrospectives.findByKey(trigger.key()).orElseThrow();
        assertThat(stored.serviceNowSysId()).isEqualTo(opened.get("sys_id").asText());
        assertThat(stored.serviceNowNumber()).isEqualTo(opened.get("number").asText());
        assertThat(systems.servicenow.records("problem"))
                .filteredOn(p -> change.get("sys_id").equals(p.get("rfc"))).hasSize(1);
        assertThat(problemsMarked(systems, RetrospectiveMarkers.of(trigger.key()))).isEmpty();
        assertThat(systems.servicenow.journal(stored.serviceNowSysId()))
                .filteredOn(line -> "work_notes".equals(line.get("element"))).extracting(line -> line.get("value"))
                .containsExactly("Retrospective held in Jira " + stored.jiraKey() + ": " + jiraBase() + "/browse/"
                        + stored.jiraKey());
    }

    @Test
    void theSameTriggerQueuedAgainOrReplayedChangesNothing() {
        Map<String, String> change = createChange(systems, "Rotate the gateway certificates");
        RetrospectiveTrigger trigger = RetrospectiveTriggers.forChange(change.get("number"),
                uniqueApplication("payment-gateway"));
        String marker = RetrospectiveMarkers.of(trigger.key());
        queue(inbox, trigger);
        drainAll();
        Retrospective opened = retrospectives.findByKey(trigger.key()).orElseThrow();

        boolean queuedAgain = queue(inbox, trigger);
        Writes again = settle();
        assertThat(queue(inbox, trigger, "retro-open:replay:" + trigger.key())).isTrue();
        Writes replayed = settle();

        assertThat(queuedAgain).as("the same delivery is a duplicate").isFalse();
        assertThat(again).isEqualTo(new Writes(0, 0));
        assertThat(replayed).as("a replay reads, finds the retrospective complete, writes nothing").isEqualTo(new Writes(0, 0));
        assertThat(problemsMarked(systems, marker)).hasSize(1);
        assertThat(systems.jira.issueKeysLabelled(marker)).hasSize(1);
        assertThat(systems.servicenow.journal(opened.serviceNowSysId()))
                .filteredOn(line -> "work_notes".equals(line.get("element"))).hasSize(1);
        assertThat(retrospectives.findByKey(trigger.key())).contains(opened);
    }

    @Test
    void aTriggerForAChangeUnknownToServiceNowOpensTheIssueAndSaysWhyTheProblemHasNoRfc() {
        String unknown = "CHG9" + String.valueOf(System.nanoTime()).substring(0, 6);
        RetrospectiveTrigger trigger = RetrospectiveTriggers.forChange(unknown, uniqueApplication("ledger"));
        String marker = RetrospectiveMarkers.of(trigger.key());

        queue(inbox, trigger);
        drainAll();

        String why = "ServiceNow has no change_request numbered " + unknown + ", so its rfc is left empty";
        Map<String, String> problem = problemsMarked(systems, marker).get(0);
        assertThat(problem.get("rfc")).isNullOrEmpty();
        assertThat(problem.get("description")).contains("It points at no change: " + why + ".");
        List<String> keys = systems.jira.issueKeysLabelled(marker);
        assertThat(keys).hasSize(1);
        assertThat(issueFields(keys.get(0)).get("description").get("content").get(2).toString())
                .isEqualTo("{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"It points at no change: "
                        + why + ".\"}]}");
        Retrospective stored = retrospectives.findByKey(trigger.key()).orElseThrow();
        assertThat(stored.rfcNote()).isEqualTo(why);
        assertThat(stored.complete()).isTrue();

        JsonNode shown = KeyedApi.json(api().get("/api/retrospectives/" + stored.id(), AdminApi.ADMIN_KEY));
        assertThat(shown.path("retrospective").path("serviceNow").path("rfcNote").asText()).isEqualTo(why);
        assertThat(shown.path("retrospective").path("serviceNow").path("changeSysId").isNull()).isTrue();
    }

    @Test
    void aRunCutOffAfterTheProblemWasMadeGoesOnAfterARestartWithoutASecondProblem() {
        Map<String, String> change = createChange(systems, "Move the gateway to the new cluster");
        RetrospectiveTrigger trigger = RetrospectiveTriggers.forChange(change.get("number"),
                uniqueApplication("payment-gateway"));
        String marker = RetrospectiveMarkers.of(trigger.key());
        // What a process killed right after the problem's create leaves: the row, the announced create, the problem.
        retrospectives.open(trigger, "problem", Instant.now());
        WriteIntent announced = intents.announce(JournalEntry.of(Instant.now(), null,
                new ExternalRef(RetrospectiveOpener.SOURCE, trigger.key()), JournalAction.INTENT,
                "about to create the ServiceNow problem of retrospective " + trigger.key(), List.of("test"), null),
                WriteIntent.Operation.CREATE, ExternalSystem.SERVICENOW, null, marker);
        String madeBeforeTheCrash = SandboxPair.json(systems.servicenowCallAs(SandboxPair.SYNC_USER,
                SandboxPair.SYNC_PASSWORD, "POST", "/api/now/table/problem", "{\"short_description\":\"cut off\","
                        + "\"correlation_id\":\"" + marker + "\"}")).path("result").path("sys_id").asText();

        queue(inbox, trigger);
        drainAll();

        assertThat(problemsMarked(systems, marker)).extracting(p -> p.get("sys_id")).containsExactly(madeBeforeTheCrash);
        assertThat(systems.jira.issueKeysLabelled(marker)).hasSize(1);
        Retrospective stored = retrospectives.findByKey(trigger.key()).orElseThrow();
        assertThat(stored.serviceNowSysId()).isEqualTo(madeBeforeTheCrash);
        assertThat(stored.complete()).isTrue();
        assertThat(intents.openFor(marker)).isEmpty();
        assertThat(journal.forSubject(new ExternalRef(RetrospectiveOpener.SOURCE, trigger.key()), 20))
                .anySatisfy(entry -> {
                    assertThat(entry.summary()).contains("had landed although its answer was lost");
                    assertThat(entry.detail()).isEqualTo("settles intent " + announced.journalId());
                });
    }

    @Test
    void theApiListsItFilteredAndShowsOneWithBothRecordsAndItsActionItems() {
        Map<String, String> change = createChange(systems, "Switch the gateway's card vault");
        String application = uniqueApplication("card-vault");
        RetrospectiveTrigger trigger = RetrospectiveTriggers.forChange(change.get("number"), application);
        queue(inbox, trigger);
        drainAll();
        Retrospective stored = retrospectives.findByKey(trigger.key()).orElseThrow();
        String actionTitle = "Add a canary stage before the vault switch " + application;
        String taskId = SandboxPair.json(systems.servicenowCall("POST", "/api/now/table/problem_task",
                "{\"short_description\":" + SandboxPair.quote(actionTitle) + ",\"problem_task_type\":\"general\","
                        + "\"problem\":\"" + stored.serviceNowSysId() + "\"}")).path("result").path("sys_id").asText();
        settle();

        HttpResponse<String> listed = api().get("/api/retrospectives?application=" + application, AdminApi.ADMIN_KEY);
        JsonNode page = KeyedApi.json(listed);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(page.path("total").asLong()).isEqualTo(1);
        JsonNode item = page.path("items").get(0);
        assertThat(item.path("id").asText()).isEqualTo(stored.id().toString());
        assertThat(item.path("trigger").path("rule").asText()).isEqualTo("failed-production-change");
        assertThat(item.path("trigger").path("reason").asText()).isEqualTo(trigger.reason());
        assertThat(item.path("jira").path("key").asText()).isEqualTo(stored.jiraKey());
        assertThat(item.path("jira").path("url").asText()).isEqualTo(jiraBase() + "/browse/" + stored.jiraKey());
        assertThat(item.path("serviceNow").path("number").asText()).isEqualTo(stored.serviceNowNumber());
        assertThat(item.path("serviceNow").path("url").asText()).isEqualTo(serviceNowBase()
                + "/nav_to.do?uri=problem.do%3Fsys_id%3D" + stored.serviceNowSysId());
        assertThat(item.path("complete").asBoolean()).isTrue();
        assertThat(KeyedApi.json(api().get("/api/retrospectives?application=" + application + "&since="
                + Instant.now().plusSeconds(60), AdminApi.ADMIN_KEY)).path("total").asLong()).isZero();

        JsonNode detail = KeyedApi.json(api().get("/api/retrospectives/" + stored.id(), AdminApi.ADMIN_KEY));
        assertThat(detail.path("actionItems")).hasSize(1);
        JsonNode action = detail.path("actionItems").get(0);
        assertThat(action.path("shortDescription").asText()).isEqualTo(actionTitle);
        assertThat(action.path("url").asText()).endsWith("problem_task.do%3Fsys_id%3D" + taskId);
        String jiraKey = systems.jiraKeyTitled(actionTitle);
        assertThat(action.path("jira").path("key").asText()).isEqualTo(jiraKey);
        assertThat(action.path("jira").path("url").asText()).isEqualTo(jiraBase() + "/browse/" + jiraKey);
    }

    @Test
    void aPayloadThatIsNoTriggerIsParkedWithItsReasonAndOpensNothing() {
        long parkedBefore = deadLetters.count();
        long retrospectivesBefore = retrospectives.count(null, null);
        inbox.accept(InboundEvent.received(RetrospectiveOpener.SOURCE,
                TriggerJson.KIND, "change:CHG0000000", "retro-open:malformed", Instant.now(),
                "{\"key\":\"change:CHG0000000\"}"));

        Writes writes = settle();

        assertThat(writes).isEqualTo(new Writes(0, 0));
        assertThat(deadLetters.count() - parkedBefore).isEqualTo(1);
        assertThat(deadLetters.list(0, 1).get(0).error()).contains("not a retrospective trigger");
        assertThat(retrospectives.count(null, null)).isEqualTo(retrospectivesBefore);
    }

    @Test
    void theApiNeedsAKeyAndRefusesBadInputWithAReason() {
        assertThat(api().get("/api/retrospectives", null).statusCode()).isEqualTo(401);
        KeyedApi.assertError(api().get("/api/retrospectives?since=yesterday", AdminApi.ADMIN_KEY), 400,
                "since 'yesterday' is not an ISO-8601 instant");
        KeyedApi.assertError(api().get("/api/retrospectives?limit=0", AdminApi.ADMIN_KEY), 400,
                "limit must be between 1 and 500");
        KeyedApi.assertError(api().get("/api/retrospectives/not-an-id", AdminApi.ADMIN_KEY), 400,
                "id 'not-an-id' is not an id like");
        KeyedApi.assertError(api().get("/api/retrospectives/3f2b8c1e-5d4a-4b7e-9c2d-1a2b3c4d5e6f",
                AdminApi.ADMIN_KEY), 404, "There is no retrospective 3f2b8c1e-5d4a-4b7e-9c2d-1a2b3c4d5e6f");
    }

    private static JsonNode issueFields(String key) {
        return SandboxPair.json(systems.jiraCall("GET", "/rest/api/3/issue/" + key, null)).get("fields");
    }

    private KeyedApi api() {
        return new KeyedApi(port);
    }
}
