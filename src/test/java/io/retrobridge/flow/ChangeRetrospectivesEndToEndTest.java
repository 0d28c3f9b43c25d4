package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.retro.RetrospectiveMarkers;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.testsupport.SandboxPair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Change requests moved through their states in the ServiceNow simulator by Table API calls, read by the change
 * poller and judged by the shipped {@code retrospectives.yaml} once closed: each is mirrored into the CHG project, and
 * a change closed unsuccessful, an emergency change and a change that caused a major incident each open exactly one
 * retrospective (a failed deployment carrying the change adds none), while a standard change that succeeded opens
 * none.
 */
class ChangeRetrospectivesEndToEndTest extends ReleaseRetrospectivesSupport {

    private static final AtomicInteger CASES = new AtomicInteger();
    private static final String WORK = ",\"work_start\":\"2026-12-10 08:05:00\",\"work_end\":\"2026-12-10 09:10:00\"";

    @Autowired
    LinkStore links;

    @Test
    void aChangeClosedUnsuccessfulIsMirroredAndOpensOneDeepDiveWhoseTimelineShowsItsMovesAndDeployments() {
        String app = uniqueApplication("payment-gateway");
        String title = "Upgrade " + app + " to 4.2.0";
        Map<String, String> change = createChange("normal", title);
        String number = change.get("number");
        pollChanges();
        for (String state : List.of("-4", "-3", "-2", "-1")) {
            move(change, "{\"state\":\"" + state + "\"}");
        }
        // While the change is implemented the pipeline deploys it: to staging, then to production.
        ObjectNode staging = carrying(number, deployment(app, "4.2.0", app + "-s", "success", "2026-12-10T08:06:00Z",
                "2026-12-10T08:09:30Z"));
        staging.put("environment", "staging");
        assertThat(report(staging).statusCode()).isEqualTo(202);
        assertThat(report(carrying(number, deployment(app, "4.2.0", app + "-p", "success", "2026-12-10T08:12:00Z",
                "2026-12-10T08:20:15Z"))).statusCode()).isEqualTo(202);
        settle();
        assertThat(listedRetrospectives("change:" + number)).as("a successful deployment opens none").isEmpty();
        move(change, "{\"state\":\"0\"" + WORK + "}");

        move(change, "{\"state\":\"3\",\"close_code\":\"unsuccessful\",\"close_notes\":\"Backed out: card payments"
                + " failed\"}");

        JsonNode mirror = onlyMirrorOf(change);
        assertThat(mirror.path("summary").asText()).isEqualTo(number + ": " + title);
        assertThat(mirror.path("status").path("name").asText()).isEqualTo("Done");
        String key = "change:" + number;
        String reason = "normal change " + number + " closed unsuccessful";
        JsonNode listed = onlyListed(key);
        assertThat(listed.path("trigger").path("rule").asText()).isEqualTo("change-failed");
        assertThat(listed.path("trigger").path("tier").asText()).isEqualTo("deep-dive");
        assertThat(listed.path("trigger").path("reason").asText()).isEqualTo(reason);
        assertThat(listed.path("changeNumber").asText()).isEqualTo(number);
        assertThat(listed.path("due").asText()).as("5 business days after Thursday's actual end").isEqualTo("2026-12-17");
        assertThat(listed.path("serviceNow").path("changeSysId").asText()).isEqualTo(change.get("sys_id"));
        assertThat(listed.path("complete").asBoolean()).isTrue();

        String expectedTitle = "Retrospective: change " + number;
        Map<String, String> problem = onlyProblemOf(key);
        assertThat(problem.get("rfc")).isEqualTo(change.get("sys_id"));
        assertThat(problem.get("short_description")).isEqualTo(expectedTitle);
        assertThat(problem.get("description")).isEqualTo("Opened by RetroBridge: " + reason
                + " (rule change-failed, tier deep-dive).\nDue 2026-12-17.\nMandatory sections: Summary, Timeline,"
                + " Impact, Root cause, Contributing factors, Action items.\nOptional sections: Detection, Customer"
                + " communication, What went well, Metrics.\nRaise each action item as a problem task under this"
                + " record.");
        assertThat(systems.servicenow.records("problem")).filteredOn(p -> change.get("sys_id").equals(p.get("rfc")))
                .hasSize(1);

        JsonNode fields = issueFields(onlyIssueOf(key));
        assertThat(fields.path("summary").asText()).isEqualTo(expectedTitle);
        assertThat(labels(fields)).containsExactly("retrospective", RetrospectiveMarkers.of(key));
        assertThat(opening(fields)).isEqualTo("Opened by RetroBridge: " + reason + " (rule change-failed, tier"
                + " deep-dive). Due 2026-12-17.");
        List<List<String>> timeline = timeline(fields);
        assertThat(timeline).extracting(row -> row.subList(1, row.size())).containsExactly(
                List.of("change " + number + " is New", "", ""),
                List.of("change " + number + " moved New \u2192 Assess", "", ""),
                List.of("change " + number + " moved Assess \u2192 Authorize", "", ""),
                List.of("change " + number + " moved Authorize \u2192 Scheduled", "", ""),
                List.of("change " + number + " moved Scheduled \u2192 Implement", "", ""),
                List.of("change " + number + " moved Implement \u2192 Review", "", ""),
                List.of("change " + number + " moved Review \u2192 Closed", "", ""),
                List.of(app + " release: deploy " + app + " 4.2.0 to staging", "https://ci.example.com/" + app
                        + "/runs/" + app + "-s", "success", "3m 30s"),
                List.of(app + " release: deploy " + app + " 4.2.0 to production", "https://ci.example.com/" + app
                        + "/runs/" + app + "-p", "success", "8m 15s"));
        assertThat(timeline).extracting(row -> row.get(0)).as("in time order").isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(timeline.get(8).get(0)).isEqualTo("2026-12-10 08:12:00 UTC");

        // The release fails again in production after the change closed: the same release, no second retrospective.
        String failed = outcome(report(carrying(number, deployment(app, "4.2.0", app + "-p2", "failure",
                "2026-12-10T09:30:00Z", "2026-12-10T09:36:00Z"))));

        assertThat(failed).startsWith("APPLIED: recorded " + app + " 4.2.0 to production: FAILURE");
        assertThat(onlyListed(key).path("trigger").path("rule").asText()).isEqualTo("change-failed");
        assertThat(onlyProblemOf(key).get("sys_id")).isEqualTo(problem.get("sys_id"));
        assertThat(onlyIssueOf(key)).isEqualTo(listed.path("jira").path("key").asText());
        assertThat(systems.servicenow.records("problem")).filteredOn(p -> change.get("sys_id").equals(p.get("rfc")))
                .hasSize(1);
        assertThat(queuedRetrospectives(key)).isEqualTo(1);
        assertThat(pollChanges()).as("polling again writes nothing").isEqualTo(new Writes(0, 0));
    }

    @Test
    void aFailedDeploymentOfAChangeOpensItsRetrospectiveAndTheChangeClosingUnsuccessfulAfterwardsNoSecond() {
        String app = uniqueApplication("checkout");
        Map<String, String> change = createChange("normal", "Upgrade " + app + " to 7.3.0");
        String number = change.get("number");
        for (String state : List.of("-4", "-3", "-2", "-1")) {
            patch(change, "{\"state\":\"" + state + "\"}");
        }
        pollChanges();

        outcome(report(carrying(number, deployment(app, "7.3.0", app + "-1", "failure", "2026-12-10T08:10:00Z",
                "2026-12-10T08:14:00Z"))));

        String key = "change:" + number;
        JsonNode listed = onlyListed(key);
        assertThat(listed.path("trigger").path("rule").asText()).isEqualTo("failed-production-deployment");
        String problem = onlyProblemOf(key).get("sys_id");
        assertThat(onlyProblemOf(key).get("rfc")).isEqualTo(change.get("sys_id"));
        assertThat(onlyProblemOf(key).get("short_description"))
                .isEqualTo("Retrospective: " + app + " 7.3.0 in production (" + number + ")");
        String issue = onlyIssueOf(key);

        patch(change, "{\"state\":\"0\"" + WORK + "}");
        patch(change, "{\"state\":\"3\",\"close_code\":\"unsuccessful\",\"close_notes\":\"Rolled back\"}");
        Writes closing = pollChanges();

        assertThat(onlyMirrorOf(change).path("status").path("name").asText()).isEqualTo("Done");
        assertThat(closing.servicenow()).as("nothing written to ServiceNow for the change closing").isZero();
        assertThat(onlyListed(key).path("id").asText()).isEqualTo(listed.path("id").asText());
        assertThat(onlyProblemOf(key).get("sys_id")).isEqualTo(problem);
        assertThat(onlyIssueOf(key)).isEqualTo(issue);
        assertThat(systems.servicenow.records("problem")).filteredOn(p -> change.get("sys_id").equals(p.get("rfc")))
                .hasSize(1);
        assertThat(queuedRetrospectives(key)).isEqualTo(1);
    }

    @Test
    void anEmergencyChangeOpensALightweightRetrospective() {
        Map<String, String> change = createChange("emergency", "Hotfix the ledger rounding, case " + CASES.incrementAndGet());
        for (String state : List.of("-3", "-2", "-1")) {
            patch(change, "{\"state\":\"" + state + "\"}");
        }
        patch(change, "{\"state\":\"0\"" + WORK + "}");
        patch(change, "{\"state\":\"3\",\"close_code\":\"successful\",\"close_notes\":\"Fixed\"}");

        pollChanges();

        String key = "change:" + change.get("number");
        JsonNode listed = onlyListed(key);
        assertThat(listed.path("trigger").path("rule").asText()).isEqualTo("emergency-change");
        assertThat(listed.path("trigger").path("tier").asText()).isEqualTo("lightweight");
        assertThat(listed.path("trigger").path("reason").asText())
                .isEqualTo("emergency change " + change.get("number") + " closed successful");
        assertThat(listed.path("due").asText()).as("10 business days after Thursday").isEqualTo("2026-12-24");
        assertThat(onlyProblemOf(key).get("rfc")).isEqualTo(change.get("sys_id"));
        JsonNode fields = issueFields(onlyIssueOf(key));
        assertThat(headings(fields)).contains("What went wrong (mandatory)").doesNotContain("Root cause (mandatory)");
        assertThat(saysNoDeployments(fields)).isTrue();
        onlyMirrorOf(change);
    }

    @Test
    void aStandardChangeClosedSuccessfulOpensNoneWhileItsFailedTwinOpensOne() {
        int n = CASES.incrementAndGet();
        Map<String, String> succeeded = closedStandardChange("Rotate the checkout certificates, case " + n, "successful");
        Map<String, String> failed = closedStandardChange("Rotate the ledger certificates, case " + n, "unsuccessful");

        pollChanges();

        assertThat(onlyMirrorOf(succeeded).path("status").path("name").asText()).as("read and recorded")
                .isEqualTo("Done");
        assertThat(listedRetrospectives("change:" + succeeded.get("number"))).isEmpty();
        assertThat(problemsOf("change:" + succeeded.get("number"))).isEmpty();
        assertThat(issuesOf("change:" + succeeded.get("number"))).isEmpty();
        assertThat(systems.servicenow.records("problem")).filteredOn(p -> succeeded.get("sys_id").equals(p.get("rfc")))
                .isEmpty();
        assertThat(onlyListed("change:" + failed.get("number")).path("trigger").path("rule").asText())
                .isEqualTo("change-failed");
        onlyProblemOf("change:" + failed.get("number"));
        onlyIssueOf("change:" + failed.get("number"));
    }

    @Test
    void aSuccessfulStandardChangeThatCausedAnAcceptedMajorIncidentOpensOneDeepDive() {
        Map<String, String> change = createChange("standard", "Resize the gateway pool, case " + CASES.incrementAndGet());
        for (String state : List.of("-2", "-1")) {
            patch(change, "{\"state\":\"" + state + "\"}");
        }
        patch(change, "{\"state\":\"0\"" + WORK + "}");
        String incident = SandboxPair.json(systems.servicenowCall("POST", "/api/now/table/incident",
                "{\"short_description\":\"Card payments time out\",\"impact\":\"1\",\"urgency\":\"1\","
                        + "\"caused_by\":\"" + change.get("sys_id") + "\",\"major_incident_state\":\"accepted\"}"))
                .path("result").path("number").asText();
        patch(change, "{\"state\":\"3\",\"close_code\":\"successful\",\"close_notes\":\"Done\"}");

        pollChanges();

        String key = "change:" + change.get("number");
        JsonNode listed = onlyListed(key);
        assertThat(listed.path("trigger").path("rule").asText()).isEqualTo("major-incident");
        assertThat(listed.path("trigger").path("tier").asText()).isEqualTo("deep-dive");
        assertThat(listed.path("trigger").path("reason").asText()).isEqualTo("standard change " + change.get("number")
                + " closed successful is linked to major incident " + incident);
        assertThat(listed.path("due").asText()).isEqualTo("2026-12-17");
        assertThat(onlyProblemOf(key).get("rfc")).isEqualTo(change.get("sys_id"));
        onlyIssueOf(key);
        onlyMirrorOf(change);
        assertThat(pollChanges()).isEqualTo(new Writes(0, 0));
    }

    // ---- helpers ----

    private Map<String, String> closedStandardChange(String title, String closeCode) {
        Map<String, String> change = createChange("standard", title);
        for (String state : List.of("-2", "-1")) {
            patch(change, "{\"state\":\"" + state + "\"}");
        }
        patch(change, "{\"state\":\"0\"" + WORK + "}");
        patch(change, "{\"state\":\"3\",\"close_code\":\"" + closeCode + "\",\"close_notes\":\"Done\"}");
        return change;
    }

    /** A change request a change manager raises in ServiceNow: its number and sys_id. */
    private static Map<String, String> createChange(String type, String title) {
        JsonNode created = SandboxPair.json(systems.servicenowCall("POST", "/api/now/table/change_request",
                "{\"short_description\":" + SandboxPair.quote(title) + ",\"type\":\"" + type + "\",\"risk\":\"2\","
                        + "\"impact\":\"2\",\"start_date\":\"2026-12-10 08:00:00\",\"end_date\":\"2026-12-10 09:30:00\"}"))
                .path("result");
        return Map.of("number", created.get("number").asText(), "sys_id", created.get("sys_id").asText());
    }

    private static void patch(Map<String, String> change, String fieldsJson) {
        systems.servicenowCall("PATCH", "/api/now/table/change_request/" + change.get("sys_id"), fieldsJson);
    }

    /** Moves the change in ServiceNow, then lets the poller read the move. */
    private void move(Map<String, String> change, String fieldsJson) {
        patch(change, fieldsJson);
        pollChanges();
    }

    private static ObjectNode carrying(String changeNumber, ObjectNode event) {
        return event.put("changeNumber", changeNumber);
    }

    /** The change's one mirror issue in CHG: its fields. */
    private JsonNode onlyMirrorOf(Map<String, String> change) {
        String marker = links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, change.get("sys_id")))
                .orElseThrow(() -> new AssertionError(change.get("number") + " was not mirrored")).correlationId();
        List<String> keys = systems.jira.issueKeysLabelled(marker);
        assertThat(keys).as("mirrors of " + change.get("number")).hasSize(1);
        assertThat(keys.get(0)).startsWith("CHG-");
        JsonNode fields = issueFields(keys.get(0));
        assertThat(fields.path("summary").asText()).startsWith(change.get("number") + ": ");
        return fields;
    }

    private JsonNode onlyListed(String key) {
        List<JsonNode> listed = listedRetrospectives(key);
        assertThat(listed).as("retrospectives of " + key).hasSize(1);
        return listed.get(0);
    }

    private static Map<String, String> onlyProblemOf(String key) {
        List<Map<String, String>> problems = problemsOf(key);
        assertThat(problems).as("problems of " + key).hasSize(1);
        return problems.get(0);
    }

    private static String onlyIssueOf(String key) {
        List<String> issues = new ArrayList<>(issuesOf(key));
        assertThat(issues).as("Jira issues of " + key).hasSize(1);
        return issues.get(0);
    }
}
