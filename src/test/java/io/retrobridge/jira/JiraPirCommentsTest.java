package io.retrobridge.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.EntityKind;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.mapping.pir.PirMetricsMapping;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.testsupport.CamelHttpExtension;
import io.retrobridge.testsupport.JiraOpenApiValidator;
import io.retrobridge.testsupport.PirExamples;
import io.retrobridge.testsupport.SandboxPair;
import io.retrobridge.transport.OutboundRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PIR summary as one comment on a change's mirror issue in the Jira Cloud simulator: created once, edited in
 * place, found again by its marker; every request checked against Jira's published spec.
 */
class JiraPirCommentsTest {

    private static final AtomicInteger CHANGES = new AtomicInteger();

    @RegisterExtension
    final CamelHttpExtension camel = new CamelHttpExtension();
    final SandboxPair pair = SandboxPair.shared();
    final List<OutboundRequest> sent = Collections.synchronizedList(new ArrayList<>());
    final MirrorLinks links = new MirrorLinks();

    @AfterEach
    void everyRequestSentMatchesJirasSpec() {
        synchronized (sent) {
            sent.forEach(r -> JiraOpenApiValidator.shared().assertValid(JiraClientTestSupport.call(r)));
        }
    }

    private JiraPirComments comments() {
        JiraProperties properties = new JiraProperties(pair.jira.baseUrl(), SandboxPair.SYNC_EMAIL,
                SandboxPair.SYNC_TOKEN, null, null, Duration.ofSeconds(2), Duration.ofSeconds(10),
                Duration.ofMinutes(3));
        JiraClient client = new JiraClient(JiraConnectionConfiguration.remoteSystem(properties, (target, request) -> {
            sent.add(request);
            return camel.sender().send(target, request);
        }), properties);
        return new JiraPirComments(client, links);
    }

    /** A change and its mirror issue, linked as the change mirror links them. */
    private ChangeRecord mirroredChange() {
        ChangeRecord change = unmirroredChange();
        JsonNode issue = SandboxPair.json(pair.jiraCall("POST", "/rest/api/3/issue", "{\"fields\":{\"project\":"
                + "{\"key\":\"PAY\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"" + change.number()
                + ": Checkout 4.2.0\"}}"));
        links.insert(Link.newLink(EntityKind.CHANGE_RECORD, "rb-chg-" + change.sysId())
                .withExternalId(ExternalSystem.SERVICENOW, change.sysId())
                .withExternalId(ExternalSystem.JIRA, issue.get("id").asText()));
        return change;
    }

    private static ChangeRecord unmirroredChange() {
        int n = CHANGES.incrementAndGet();
        String sysId = UUID.randomUUID().toString().replace("-", "");
        return PirExamples.change(sysId, "CHG09" + String.format("%05d", n), "");
    }

    private String issueOf(ChangeRecord change) {
        return links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, change.sysId())).orElseThrow()
                .idOn(ExternalSystem.JIRA).orElseThrow();
    }

    private List<JsonNode> commentsOn(ChangeRecord change) {
        JsonNode page = SandboxPair.json(pair.jiraCall("GET", "/rest/api/3/issue/" + issueOf(change) + "/comment", null));
        List<JsonNode> all = new ArrayList<>();
        page.path("comments").forEach(all::add);
        return all;
    }

    private static PirMetricsMapping commentOnly() {
        return PirExamples.mapping((String) null, null, null);
    }

    /** Every text node of a document, in order, joined by a space. */
    private static String texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        collect(node, texts);
        return String.join(" ", texts);
    }

    private static void collect(JsonNode node, List<String> texts) {
        if ("text".equals(node.path("type").asText())) {
            texts.add(node.path("text").asText());
        }
        node.path("content").forEach(child -> collect(child, texts));
    }

    private static List<String> hrefs(JsonNode node) {
        List<String> hrefs = new ArrayList<>();
        node.findValues("marks").forEach(marks -> marks.forEach(mark -> {
            if ("link".equals(mark.path("type").asText())) {
                hrefs.add(mark.path("attrs").path("href").asText());
            }
        }));
        return hrefs;
    }

    @Test
    void theFirstCollectionCreatesOneCommentAndLaterOnesEditIt() {
        ChangeRecord change = mirroredChange();
        JiraPirComments comments = comments();

        Optional<String> first = comments.write(change, PirExamples.summary(change.number(), 1, 0.0740),
                commentOnly(), Optional.empty());

        assertThat(first).isPresent();
        JsonNode created = commentsOn(change).get(0);
        assertThat(commentsOn(change)).hasSize(1);
        assertThat(created.get("id").asText()).isEqualTo(first.get());
        JsonNode body = created.get("body");
        assertThat(JiraComments.firstLine(body)).isEqualTo("[rb-pir change:" + change.number() + "]");
        assertThat(body.findValues("type")).extracting(JsonNode::asText).contains("heading", "table", "tableHeader",
                "tableCell", "bulletList");
        assertThat(texts(body)).contains("Post-implementation review figures (RetroBridge)",
                "Metric Before After Change Verdict", "Error rate (ratio) 0.0099 0.0740 +647.5% degraded",
                "Throughput (requests/s) n/a n/a n/a no data", "(collection 1)");
        assertThat(hrefs(body)).contains(PirExamples.PROMETHEUS + "sum%28rate%28http_requests_total%5B5m%5D%29%29",
                "https://ci.example/runs/42");

        Optional<String> second = comments.write(change, PirExamples.summary(change.number(), 2, 0.0500),
                commentOnly(), first);

        assertThat(second).isEqualTo(first);
        assertThat(commentsOn(change)).singleElement().satisfies(edited -> {
            assertThat(edited.get("id").asText()).isEqualTo(first.get());
            assertThat(texts(edited.get("body"))).contains("0.0099 0.0500 +405.1% degraded", "(collection 2)")
                    .doesNotContain("0.0740");
        });
    }

    @Test
    void aCommentWrittenButNotRememberedIsFoundByItsMarkerAndEdited() {
        ChangeRecord change = mirroredChange();
        JiraPirComments comments = comments();
        Optional<String> written = comments.write(change, PirExamples.summary(change.number(), 1, 0.0740),
                commentOnly(), Optional.empty());

        Optional<String> again = comments.write(change, PirExamples.summary(change.number(), 2, 0.0600),
                commentOnly(), Optional.empty());

        assertThat(again).isEqualTo(written);
        assertThat(commentsOn(change)).singleElement()
                .satisfies(c -> assertThat(texts(c.get("body"))).contains("0.0600", "(collection 2)"));
    }

    @Test
    void aMarkerSomeoneElseWroteIsNotTakenForOurComment() {
        ChangeRecord change = mirroredChange();
        pair.jiraCall("POST", "/rest/api/3/issue/" + issueOf(change) + "/comment", "{\"body\":{\"type\":\"doc\","
                + "\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":"
                + "\"[rb-pir change:" + change.number() + "]\"}]}]}}");

        comments().write(change, PirExamples.summary(change.number(), 1, 0.0740), commentOnly(), Optional.empty());

        assertThat(commentsOn(change)).hasSize(2);
    }

    @Test
    void aDeletedCommentIsWrittenAgain() {
        ChangeRecord change = mirroredChange();
        JiraPirComments comments = comments();
        String first = comments.write(change, PirExamples.summary(change.number(), 1, 0.0740), commentOnly(),
                Optional.empty()).orElseThrow();
        pair.jiraCall("DELETE", "/rest/api/3/issue/" + issueOf(change) + "/comment/" + first, null);

        Optional<String> second = comments.write(change, PirExamples.summary(change.number(), 2, 0.0740),
                commentOnly(), Optional.of(first));

        assertThat(second).isPresent().isNotEqualTo(Optional.of(first));
        assertThat(commentsOn(change)).singleElement()
                .satisfies(c -> assertThat(c.get("id").asText()).isEqualTo(second.get()));
    }

    @Test
    void aChangeWithoutAMirrorGetsNothing() {
        ChangeRecord change = unmirroredChange();

        Optional<String> written = comments().write(change, PirExamples.summary(change.number(), 1, 0.0740),
                PirExamples.mapping((String) null, "customfield_10090", "customfield_10091"), Optional.empty());

        assertThat(written).isEmpty();
        assertThat(sent).isEmpty();
    }

    @Test
    void hostileTitlesAlertNamesLinksAndReasonsStayText() {
        ChangeRecord change = mirroredChange();
        String title = "Errors [click](javascript:alert(1)) <b>bold</b> {color:red}";
        String alert = "HighErrorRate *now* [x|javascript:alert(2)]";
        PirSummary summary = PirExamples.summary(change.number(), 1, 0.0740, title, alert,
                "Prometheus answered 503\nh1. not a heading");

        comments().write(change, summary, commentOnly(), Optional.empty());

        JsonNode body = commentsOn(change).get(0).get("body");
        assertThat(texts(body)).contains(title + " (ratio)", alert, "Incomplete: Prometheus answered 503 h1. not a heading");
        assertThat(hrefs(body)).allMatch(href -> href.startsWith("http://") || href.startsWith("https://"));
    }

    /** The one link store a test needs: the change-record links the mirror would have made. */
    static final class MirrorLinks implements LinkStore {

        private final Map<UUID, Link> links = new LinkedHashMap<>();

        @Override
        public synchronized Link insert(Link link) {
            links.put(link.id(), link);
            return link;
        }

        @Override
        public synchronized Optional<Link> findById(UUID id) {
            return Optional.ofNullable(links.get(id));
        }

        @Override
        public synchronized Optional<Link> findByExternal(ExternalRef ref) {
            return links.values().stream().filter(l -> l.idOn(ref.system()).map(ref.id()::equals).orElse(false))
                    .findFirst();
        }

        @Override
        public synchronized Optional<Link> findByCorrelationId(String correlationId) {
            return links.values().stream().filter(l -> l.correlationId().equals(correlationId)).findFirst();
        }

        @Override
        public synchronized Link update(Link link) {
            links.put(link.id(), link);
            return link;
        }

        @Override
        public synchronized long count() {
            return links.size();
        }
    }
}
