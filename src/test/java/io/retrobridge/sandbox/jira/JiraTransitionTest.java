package io.retrobridge.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Moving issues along To Do, In Progress and Done, and transition screens that demand a field. */
class JiraTransitionTest extends JiraSandboxTestSupport {

    private HttpResponse<String> transition(String key, String body) throws Exception {
        return post("/rest/api/3/issue/" + key + "/transitions", body);
    }

    private List<String> transitionNames(String key) throws Exception {
        List<String> names = new ArrayList<>();
        json(get("/rest/api/3/issue/" + key + "/transitions")).get("transitions")
                .forEach(t -> names.add(t.get("name").asText() + "->" + t.at("/to/name").asText()));
        return names;
    }

    @Test
    void theWorkflowOffersTheOtherStatusesAndMovesForwardAndBack() throws Exception {
        String key = createTask("Move me", "");
        assertThat(transitionNames(key)).containsExactly("In Progress->In Progress", "Done->Done", "Cancelled->Cancelled");

        assertThat(transition(key, "{\"transition\":{\"id\":\"21\"}}").statusCode()).isEqualTo(204);
        assertThat(issue(key).at("/fields/status/name").asText()).isEqualTo("In Progress");
        assertThat(issue(key).at("/fields/status/statusCategory/key").asText()).isEqualTo("indeterminate");

        assertThat(transition(key, "{\"transition\":{\"id\":\"31\"}}").statusCode()).isEqualTo(204);
        JsonNode done = issue(key).get("fields");
        assertThat(done.at("/status/name").asText()).isEqualTo("Done");
        assertThat(done.at("/resolution/name").asText()).isEqualTo("Done");
        assertThat(done.get("resolutiondate").isNull()).isFalse();

        assertThat(transition(key, "{\"transition\":{\"id\":\"11\"}}").statusCode()).isEqualTo(204);
        JsonNode reopened = issue(key).get("fields");
        assertThat(reopened.at("/status/name").asText()).isEqualTo("To Do");
        assertThat(reopened.get("resolution").isNull()).isTrue();

        assertThat(transition(key, "{\"transition\":{\"id\":\"41\"}}").statusCode()).isEqualTo(204);
        JsonNode cancelled = issue(key).get("fields");
        assertThat(cancelled.at("/status/name").asText()).isEqualTo("Cancelled");
        assertThat(cancelled.at("/resolution/name").asText()).isEqualTo("Won't Do");
    }

    @Test
    void anUnavailableTransitionIdIsRefusedLikeJira() throws Exception {
        String key = createTask("Stay", "");

        HttpResponse<String> toSameStatus = transition(key, "{\"transition\":{\"id\":\"11\"}}");
        HttpResponse<String> unknown = transition(key, "{\"transition\":{\"id\":\"999\"}}");

        assertThat(toSameStatus.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("errorMessages").get(0).asText())
                .isEqualTo("Transition id '999' is not valid for this issue.");
        assertThat(issue(key).at("/fields/status/name").asText()).isEqualTo("To Do");
    }

    @Test
    void aRequiredScreenFieldRefusesTheTransitionUntilGiven() throws Exception {
        sandbox.workflow().requireFieldOn("Done", "resolution");
        String key = createTask("Needs a resolution", "");

        JsonNode screen = json(get("/rest/api/3/issue/" + key + "/transitions?expand=transitions.fields"));
        JsonNode done = screen.get("transitions").get(1);
        assertThat(done.get("name").asText()).isEqualTo("Done");
        assertThat(done.get("hasScreen").asBoolean()).isTrue();
        assertThat(done.at("/fields/resolution/required").asBoolean()).isTrue();

        HttpResponse<String> refused = transition(key, "{\"transition\":{\"id\":\"31\"}}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).at("/errors/resolution").asText()).isEqualTo("Resolution is required.");
        assertThat(issue(key).at("/fields/status/name").asText()).isEqualTo("To Do");

        HttpResponse<String> accepted = transition(key,
                "{\"transition\":{\"id\":\"31\"},\"fields\":{\"resolution\":{\"name\":\"Won't Do\"}}}");
        assertThat(accepted.statusCode()).isEqualTo(204);
        assertThat(issue(key).at("/fields/resolution/name").asText()).isEqualTo("Won't Do");
    }

    @Test
    void aFieldNotOnTheTransitionScreenIsRefused() throws Exception {
        String key = createTask("No screen", "");

        HttpResponse<String> refused = transition(key,
                "{\"transition\":{\"id\":\"21\"},\"fields\":{\"resolution\":{\"name\":\"Done\"}}}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).at("/errors/resolution").asText()).contains("cannot be set");
    }

    @Test
    void aTransitionCanCarryAComment() throws Exception {
        String key = createTask("Close with a note", "");

        transition(key, "{\"transition\":{\"id\":\"31\"},\"update\":{\"comment\":[{\"add\":{\"body\":"
                + adf("Fixed in 4.2.1") + "}}]}}");

        JsonNode comments = json(get("/rest/api/3/issue/" + key + "/comment"));
        assertThat(comments.get("total").asInt()).isEqualTo(1);
        assertThat(comments.at("/comments/0/body/content/0/content/0/text").asText()).isEqualTo("Fixed in 4.2.1");
    }
}
