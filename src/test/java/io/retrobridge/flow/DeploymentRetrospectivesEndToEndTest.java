package io.retrobridge.flow;

import static io.retrobridge.pipeline.PipelineSamples.changed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.pipeline.PipelineDeliveries;
import io.retrobridge.retro.RetrospectiveMarkers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deployments reported through {@code POST /api/events/deployments} and GitHub's own webhook, judged by the shipped
 * {@code retrospectives.yaml}: a failed production deployment and a rollback each open exactly one retrospective, a
 * Jira issue and a ServiceNow problem, however often and in whatever order their reports arrive; a staging failure
 * and a success open none, which a later failure of the same application in the same test shows was no accident.
 */
class DeploymentRetrospectivesEndToEndTest extends ReleaseRetrospectivesSupport {

    private static final List<String> LIGHTWEIGHT_HEADINGS = List.of("Checklist", "Timeline", "Summary (mandatory)",
            "Timeline (mandatory)", "What went wrong (mandatory)", "Action items (mandatory)",
            "What went well (optional)", "Metrics (optional)");
    private static final String NO_CHANGE = "the release names no ServiceNow change, so its rfc is left empty";

    @Test
    void aFailedProductionDeploymentOpensOneLightweightRetrospectiveInBothSystemsWithTheRunInItsTimeline() {
        String app = uniqueApplication("payment-gateway");
        String run = app + "-8812";
        assertThat(report(deployment(app, "4.2.1", run, null, "2026-12-01T14:02:11Z", null)).statusCode())
                .isEqualTo(202);

        String outcome = outcome(report(deployment(app, "4.2.1", run, "failure", "2026-12-01T14:02:11Z",
                "2026-12-01T14:09:47Z")));

        assertThat(outcome).isEqualTo("APPLIED: recorded " + app + " 4.2.1 to production: FAILURE; retrospective release:"
                + app + ":production:4.2.1 queued (lightweight by rule failed-production-deployment, due 2026-12-08)");
        String key = "release:" + app + ":production:4.2.1";
        String reason = app + " 4.2.1 in production failed (PIPELINE run " + run + ")";
        JsonNode listed = onlyRetrospectiveOf(app);
        assertThat(listed.path("trigger").path("key").asText()).isEqualTo(key);
        assertThat(listed.path("trigger").path("rule").asText()).isEqualTo("failed-production-deployment");
        assertThat(listed.path("trigger").path("tier").asText()).isEqualTo("lightweight");
        assertThat(listed.path("trigger").path("reason").asText()).isEqualTo(reason);
        assertThat(listed.path("due").asText()).as("5 business days after Tuesday's end").isEqualTo("2026-12-08");
        assertThat(listed.path("environment").asText()).isEqualTo("production");
        assertThat(listed.path("version").asText()).isEqualTo("4.2.1");
        assertThat(listed.path("complete").asBoolean()).isTrue();

        String title = "Retrospective: " + app + " 4.2.1 in production";
        Map<String, String> problem = onlyProblemOf(key);
        assertThat(problem.get("short_description")).isEqualTo(title);
        assertThat(problem.get("rfc")).isEmpty();
        assertThat(problem.get("description")).isEqualTo("Opened by RetroBridge: " + reason
                + " (rule failed-production-deployment, tier lightweight).\nDue 2026-12-08.\n"
                + "Mandatory sections: Summary, Timeline, What went wrong, Action items.\n"
                + "Optional sections: What went well, Metrics.\nIt points at no change: " + NO_CHANGE + ".\n"
                + "Raise each action item as a problem task under this record.");
        assertThat(listed.path("serviceNow").path("number").asText()).isEqualTo(problem.get("number"));
        assertThat(systems.servicenow.records("problem")).filteredOn(p -> title.equals(p.get("short_description")))
                .hasSize(1);

        JsonNode fields = issueFields(onlyIssueOf(key));
        assertThat(fields.path("project").path("key").asText()).isEqualTo("PAY");
        assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Task");
        assertThat(fields.path("summary").asText()).isEqualTo(title);
        assertThat(labels(fields)).containsExactly("retrospective", RetrospectiveMarkers.of(key));
        assertThat(opening(fields)).isEqualTo("Opened by RetroBridge: " + reason
                + " (rule failed-production-deployment, tier lightweight). Due 2026-12-08.");
        assertThat(timeline(fields)).containsExactly(List.of("2026-12-01 14:02:11 UTC",
                app + " release: deploy " + app + " 4.2.1 to production",
                "https://ci.example.com/" + app + "/runs/" + run, "failure", "7m 36s"));
        assertThat(headings(fields)).containsExactlyElementsOf(LIGHTWEIGHT_HEADINGS);
        assertThat(listed.path("jira").path("key").asText()).isEqualTo(onlyIssueOf(key));
        assertThat(queuedRetrospectives(key)).isEqualTo(1);
    }

    @Test
    void aRollbackSaidByThePipelineOpensOne() {
        String app = uniqueApplication("checkout");
        ObjectNode rollback = deployment(app, "5.0.3", app + "-41", "success", "2026-12-02T10:00:00Z",
                "2026-12-02T10:04:00Z");
        rollback.put("rollback", true);

        String outcome = outcome(report(rollback));

        assertThat(outcome).isEqualTo("APPLIED: recorded " + app + " 5.0.3 to production: SUCCESS, rollback (said by"
                + " the pipeline); retrospective release:" + app + ":production:5.0.3 queued (lightweight by rule"
                + " production-rollback, due 2026-12-09)");
        String key = "release:" + app + ":production:5.0.3";
        JsonNode listed = onlyRetrospectiveOf(app);
        assertThat(listed.path("trigger").path("key").asText()).isEqualTo(key);
        assertThat(listed.path("trigger").path("rule").asText()).isEqualTo("production-rollback");
        assertThat(listed.path("trigger").path("tier").asText()).isEqualTo("lightweight");
        assertThat(listed.path("trigger").path("reason").asText())
                .isEqualTo(app + " 5.0.3 in production was rolled back (PIPELINE run " + app + "-41)");
        assertThat(listed.path("due").asText()).isEqualTo("2026-12-09");
        onlyProblemOf(key);
        assertThat(timeline(issueFields(onlyIssueOf(key)))).extracting(row -> row.get(row.size() - 2))
                .containsExactly("success, rollback");
    }

    @Test
    void aRedeployOfAnEarlierVersionIsARollbackAndOpensOneWhileTheReleasesBeforeItOpenNone() {
        String app = uniqueApplication("ledger");
        assertThat(outcome(report(deployment(app, "4.1.3", app + "-1", "success", "2026-12-01T09:00:00Z",
                "2026-12-01T09:05:00Z")))).isEqualTo("APPLIED: recorded " + app + " 4.1.3 to production: SUCCESS; no"
                + " retrospective: no rule of retrospectives.yaml matches " + app + " 4.1.3 in production succeeded");
        assertThat(outcome(report(deployment(app, "4.2.0", app + "-2", "success", "2026-12-01T11:00:00Z",
                "2026-12-01T11:06:00Z")))).isEqualTo("APPLIED: recorded " + app + " 4.2.0 to production: SUCCESS; no"
                + " retrospective: no rule of retrospectives.yaml matches " + app + " 4.2.0 in production succeeded");
        assertThat(retrospectivesOf(app)).as("successful deployments open none").isEmpty();

        String outcome = outcome(report(deployment(app, "4.1.3", app + "-3", "success", "2026-12-01T12:00:00Z",
                "2026-12-01T12:03:30Z")));

        assertThat(outcome).isEqualTo("APPLIED: recorded " + app + " 4.1.3 to production: SUCCESS, rollback (redeploy"
                + " of an earlier version: 4.1.3 after 4.2.0); retrospective release:" + app + ":production:4.2.0 queued"
                + " (lightweight by rule production-rollback, due 2026-12-08)");
        // The retrospective is about the release the rollback undid, 4.2.0, not the version it put back.
        String key = "release:" + app + ":production:4.2.0";
        JsonNode listed = onlyRetrospectiveOf(app);
        assertThat(listed.path("trigger").path("key").asText()).isEqualTo(key);
        assertThat(listed.path("trigger").path("rule").asText()).isEqualTo("production-rollback");
        assertThat(listed.path("due").asText()).isEqualTo("2026-12-08");
        assertThat(listed.path("trigger").path("reason").asText()).startsWith(app + " 4.2.0 in production was rolled back"
                + " to 4.1.3 (PIPELINE run ");
        assertThat(onlyProblemOf(key).get("short_description")).isEqualTo("Retrospective: " + app + " 4.2.0 in production");
        String runs = "https://ci.example.com/" + app + "/runs/" + app;
        assertThat(timeline(issueFields(onlyIssueOf(key)))).as("the application's runs of the day before").containsExactly(
                List.of("2026-12-01 09:00:00 UTC", app + " release: deploy " + app + " 4.1.3 to production", runs + "-1",
                        "success", "5m 0s"),
                List.of("2026-12-01 11:00:00 UTC", app + " release: deploy " + app + " 4.2.0 to production", runs + "-2",
                        "success", "6m 0s"),
                List.of("2026-12-01 12:00:00 UTC", app + " release: deploy " + app + " 4.1.3 to production", runs + "-3",
                        "success, rollback", "3m 30s"));
    }

    @Test
    void aStagingFailureOpensNoneAndTheSameReleaseFailingInProductionOpensOne() {
        String app = uniqueApplication("checkout");
        ObjectNode staging = deployment(app, "5.1.0", app + "-s1", "failure", "2026-12-03T08:00:00Z",
                "2026-12-03T08:02:00Z");
        staging.put("environment", "staging");

        assertThat(outcome(report(staging))).as("the outcome says why no retrospective opened")
                .isEqualTo("APPLIED: recorded " + app + " 5.1.0 to staging: FAILURE; no retrospective: no rule of"
                        + " retrospectives.yaml matches " + app + " 5.1.0 in staging failed");
        assertThat(retrospectivesOf(app)).isEmpty();
        assertThat(problemsOf("release:" + app + ":staging:5.1.0")).isEmpty();

        // The control: the same release failing where the rules look does open one, and only that one.
        outcome(report(deployment(app, "5.1.0", app + "-p1", "failure", "2026-12-03T09:00:00Z", "2026-12-03T09:01:00Z")));

        JsonNode listed = onlyRetrospectiveOf(app);
        assertThat(listed.path("trigger").path("key").asText()).isEqualTo("release:" + app + ":production:5.1.0");
        assertThat(listed.path("environment").asText()).isEqualTo("production");
        assertThat(issuesOf("release:" + app + ":staging:5.1.0")).isEmpty();
        assertThat(systems.servicenow.records("problem")).filteredOn(p -> p.get("short_description").contains(app))
                .extracting(p -> p.get("short_description"))
                .containsExactly("Retrospective: " + app + " 5.1.0 in production");
    }

    @Test
    void aSuccessfulProductionDeploymentOpensNoneAndTheNextVersionFailingOpensOne() {
        String app = uniqueApplication("payment-gateway");
        assertThat(outcome(report(deployment(app, "4.3.0", app + "-1", "success", "2026-12-03T10:00:00Z",
                "2026-12-03T10:05:00Z")))).isEqualTo("APPLIED: recorded " + app + " 4.3.0 to production: SUCCESS; no"
                + " retrospective: no rule of retrospectives.yaml matches " + app + " 4.3.0 in production succeeded");
        assertThat(retrospectivesOf(app)).isEmpty();

        outcome(report(deployment(app, "4.3.1", app + "-2", "aborted", "2026-12-03T11:00:00Z", "2026-12-03T11:01:00Z")));

        JsonNode listed = onlyRetrospectiveOf(app);
        assertThat(listed.path("trigger").path("key").asText()).isEqualTo("release:" + app + ":production:4.3.1");
        assertThat(listed.path("trigger").path("reason").asText()).isEqualTo(app + " 4.3.1 in production was aborted"
                + " (PIPELINE run " + app + "-2)");
        assertThat(problemsOf("release:" + app + ":production:4.3.0")).isEmpty();
        assertThat(issuesOf("release:" + app + ":production:4.3.0")).isEmpty();
    }

    @Test
    void repeatedAndOutOfOrderReportsOfOneFailedRunOpenOneRetrospectiveAndWriteNothingMore() {
        String app = uniqueApplication("ledger");
        String run = app + "-77";
        ObjectNode end = deployment(app, "2.4.0", run, "failure", "2026-12-04T15:00:00Z", "2026-12-04T15:12:05Z");
        end.remove("startedAt");

        assertThat(outcome(report(end))).isEqualTo("APPLIED: recorded " + app + " 2.4.0 to production: FAILURE;"
                + " retrospective release:" + app + ":production:2.4.0 queued (lightweight by rule"
                + " failed-production-deployment, due 2026-12-11)");
        String key = "release:" + app + ":production:2.4.0";
        String problem = onlyProblemOf(key).get("sys_id");
        String issue = onlyIssueOf(key);

        HttpResponse<String> again = report(end);
        HttpResponse<String> lateStart = report(deployment(app, "2.4.0", run, null, "2026-12-04T15:00:00Z", null));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again.body()).path("status").asText()).isEqualTo("duplicate");
        Writes afterwards = settle();
        HttpResponse<String> endOnceMore = report(end);
        Writes last = settle();

        assertThat(outcome(lateStart)).as("the start fills the gap, the end stays")
                .isEqualTo("APPLIED: recorded " + app + " 2.4.0 to production: FAILURE; retrospective release:" + app
                        + ":production:2.4.0 was queued before");
        assertThat(endOnceMore.statusCode()).isEqualTo(200);
        assertThat(afterwards).isEqualTo(new Writes(0, 0));
        assertThat(last).isEqualTo(new Writes(0, 0));
        assertThat(onlyRetrospectiveOf(app).path("trigger").path("key").asText()).isEqualTo(key);
        assertThat(onlyProblemOf(key).get("sys_id")).isEqualTo(problem);
        assertThat(onlyIssueOf(key)).isEqualTo(issue);
        assertThat(queuedRetrospectives(key)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM deployments WHERE run_id = :run").param("run", run)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFailedGitHubDeploymentStatusOpensOneAndItsRedeliveryNothingMore() {
        String sample = "github/deployment_status.payload.json";
        String inProgress = changed(sample, root -> ((ObjectNode) root.get("deployment_status"))
                .put("state", "in_progress"));
        String failure = changed(sample, root -> ((ObjectNode) root.get("deployment_status")).put("state", "failure"));

        assertThat(github(inProgress).statusCode()).isEqualTo(202);
        HttpResponse<String> failed = github(failure);
        HttpResponse<String> redelivered = github(failure);
        settle();

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(202);
        assertThat(redelivered.statusCode()).isEqualTo(200);
        String sha = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
        String key = "release:Hello-World:production:" + sha;
        JsonNode listed = onlyRetrospectiveOf("Hello-World");
        assertThat(listed.path("trigger").path("key").asText()).isEqualTo(key);
        assertThat(listed.path("trigger").path("rule").asText()).isEqualTo("failed-production-deployment");
        assertThat(listed.path("trigger").path("reason").asText())
                .isEqualTo("Hello-World " + sha + " in production failed (GITHUB run 145988746)");
        assertThat(listed.path("due").asText()).as("5 business days after Wednesday 2019-05-15").isEqualTo("2019-05-22");
        assertThat(onlyProblemOf(key).get("short_description"))
                .isEqualTo("Retrospective: Hello-World " + sha + " in production");
        JsonNode fields = issueFields(onlyIssueOf(key));
        assertThat(timeline(fields)).as("the deployment's task, from its creation to its failed status")
                .containsExactly(List.of("2019-05-15 15:20:53 UTC", "deploy: deploy Hello-World " + sha
                        + " to production", "failure", "2s"));
    }

    private HttpResponse<String> github(String body) {
        return post("/webhooks/github", body, "X-GitHub-Event", "deployment_status", "X-Hub-Signature-256",
                PipelineDeliveries.hmac(body, GITHUB_SECRET));
    }

    private JsonNode onlyRetrospectiveOf(String application) {
        List<JsonNode> listed = retrospectivesOf(application);
        assertThat(listed).as("retrospectives of " + application).hasSize(1);
        return listed.get(0);
    }

    private static Map<String, String> onlyProblemOf(String key) {
        List<Map<String, String>> problems = problemsOf(key);
        assertThat(problems).as("problems of " + key).hasSize(1);
        return problems.get(0);
    }

    private static String onlyIssueOf(String key) {
        List<String> issues = issuesOf(key);
        assertThat(issues).as("Jira issues of " + key).hasSize(1);
        return issues.get(0);
    }
}
