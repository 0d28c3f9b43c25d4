package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.DeadLetter;
import io.retrobridge.sandbox.FaultPlan;
import io.retrobridge.sandbox.SandboxResponse;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.SandboxPair;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ServiceNow misbehaving while a Jira edit is carried over: short bursts of 5xx and a 429 are ridden out; a
 * refusal that retrying cannot cure (401, a 500 that never ends) parks the event with an error an admin can act
 * on, and replaying it through the admin API once the fault is gone applies it exactly once.
 */
class SyncFaultsTest extends LiveSyncSupport {

    private static final FaultPlan.Fault SERVER_ERROR = new FaultPlan.Respond(SandboxResponse.json(500,
            Map.of("error", Map.of("message", "Injected failure", "detail", "Transaction aborted"))));
    private static final FaultPlan.Fault UNAUTHORIZED = new FaultPlan.Respond(SandboxResponse.json(401,
            Map.of("error", Map.of("message", "User Not Authenticated", "detail", "Required to provide Auth information"))));

    @AfterEach
    void clearFaults() {
        systems.servicenow.faults().clear();
        systems.jira.workflow().clearRules();
    }

    @Test
    void aWorkflowThatDemandsAResolutionParksTheEventNamingTheFieldAndAReplayAfterTheFixApplies() {
        Item item = linkedItem("Retire the legacy gateway endpoint");
        systems.jira.workflow().requireFieldOn("Done", "resolution");
        systems.patchTask(item.sysId, "{\"state\":\"157\",\"close_code\":\"fix_applied\",\"close_notes\":\"Endpoint removed\"}");
        long parkedBefore = deadLetters.count();

        settle();

        assertThat(deadLetters.count() - parkedBefore).as("parked events").isEqualTo(1);
        JsonNode letter = SandboxPair.json(AdminApi.get(port, "/api/admin/dead-letters")).path("items").get(0);
        assertThat(letter.path("error").asText()).as("the error an admin reads")
                .contains("resolution").contains("Done").contains(item.issueId).contains("replay");
        assertThat(systems.jiraIssue(item.key).at("/fields/status/name").asText()).isNotEqualTo("Done");

        systems.jira.workflow().clearRules();
        AdminApi.post(port, "/api/admin/dead-letters/" + letter.path("id").asText() + "/replay");
        settle();

        assertThat(systems.jiraIssue(item.key).at("/fields/status/name").asText()).isEqualTo("Done");
        report("jira-transition-needs-resolution", 1, 1, 1, 0, 0);
    }

    @Test
    void aBurstOfServerErrorsIsRetriedAndTheEditAppliedOnce() {
        Item item = linkedItem("Shorten the gateway DNS TTL");
        systems.editJira(item.key, "{\"summary\":\"Shorten the gateway DNS TTL to 60 s\"}");
        systems.servicenow.faults().next(2, FaultPlan.on("PATCH", "/api/now/table"), SERVER_ERROR);
        long parked = deadLetters.count();

        Writes writes = settle();

        long injected = answered(500);
        assertThat(systems.task(item.sysId).get("short_description")).isEqualTo("Shorten the gateway DNS TTL to 60 s");
        assertThat(writes.servicenow()).as("successful ServiceNow writes").isEqualTo(1);
        assertThat(deadLetters.count()).isEqualTo(parked);
        report("servicenow-500x2", injected, 1, 0, writes.servicenow() - 1, 0);
        assertThat(injected).isEqualTo(2);
    }

    @Test
    void aRateLimitWithRetryAfterIsWaitedOutAndTheEditApplied() {
        Item item = linkedItem("Cap gateway retries per request");
        systems.editJira(item.key, "{\"summary\":\"Cap gateway retries at three per request\"}");
        systems.servicenow.rateLimitNext(1, 1);
        long started = System.nanoTime();

        Writes writes = settle();

        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(systems.task(item.sysId).get("short_description")).isEqualTo("Cap gateway retries at three per request");
        assertThat(writes.servicenow()).isEqualTo(1);
        assertThat(waitedMillis).as("waited for Retry-After: 1").isGreaterThanOrEqualTo(1000);
        report("servicenow-429-retry-after-1s", answered(429), 1, 0, writes.servicenow() - 1, 0);
    }

    @Test
    void aRateLimitWithoutRetryAfterWaitsTheFloorAndTheEditApplied() {
        Item item = linkedItem("Alert on gateway certificate expiry");
        systems.editJira(item.key, "{\"summary\":\"Alert 30 days before gateway certificates expire\"}");
        systems.servicenow.faults().rateLimitNext(2, null, null);

        Writes writes = settle();

        assertThat(systems.task(item.sysId).get("short_description")).isEqualTo("Alert 30 days before gateway certificates expire");
        assertThat(writes.servicenow()).isEqualTo(1);
        report("servicenow-429-no-retry-after", answered(429), 1, 0, writes.servicenow() - 1, 0);
        assertThat(answered(429)).isEqualTo(2);
    }

    @Test
    void aConnectionResetDuringTheWriteIsRunAgainAndAppliedOnce() {
        Item item = linkedItem("Drain gateway connections before deploys");
        systems.editJira(item.key, "{\"summary\":\"Drain gateway connections before every deploy\"}");
        systems.servicenow.faults().next(1, FaultPlan.on("PATCH", "/api/now/table"), new FaultPlan.DropConnection());
        long parked = deadLetters.count();

        Writes writes = settle();

        long reset = systems.servicenow.requests().all().stream().filter(e -> e.status() == 0).count();
        assertThat(systems.task(item.sysId).get("short_description")).isEqualTo("Drain gateway connections before every deploy");
        assertThat(writes.servicenow()).isEqualTo(1);
        assertThat(deadLetters.count()).isEqualTo(parked);
        report("servicenow-connection-reset", reset, 1, 0, writes.servicenow() - 1, 0);
        assertThat(reset).isEqualTo(1);
    }

    @Test
    void anAuthenticationFailureMidRunIsParkedReadablyAndAReplayAppliesItOnce() {
        Item item = linkedItem("Rotate the ServiceNow integration password");
        systems.editJira(item.key, "{\"summary\":\"Rotate the ServiceNow integration password monthly\"}");
        // Reading works, then the account is locked just before the write.
        systems.servicenow.faults().next(1, FaultPlan.on("PATCH", "/api/now/table"), UNAUTHORIZED);

        parkedThenReplayed("servicenow-401", item, "Rotate the ServiceNow integration password monthly", "401");
    }

    @Test
    void aServerErrorThatNeverEndsIsParkedAndAReplayAfterTheFixAppliesItOnce() {
        Item item = linkedItem("Split the gateway client module");
        systems.editJira(item.key, "{\"summary\":\"Split the gateway client into its own module\"}");
        systems.servicenow.faults().next(1_000, FaultPlan.on("PATCH", "/api/now/table"), SERVER_ERROR);

        parkedThenReplayed("servicenow-500-permanent", item, "Split the gateway client into its own module", "500");
    }

    private void parkedThenReplayed(String fault, Item item, String expected, String status) {
        long parkedBefore = deadLetters.count();
        long writesBefore = systems.servicenowWrites();
        settle();
        long injected = answered(Integer.parseInt(status));

        assertThat(deadLetters.count() - parkedBefore).as("parked events").isEqualTo(1);
        JsonNode letters = SandboxPair.json(AdminApi.get(port, "/api/admin/dead-letters"));
        JsonNode letter = letters.path("items").get(0);
        assertThat(letter.path("event").path("entityId").asText()).isEqualTo(item.issueId);
        assertThat(letter.path("error").asText()).as("the error an admin reads")
                .contains("ServiceNow").contains(status).contains("PATCH");
        assertThat(systems.task(item.sysId).get("short_description")).isNotEqualTo(expected);
        assertThat(systems.servicenowWrites()).isEqualTo(writesBefore);

        systems.servicenow.faults().clear();
        AdminApi.post(port, "/api/admin/dead-letters/" + letter.path("id").asText() + "/replay");
        Writes replayed = settle();
        int logged = systems.servicenow.requests().all().size();
        Writes again = pollAndSettle();
        java.util.List<String> writesAgain = systems.servicenow.requests().all().stream().skip(logged)
                .filter(e -> e.isWrite()).map(e -> e.method() + " " + e.path() + " " + e.body()).toList();

        DeadLetter stored = deadLetters.find(java.util.UUID.fromString(letter.path("id").asText())).orElseThrow();
        assertThat(stored.isReplayed()).isTrue();
        assertThat(systems.task(item.sysId).get("short_description")).isEqualTo(expected);
        assertThat(replayed.servicenow()).as("writes of the replay").isEqualTo(1);
        assertThat(again.servicenow()).as("writes after everything ran again: %s", writesAgain).isZero();
        assertThat(deadLetters.count() - parkedBefore).isEqualTo(1);
        report(fault, injected, 1, 1, replayed.servicenow() - 1, 0);
    }

    /** Requests ServiceNow answered with {@code status} during this test (the log is cleared per item). */
    private long answered(int status) {
        return systems.servicenow.requests().all().stream().filter(e -> e.status() == status).count();
    }

    private record Item(String key, String issueId, String sysId) {
    }

    /** A Jira action item already mirrored to ServiceNow, with the request log started afresh. */
    private Item linkedItem(String title) {
        String key = systems.createJiraItem(title);
        settle();
        String sysId = systems.taskTitled(title).get("sys_id");
        systems.servicenow.requests().clear();
        systems.jira.requests().clear();
        return new Item(key, jiraIdOf(key), sysId);
    }
}
