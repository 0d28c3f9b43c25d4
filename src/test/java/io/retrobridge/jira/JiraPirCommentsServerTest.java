package io.retrobridge.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.EntityKind;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.testsupport.PirExamples;
import io.retrobridge.transport.Credentials;
import io.retrobridge.transport.HttpTarget;
import io.retrobridge.transport.OutboundRequest;
import io.retrobridge.transport.OutboundResponse;
import io.retrobridge.transport.RemoteSystem;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The PIR comment on Jira Server/Data Center: wiki markup with every value escaped, edited in place by
 * {@code PUT .../comment/{id}}, fields set in one edit. The simulator speaks REST v3, so these calls are answered
 * here with the shapes Jira Server documents.
 */
class JiraPirCommentsServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUE = "10001";
    private static final String COMMENTS = "/rest/api/2/issue/" + ISSUE + "/comment";

    private final List<OutboundRequest> sent = new ArrayList<>();
    private final Map<String, OutboundResponse> answers = new LinkedHashMap<>();
    private final JiraPirCommentsTest.MirrorLinks links = new JiraPirCommentsTest.MirrorLinks();
    private final ChangeRecord change = PirExamples.change("a1b2c3d4e5f60718293a4b5c6d7e8f90", "CHG0030001", "");

    private JiraPirComments comments() {
        RemoteSystem remote = new RemoteSystem(new HttpTarget("Jira", URI.create("https://jira.example.com"),
                Duration.ofSeconds(1), Duration.ofSeconds(1)), Credentials.bearer("pat-secret", "personal access token"),
                (target, request) -> {
                    sent.add(request);
                    return Optional.ofNullable(answers.get(request.method() + " " + request.path()))
                            .orElse(new OutboundResponse(404, Map.of(), "{\"errorMessages\":[\"not here\"]}"));
                });
        links.insert(Link.newLink(EntityKind.CHANGE_RECORD, "rb-chg-test")
                .withExternalId(ExternalSystem.SERVICENOW, change.sysId()).withExternalId(ExternalSystem.JIRA, ISSUE));
        answer("GET /rest/api/2/myself", 200, "{\"name\":\"retrobridge\"}");
        answer("PUT /rest/api/2/issue/" + ISSUE, 204, "");
        return new JiraPirComments(new JiraClient(remote, false), links);
    }

    private void answer(String methodAndPath, int status, String body) {
        answers.put(methodAndPath, new OutboundResponse(status, Map.of("Content-Type", List.of("application/json")),
                body));
    }

    private void commentsAre(String... bodies) throws Exception {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < bodies.length; i++) {
            list.append(i == 0 ? "" : ",").append("{\"id\":\"").append(10010 + i).append("\",\"author\":{\"name\":")
                    .append("\"retrobridge\"},\"body\":").append(JSON.writeValueAsString(bodies[i]))
                    .append(",\"created\":\"2026-12-07T06:01:00.000+0000\"}");
        }
        answer("GET " + COMMENTS, 200, "{\"startAt\":0,\"maxResults\":100,\"total\":" + bodies.length
                + ",\"comments\":[" + list + "]}");
    }

    private List<OutboundRequest> sent(String method, String path) {
        return sent.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private static String body(OutboundRequest request) throws Exception {
        return JSON.readTree(request.body()).path("body").asText();
    }

    @Test
    void theCommentIsAnEscapedWikiTableAndTheFieldsAreSetInOneEdit() throws Exception {
        JiraPirComments comments = comments();
        commentsAre();
        answer("POST " + COMMENTS, 201, "{\"id\":\"10010\",\"author\":{\"name\":\"retrobridge\"},\"body\":\"x\","
                + "\"created\":\"2026-12-07T06:01:00.000+0000\"}");
        PirSummary summary = PirExamples.summary(change.number(), 1, 0.0740, "Errors |5xx| [x|javascript:y] !img.png!",
                "HighErrorRate {color:red}*now*", null);

        Optional<String> written = comments.write(change, summary,
                PirExamples.mapping((String) null, "customfield_10090", "customfield_10091"), Optional.empty());

        assertThat(written).contains("10010");
        String wiki = body(sent("POST", COMMENTS).get(0));
        assertThat(wiki).startsWith("\\[rb\\-pir change:CHG0030001\\]\nh3. Post\\-implementation review figures "
                + "(RetroBridge)\n")
                .contains("\n||Metric||Before||After||Change||Verdict||\n")
                .contains("\n|Errors \\|5xx\\| \\[x\\|javascript:y\\] \\!img.png\\! (ratio)|0.0099|0.0740|\\+647.5%|"
                        + "degraded|\n")
                .contains("* [Errors \\|5xx\\| \\[x\\|javascript:y\\] \\!img.png\\!|" + PirExamples.PROMETHEUS
                        + "sum%28rate%28http_requests_total%5B5m%5D%29%29]")
                .contains("HighErrorRate \\{color:red\\}\\*now\\*")
                .contains("(collection 1)");
        List<OutboundRequest> edits = sent("PUT", "/rest/api/2/issue/" + ISSUE);
        assertThat(edits).hasSize(1);
        JsonNode fields = JSON.readTree(edits.get(0).body()).path("fields");
        assertThat(fields.path("customfield_10091").asText()).isEqualTo("0.0099 -> 0.0740 (+647.5%), degraded");
        assertThat(fields.path("customfield_10090").asText()).startsWith("Post\\-implementation review figures")
                .contains("\\|5xx\\|");
    }

    @Test
    void aLaterCollectionEditsTheCommentAndADeletedOneIsWrittenAgain() throws Exception {
        JiraPirComments comments = comments();
        answer("PUT " + COMMENTS + "/10010", 200, "{\"id\":\"10010\",\"author\":{\"name\":\"retrobridge\"},"
                + "\"body\":\"x\",\"created\":\"2026-12-07T06:01:00.000+0000\"}");

        Optional<String> edited = comments.write(change, PirExamples.summary(change.number(), 2, 0.0500),
                PirExamples.mapping((String) null, null, null), Optional.of("10010"));

        assertThat(edited).contains("10010");
        assertThat(body(sent("PUT", COMMENTS + "/10010").get(0))).contains("|0.0099|0.0500|\\+405.1%|degraded|");
        assertThat(sent("POST", COMMENTS)).isEmpty();

        answers.remove("PUT " + COMMENTS + "/10010");
        commentsAre("Someone else's words");
        answer("POST " + COMMENTS, 201, "{\"id\":\"10011\",\"author\":{\"name\":\"retrobridge\"},\"body\":\"x\","
                + "\"created\":\"2026-12-07T06:02:00.000+0000\"}");

        Optional<String> rewritten = comments.write(change, PirExamples.summary(change.number(), 3, 0.0500),
                PirExamples.mapping((String) null, null, null), Optional.of("10010"));

        assertThat(rewritten).contains("10011");
        assertThat(sent("POST", COMMENTS)).hasSize(1);
    }

    @Test
    void ourCommentFoundByItsMarkerIsEditedNotWrittenAgain() throws Exception {
        JiraPirComments comments = comments();
        commentsAre("\\[rb\\-pir change:CHG0030001\\]\nh3. Post\\-implementation review figures (RetroBridge)");
        answer("PUT " + COMMENTS + "/10010", 200, "{\"id\":\"10010\",\"author\":{\"name\":\"retrobridge\"},"
                + "\"body\":\"x\",\"created\":\"2026-12-07T06:01:00.000+0000\"}");

        Optional<String> written = comments.write(change, PirExamples.summary(change.number(), 2, 0.0740),
                PirExamples.mapping((String) null, null, null), Optional.empty());

        assertThat(written).contains("10010");
        assertThat(sent("PUT", COMMENTS + "/10010")).hasSize(1);
        assertThat(sent("POST", COMMENTS)).isEmpty();
    }
}
