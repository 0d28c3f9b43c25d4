package io.retrobridge.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.domain.Link;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.jira.JiraPoller;
import io.retrobridge.sandbox.jira.JiraSandbox;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import io.retrobridge.sandbox.servicenow.ServiceNowSeed.SeededRecord;
import io.retrobridge.servicenow.ServiceNowPoller;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.SandboxPair;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mapping preview against both simulators: it shows what the sync would send, and sends nothing.
 * The demo's canary task is previewed before it was ever synced, after sync, and after an edit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=grafana",
        "retrobridge.security.api-keys[0].key=" + MappingPreviewTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MappingPreviewTest {

    static final String ADMIN_KEY = AdminApi.ADMIN_KEY;
    static final String VIEWER_KEY = "view-Rt5uY8iO2pA4sD6f";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Its own simulators: the canary task must still be unsynced when the first preview runs. */
    static final SandboxPair systems = new SandboxPair();
    static final JiraSandbox jira = systems.jira;
    static final ServiceNowSandbox servicenow = systems.servicenow;
    static final Map<String, String> jiraKeys = systems.jiraKeys;
    static final Map<String, SeededRecord> tasks = systems.serviceNowTasks;

    @DynamicPropertySource
    static void systems(DynamicPropertyRegistry registry) {
        systems.register(registry);
    }

    /** Stops both simulators after checking every Jira request against the spec. */
    @AfterAll
    static void stop() {
        systems.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JiraPoller jiraPoller;

    @Autowired
    ServiceNowPoller serviceNowPoller;

    @Autowired
    InboxWorker worker;

    @Autowired
    LinkStore links;

    @Autowired
    Journal journal;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Order(1)
    void anUnsyncedServiceNowTaskPreviewsAsTheJiraIssueItWouldCreate() throws Exception {
        String canary = tasks.get("canary").sysId();
        servicenowCall("PATCH", "/api/now/table/problem_task/" + canary,
                "{\"description\":\"Send 5% of traffic to the new build first.\\n\\nRoll back on any error spike.\"}");
        long linksBefore = links.count();

        JsonNode preview = previewWithoutWrites("servicenow", canary);

        assertThat(preview.get("id").asText()).isEqualTo(canary);
        assertThat(preview.get("key").asText()).isEqualTo(tasks.get("canary").number());
        assertThat(preview.get("inScope").asBoolean()).isTrue();
        assertThat(preview.get("link").isNull()).isTrue();
        assertThat(preview.get("item").get("title").asText()).isEqualTo("Add a canary stage to payment gateway deployments");
        assertThat(preview.get("item").get("status").asText()).isEqualTo("IN_PROGRESS");
        JsonNode classification = preview.get("classification");
        assertThat(classification.get("ruleId").asText()).isEqualTo("pipeline-tooling");
        assertThat(classification.get("scope").asText()).isEqualTo("tooling-upgrade");
        assertThat(classification.get("reason").asText()).contains("pipeline-tooling");

        JsonNode decision = preview.get("decision");
        assertThat(decision.get("action").asText()).isEqualTo("create");
        assertThat(decision.get("ruleIds")).extracting(JsonNode::asText).contains("pipeline-tooling");
        assertThat(decision.get("writes")).hasSize(1);
        JsonNode create = decision.get("writes").get(0);
        assertThat(create.get("system").asText()).isEqualTo("jira");
        assertThat(create.get("operation").asText()).isEqualTo("create");
        assertThat(create.get("id").isNull()).isTrue();
        JsonNode payload = create.get("payload");
        assertThat(payload.get("summary").asText()).isEqualTo("Add a canary stage to payment gateway deployments");
        assertThat(payload.get("project").get("key").asText()).isEqualTo("PAY");
        assertThat(payload.get("description").get("type").asText()).as("ADF document").isEqualTo("doc");
        assertThat(payload.get("description").get("content")).as("one ADF paragraph per paragraph").hasSize(2);
        assertThat(payload.get("description").toString()).contains("Roll back on any error spike.");
        List<String> labels = texts(payload.get("labels"));
        assertThat(labels).contains("retro-action", "scope:tooling-upgrade", "kind:preventive",
                "phase:pre-deployment-testing");
        assertThat(labels).anyMatch(label -> label.startsWith("rb-"));

        assertThat(links.count()).as("a preview links nothing").isEqualTo(linksBefore);
        assertThat(journal.forSubject(new ExternalRef(ExternalSystem.SERVICENOW, canary), 10)).as("nor journals").isEmpty();
    }

    @Test
    @Order(2)
    void afterSyncAnUnchangedItemPreviewsAsAnEchoSkipOnEitherSide() throws Exception {
        syncEverything();
        String canary = tasks.get("canary").sysId();

        JsonNode fromServiceNow = previewWithoutWrites("servicenow", canary);

        assertThat(fromServiceNow.get("decision").get("action").asText()).isEqualTo("skip");
        assertThat(fromServiceNow.get("decision").get("reason").asText()).contains("echo");
        assertThat(fromServiceNow.get("decision").get("writes")).isEmpty();
        JsonNode other = fromServiceNow.get("link").get("other");
        assertThat(other.get("system").asText()).isEqualTo("jira");
        String issueKey = other.get("key").asText();
        assertThat(issueKey).startsWith("PAY-");

        JsonNode fromJira = previewWithoutWrites("jira", issueKey);

        assertThat(fromJira.get("id").asText()).as("the key resolved to the issue id links store")
                .isEqualTo(other.get("id").asText()).matches("\\d+");
        assertThat(fromJira.get("key").asText()).isEqualTo(issueKey);
        assertThat(fromJira.get("link").get("other").get("id").asText()).isEqualTo(canary);
        assertThat(fromJira.get("decision").get("action").asText()).isEqualTo("skip");
        assertThat(fromJira.get("decision").get("reason").asText()).contains("echo");
    }

    @Test
    @Order(3)
    void anEditOnOneSidePreviewsAsAnUpdateOfJustThatField() throws Exception {
        String canary = tasks.get("canary").sysId();
        String issueKey = previewWithoutWrites("servicenow", canary).get("link").get("other").get("key").asText();
        jiraCall("PUT", "/rest/api/3/issue/" + issueKey,
                "{\"fields\":{\"summary\":\"Add a canary stage with automatic rollback to gateway deployments\"}}");

        JsonNode preview = previewWithoutWrites("jira", issueKey);

        JsonNode decision = preview.get("decision");
        assertThat(decision.get("action").asText()).isEqualTo("update");
        assertThat(decision.get("writes")).hasSize(1);
        JsonNode update = decision.get("writes").get(0);
        assertThat(update.get("system").asText()).isEqualTo("servicenow");
        assertThat(update.get("operation").asText()).isEqualTo("update");
        assertThat(update.get("id").asText()).isEqualTo(canary);
        assertThat(update.get("key").asText()).isEqualTo(tasks.get("canary").number());
        assertThat(texts(update.get("fields"))).containsExactly("title");
        assertThat(fieldNames(update.get("payload"))).containsExactly("short_description");
        assertThat(update.get("payload").get("short_description").asText())
                .isEqualTo("Add a canary stage with automatic rollback to gateway deployments");
        assertThat(servicenow.record("problem_task", canary).orElseThrow().get("short_description"))
                .as("ServiceNow still holds the old title").isEqualTo("Add a canary stage to payment gateway deployments");
    }

    @Test
    @Order(4)
    void everyEntryTheSyncWritesNamesTheRulesThatShapedIt() throws Exception {
        syncEverything();

        Link canary = links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, tasks.get("canary").sysId()))
                .orElseThrow();
        List<JournalEntry> canaryEntries = journal.forLink(canary.id());
        assertThat(canaryEntries).filteredOn(e -> e.action() == JournalAction.WROTE)
                .as("the create and the title update").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(e -> assertThat(e.ruleIds()).contains("pipeline-tooling"));
        assertThat(servicenow.record("problem_task", tasks.get("canary").sysId()).orElseThrow().get("short_description"))
                .isEqualTo("Add a canary stage with automatic rollback to gateway deployments");

        String contractTests = jiraIssueId(jiraKeys.get("contractTests"));
        Link unmatched = links.findByExternal(new ExternalRef(ExternalSystem.JIRA, contractTests)).orElseThrow();
        assertThat(journal.forLink(unmatched.id())).filteredOn(e -> e.action() == JournalAction.WROTE).isNotEmpty()
                .allSatisfy(e -> assertThat(e.ruleIds()).as("no rule matched: the default classified it")
                        .contains("default"));
        assertThat(journal.forLink(unmatched.id())).allSatisfy(e -> assertThat(e.ruleIds()).isNotEmpty());
    }

    @Test
    @Order(5)
    void wrongRequestsAreRefusedSayingWhatToSend() throws Exception {
        HttpResponse<String> unknownSystem = get("/api/admin/mappings/preview?system=github&id=PAY-1", ADMIN_KEY);
        assertThat(unknownSystem.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownSystem.body()).get("error").asText()).contains("github", "jira, servicenow");

        HttpResponse<String> noIssue = get("/api/admin/mappings/preview?system=jira&id=PAY-999", ADMIN_KEY);
        assertThat(noIssue.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(noIssue.body()).get("error").asText()).contains("jira", "PAY-999");

        String missingSysId = "0123456789abcdef0123456789abcdef";
        HttpResponse<String> noRecord = get("/api/admin/mappings/preview?system=servicenow&id=" + missingSysId, ADMIN_KEY);
        assertThat(noRecord.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(noRecord.body()).get("error").asText()).contains("servicenow", missingSysId);

        HttpResponse<String> notAnId = get("/api/admin/mappings/preview?system=jira&id="
                + URLEncoder.encode("PAY-1 OR 1=1", StandardCharsets.UTF_8), ADMIN_KEY);
        assertThat(notAnId.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notAnId.body()).get("error").asText()).contains("issue key");

        HttpResponse<String> noId = get("/api/admin/mappings/preview?system=jira", ADMIN_KEY);
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noId.body()).get("error").asText()).contains("id");

        assertThat(get("/api/admin/mappings/preview?system=jira&id=PAY-1", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/admin/mappings/preview?system=jira&id=PAY-1", VIEWER_KEY).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(6)
    void bothSidesEditedShowsTheConflictAndHowThePolicySettlesIt() throws Exception {
        String canary = tasks.get("canary").sysId();
        String issueKey = previewWithoutWrites("servicenow", canary).get("link").get("other").get("key").asText();
        jiraCall("PUT", "/rest/api/3/issue/" + issueKey, "{\"fields\":{\"summary\":\"Canary stage (Jira wording)\"}}");
        Thread.sleep(1_100); // ServiceNow keeps whole seconds: its edit must be unmistakably the newer one
        servicenowCall("PATCH", "/api/now/table/problem_task/" + canary,
                "{\"short_description\":\"Canary stage (ServiceNow wording)\"}");

        JsonNode decision = previewWithoutWrites("servicenow", canary).get("decision");

        assertThat(decision.get("conflicts")).singleElement().satisfies(conflict -> {
            assertThat(conflict.get("field").asText()).isEqualTo("title");
            assertThat(conflict.get("thisSide").asText()).isEqualTo("Canary stage (ServiceNow wording)");
            assertThat(conflict.get("otherSide").asText()).isEqualTo("Canary stage (Jira wording)");
            assertThat(conflict.get("policy").asText()).isEqualTo("newest-wins");
            assertThat(conflict.get("resolution").asText()).isEqualTo("source-written");
        });
        assertThat(decision.get("action").asText()).isEqualTo("update");
        assertThat(decision.get("writes")).singleElement().satisfies(write -> {
            assertThat(write.get("system").asText()).isEqualTo("jira");
            assertThat(write.get("key").asText()).isEqualTo(issueKey);
            assertThat(write.get("payload").toString()).isEqualTo("{\"summary\":\"Canary stage (ServiceNow wording)\"}");
        });
    }

    @Test
    @Order(7)
    void aRecordOutsideTheScopeIsExplainedButWouldNotBeSynced() throws Exception {
        JsonNode preview = previewWithoutWrites("jira", jiraKeys.get("bug"));

        assertThat(preview.get("inScope").asBoolean()).as("a Bug, not a Task labelled retro-action").isFalse();
        assertThat(preview.get("link").isNull()).isTrue();
        assertThat(preview.get("item").get("title").asText()).isEqualTo("Checkout fails with gateway timeout");
        assertThat(preview.get("classification").get("ruleId").asText()).isNotBlank();
        assertThat(preview.get("decision").get("action").asText()).isEqualTo("out-of-scope");
        assertThat(preview.get("decision").get("writes")).isEmpty();
    }

    /** The preview, asserting that answering it wrote nothing to either system. */
    private JsonNode previewWithoutWrites(String system, String id) throws Exception {
        long jiraWrites = jira.requests().successfulWrites("/rest/api");
        long servicenowWrites = servicenow.requests().successfulWrites("/api/now/table");

        HttpResponse<String> response = get("/api/admin/mappings/preview?system=" + system + "&id=" + id, ADMIN_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(jira.requests().successfulWrites("/rest/api")).as("Jira writes by the preview").isEqualTo(jiraWrites);
        assertThat(servicenow.requests().successfulWrites("/api/now/table")).as("ServiceNow writes by the preview")
                .isEqualTo(servicenowWrites);
        return JSON.readTree(response.body());
    }

    private void syncEverything() {
        serviceNowPoller.poll();
        jiraPoller.poll();
        while (worker.drain() > 0) {
            // until the inbox is empty
        }
        serviceNowPoller.poll();
        jiraPoller.poll();
        while (worker.drain() > 0) {
            // and the echoes of our own writes
        }
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private String jiraIssueId(String key) throws Exception {
        return JSON.readTree(jiraCall("GET", "/rest/api/3/issue/" + key + "?fields=summary", null)).get("id").asText();
    }

    /** As the connector's own account, as these tests always did. */
    private static String jiraCall(String method, String path, String body) {
        return systems.jiraCallAs(SandboxPair.SYNC_EMAIL, SandboxPair.SYNC_TOKEN, method, path, body);
    }

    private static String servicenowCall(String method, String path, String body) {
        return systems.servicenowCallAs(SandboxPair.SYNC_USER, SandboxPair.SYNC_PASSWORD, method, path, body);
    }
}
