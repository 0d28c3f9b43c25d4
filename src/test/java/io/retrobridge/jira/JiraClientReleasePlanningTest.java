package io.retrobridge.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.testsupport.JiraOpenApiValidator;
import io.retrobridge.transport.RemoteCallException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Project versions and board sprints, read as release planning reads them, from the sandbox's real-shaped answers. */
class JiraClientReleasePlanningTest extends JiraClientTestSupport {

    @Test
    void projectVersionsComeInTheProjectsOrderWithReleaseStateAndDate() {
        sandbox.seed().version("PAY", "4.2.0", true, LocalDate.of(2026, 11, 20));
        sandbox.seed().version("PAY", "4.4.0", false, null);
        sandbox.seed().version("PAY", "4.3.0", false, LocalDate.of(2026, 12, 14));

        List<JiraVersion> versions = jira.projectVersions("PAY");

        assertThat(versions).extracting(JiraVersion::name).containsExactly("4.2.0", "4.4.0", "4.3.0");
        assertThat(versions.get(0).released()).isTrue();
        assertThat(versions.get(0).releaseDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(versions.get(1).released()).isFalse();
        assertThat(versions.get(1).releaseDate()).isNull();
        assertThat(versions.get(2).id()).isNotBlank();
        assertThat(jira.projectVersions("OPS")).isEmpty();
        assertThat(sentCount("GET", "/rest/api/3/project/PAY/versions")).isEqualTo(1);
    }

    @Test
    void theSandboxesVersionsAnswerIsOneJirasSpecAccepts() throws Exception {
        sandbox.seed().version("PAY", "4.3.0", false, LocalDate.of(2026, 12, 14));
        String path = "/rest/api/3/project/PAY/versions";
        String basic = "Basic " + Base64.getEncoder().encodeToString((BOT_EMAIL + ":" + TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.baseUrl() + path)).header("Authorization", basic).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        List<String> problems = JiraOpenApiValidator.shared().problems(
                new JiraOpenApiValidator.Call("GET", path, Map.of("Authorization", List.of(basic)), null),
                new JiraOpenApiValidator.Answer(answer.statusCode(),
                        Map.of("Content-Type", List.of("application/json")), answer.body()));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(problems).isEmpty();
    }

    @Test
    void jiraServerIsAskedThroughRestV2() {
        sandbox.seed().version("PAY", "4.3.0", false, null);

        assertThat(serverClient().projectVersions("PAY")).extracting(JiraVersion::name).containsExactly("4.3.0");
        assertThat(sentCount("GET", "/rest/api/2/project/PAY/versions")).isEqualTo(1);
    }

    @Test
    void boardSprintsAreReadPageByPageInTheBoardsOrder() {
        long board = sandbox.seed().board("PAY board", "PAY");
        sandbox.seed().sprint(board, "Sprint 1", "closed");
        for (int i = 0; i < 55; i++) {
            sandbox.seed().sprint(board, "Future " + i, "future");
        }
        sandbox.seed().sprint(board, "Sprint 2", "active");

        List<JiraSprint> sprints = jira.boardSprints(board, List.of("active", "future"));

        assertThat(sprints).hasSize(56);
        assertThat(sprints.get(0).name()).isEqualTo("Sprint 2");
        assertThat(sprints.get(0).isActive()).isTrue();
        assertThat(sprints.get(1).name()).isEqualTo("Future 0");
        assertThat(sprints.get(1).isFuture()).isTrue();
        assertThat(sentCount("GET", "/rest/agile/1.0/board/" + board + "/sprint")).as("pages of 50").isEqualTo(2);
    }

    @Test
    void aBoardJiraDoesNotKnowIsNotFound() {
        assertThatThrownBy(() -> jira.boardSprints(404, List.of("active")))
                .isInstanceOfSatisfying(RemoteCallException.class,
                        e -> assertThat(e.failure()).isEqualTo(RemoteCallException.Failure.NOT_FOUND));
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> jira.projectVersions("PAY/../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> jira.boardSprints(0, List.of("active"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> jira.boardSprints(1, List.of("running"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(sent).isEmpty();
    }

    @Test
    void anIssueTakesAVersionOfItsProjectAndAnOpenSprintAndRefusesOthersAsJiraDoes() {
        sandbox.seed().version("PAY", "4.3.0", false, null);
        long board = sandbox.seed().board("PAY board", "PAY");
        long future = sandbox.seed().sprint(board, "Sprint 9", "future");
        long closed = sandbox.seed().sprint(board, "Sprint 8", "closed");
        String key = jira.create(task("Plan me")).key();

        jira.edit(key, object("{\"fixVersions\":[{\"name\":\"4.3.0\"}],\"customfield_10020\":" + future + "}"));

        JiraIssue planned = jira.find(key, List.of("fixVersions", "customfield_10020")).orElseThrow();
        assertThat(planned.fields().path("fixVersions").get(0).path("name").asText()).isEqualTo("4.3.0");
        assertThat(planned.fields().path("customfield_10020").get(0).path("name").asText()).isEqualTo("Sprint 9");
        assertThatThrownBy(() -> jira.edit(key, object("{\"fixVersions\":[{\"name\":\"9.9.9\"}]}")))
                .isInstanceOf(RemoteCallException.class);
        assertThatThrownBy(() -> jira.edit(key, object("{\"customfield_10020\":" + closed + "}")))
                .isInstanceOf(RemoteCallException.class);
        assertThat(jira.find(key, List.of("customfield_10020")).orElseThrow().fields().path("customfield_10020").get(0)
                .path("name").asText()).isEqualTo("Sprint 9");
    }
}
