package io.retrobridge.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.jira.JiraSeed.IssueSpec;
import io.retrobridge.transport.RemoteCallException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading, creating, editing and moving issues through the workflow. */
class JiraClientIssueTest extends JiraClientTestSupport {

    @Test
    void findReadsTheAskedFieldsAndWhenJiraLastChangedTheIssue() {
        String key = sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Add contract tests").labels("retro-action"), BETH);

        JiraIssue issue = jira.find(key, List.of("summary", "labels")).orElseThrow();

        assertThat(issue.key()).isEqualTo(key);
        assertThat(issue.id()).matches("\\d+");
        assertThat(issue.updated()).isEqualTo(NOW);
        assertThat(issue.fields().path("summary").asText()).isEqualTo("Add contract tests");
        assertThat(issue.fields().path("labels").get(0).asText()).isEqualTo("retro-action");
        assertThat(issue.fields().has("status")).as("fields not asked for stay out").isFalse();
        assertThat(jira.find(issue.id(), List.of("summary")).orElseThrow().key()).isEqualTo(key);
    }

    @Test
    void anIssueJiraDoesNotKnowIsEmptyNotAnError() {
        assertThat(jira.find("PAY-999", List.of("summary"))).isEmpty();
    }

    @Test
    void refusedCredentialsAreAnErrorNotAMissingIssue() {
        JiraClient wrongToken = cloudClient("not-the-token");

        assertThatThrownBy(() -> wrongToken.find("PAY-1", List.of("summary")))
                .isInstanceOfSatisfying(RemoteCallException.class,
                        e -> assertThat(e.failure()).isEqualTo(RemoteCallException.Failure.UNAUTHORIZED))
                .hasMessageNotContaining("not-the-token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pay-1", "PAY-1/../../myself", "PAY-1?fields=x", "PAY 1", "", "P-1", "12a", "PAY-"})
    void aValueThatIsNeitherKeyNorIdIsRefusedBeforeAnythingIsSent(String idOrKey) {
        assertThatThrownBy(() -> jira.find(idOrKey, List.of("summary")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("issue key");
        assertThatThrownBy(() -> jira.edit(idOrKey, object("{\"summary\":\"x\"}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> jira.transitionTo(idOrKey, "Done", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> jira.addComment(idOrKey, adf("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> jira.setProperty(idOrKey, "rb", object("{}"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(sandbox.requests().all()).isEmpty();
    }

    @Test
    void createMakesTheIssueAndAnswersItAsJiraNowShowsIt() {
        ObjectNode fields = task("Load-test checkout before cutover");
        fields.putArray("labels").add("rb-42");

        JiraIssue created = jira.create(fields);

        assertThat(sandbox.issueKeys()).containsExactly(created.key());
        assertThat(created.fields().path("summary").asText()).isEqualTo("Load-test checkout before cutover");
        assertThat(created.fields().path("labels").get(0).asText()).isEqualTo("rb-42");
        assertThat(created.fields().path("status").path("name").asText()).isEqualTo("To Do");
        assertThat(created.updated()).isEqualTo(NOW);
    }

    @Test
    void createWithAStatusCreatesWithoutItAndThenMovesTheIssueThere() {
        ObjectNode fields = task("Review gateway timeouts");
        fields.putObject("status").put("name", "In Progress");

        JiraIssue created = jira.create(fields);

        assertThat(created.fields().path("status").path("name").asText()).isEqualTo("In Progress");
        assertThat(sandbox.requests().all()).filteredOn(e -> e.method().equals("POST") && e.path().equals("/rest/api/3/issue"))
                .singleElement().satisfies(e -> assertThat(JSON.readTree(e.body()).path("fields").has("status")).isFalse());
        assertThat(sentCount("POST", "/transitions")).isEqualTo(1);
        assertThat(fields.has("status")).as("the caller's fields are left as they were").isTrue();
    }

    @Test
    void createWithAStatusWhoseTransitionNeedsAFieldTakesItFromTheFields() {
        sandbox.workflow().requireFieldOn("Done", "duedate");
        ObjectNode fields = task("Already done elsewhere").put("duedate", "2026-12-24");
        fields.putObject("status").put("name", "Done");

        JiraIssue created = jira.create(fields);

        assertThat(created.fields().path("status").path("name").asText()).isEqualTo("Done");
        assertThat(created.fields().path("duedate").asText()).isEqualTo("2026-12-24");
    }

    @Test
    void createWhoseStatusCannotBeReachedNamesTheIssueItDidCreate() {
        sandbox.workflow().requireFieldOn("Done", "duedate");
        ObjectNode fields = task("Already done elsewhere");
        fields.putObject("status").put("name", "Done");

        assertThatThrownBy(() -> jira.create(fields))
                .isInstanceOfSatisfying(JiraTransitionRefusedException.class, e -> {
                    assertThat(e.issue()).isEqualTo("PAY-1");
                    assertThat(e.missingFields()).containsExactly("duedate");
                })
                .hasMessageStartingWith("Created PAY-1 but");
        assertThat(sandbox.issueKeys()).containsExactly("PAY-1");
    }

    @Test
    void createInAProjectTheAccountCannotBrowseAnswersTheIssueItDidCreate() {
        sandbox.hideProjectFrom("PAY", BOT);
        ObjectNode fields = task("Rotate the signing keys");
        fields.putObject("status").put("name", "In Progress");

        JiraIssue created = jira.create(fields);

        assertThat(sandbox.issueKeys()).as("made once, and named").containsExactly(created.key());
        assertThat(created.id()).matches("\\d+");
        assertThat(sentCount("POST", "/transitions")).as("not moved while hidden").isZero();
        assertThat(sandbox.requests().all()).filteredOn(e -> e.method().equals("POST") && e.path().equals("/rest/api/3/issue"))
                .hasSize(1);
    }

    @Test
    void editChangesFieldsButNeverTheStatus() {
        String key = sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Old summary"), BETH);
        ObjectNode fields = object("{\"summary\":\"New summary\",\"labels\":[\"rb-7\"],\"status\":{\"name\":\"Done\"}}");

        jira.edit(key, fields);

        JiraIssue issue = jira.find(key, List.of("summary", "labels", "status")).orElseThrow();
        assertThat(issue.fields().path("summary").asText()).isEqualTo("New summary");
        assertThat(issue.fields().path("labels").get(0).asText()).isEqualTo("rb-7");
        assertThat(issue.fields().path("status").path("name").asText()).isEqualTo("To Do");
        assertThat(sentCount("POST", "/transitions")).isZero();
    }

    @Test
    void editOfAnIssueJiraDoesNotKnowFailsAsNotFound() {
        assertThatThrownBy(() -> jira.edit("PAY-404", object("{\"summary\":\"x\"}")))
                .isInstanceOfSatisfying(RemoteCallException.class,
                        e -> assertThat(e.failure()).isEqualTo(RemoteCallException.Failure.NOT_FOUND));
    }

    @Test
    void transitionMovesTheIssueAlongTheTransitionLeadingToTheNamedStatusWhateverItsCase() {
        String key = sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Ship the fix"), BETH);

        jira.transitionTo(key, "done", null);

        JiraIssue issue = jira.find(key, List.of("status", "resolution")).orElseThrow();
        assertThat(issue.fields().path("status").path("name").asText()).isEqualTo("Done");
        assertThat(issue.fields().path("resolution").path("name").asText()).isEqualTo("Done");
    }

    @Test
    void anIssueAlreadyInTheStatusIsLeftAlone() {
        String key = sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Ship the fix").status("In Progress"), BETH);

        jira.transitionTo(key, "In Progress", null);

        assertThat(sentCount("POST", "/transitions")).isZero();
        assertThat(sandbox.requests().successfulWrites("/rest/api/3/issue")).isZero();
    }

    @Test
    void aRequiredScreenFieldIsTakenFromTheScreenFieldsAndOthersAreLeftOut() throws Exception {
        sandbox.workflow().requireFieldOn("Done", "duedate");
        String key = sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Ship the fix"), BETH);

        jira.transitionTo(key, "Done", object("{\"duedate\":\"2026-12-01\",\"summary\":\"not on the screen\"}"));

        JiraIssue issue = jira.find(key, List.of("status", "duedate", "summary")).orElseThrow();
        assertThat(issue.fields().path("status").path("name").asText()).isEqualTo("Done");
        assertThat(issue.fields().path("duedate").asText()).isEqualTo("2026-12-01");
        assertThat(issue.fields().path("summary").asText()).isEqualTo("Ship the fix");
    }

    @Test
    void aRequiredScreenFieldNotGivenIsNamedAndNothingIsSentOrChanged() {
        sandbox.workflow().requireFieldOn("Done", "duedate");
        String key = sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Ship the fix"), BETH);

        assertThatThrownBy(() -> jira.transitionTo(key, "Done", object("{\"summary\":\"x\"}")))
                .isInstanceOfSatisfying(JiraTransitionRefusedException.class, e -> {
                    assertThat(e.missingFields()).containsExactly("duedate");
                    assertThat(e.targetStatus()).isEqualTo("Done");
                    assertThat(e.issue()).isEqualTo(key);
                })
                .hasMessageContaining("duedate").hasMessageContaining(key);
        assertThat(sentCount("POST", "/transitions")).isZero();
        assertThat(jira.find(key, List.of("status")).orElseThrow().fields().path("status").path("name").asText())
                .isEqualTo("To Do");
    }

    @Test
    void aStatusNoTransitionLeadsToIsRefusedNamingTheStatusesThatCanBeReached() {
        String key = sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Ship the fix"), BETH);

        assertThatThrownBy(() -> jira.transitionTo(key, "Blocked", null))
                .isInstanceOfSatisfying(JiraTransitionRefusedException.class,
                        e -> assertThat(e.targetStatus()).isEqualTo("Blocked"))
                .hasMessageContaining("Blocked").hasMessageContaining("In Progress").hasMessageContaining("Done");
        assertThat(sentCount("POST", "/transitions")).isZero();
    }

    @Test
    void jirasOwnRefusalOfATransitionComesBackWithItsReasons() {
        String key = sandbox.seed().issue(IssueSpec.of("PAY", "Task", "Ship the fix"), BETH);

        assertThatThrownBy(() -> jira.transitionTo(key, "Done", object("{\"resolution\":{\"name\":\"Shrugged\"}}")))
                .isInstanceOfSatisfying(JiraTransitionRefusedException.class,
                        e -> assertThat(e.missingFields()).containsExactly("resolution"))
                .hasMessageContaining("resolution").hasMessageContaining("valid resolution");
        assertThat(jira.find(key, List.of("status")).orElseThrow().fields().path("status").path("name").asText())
                .isEqualTo("To Do");
    }
}
