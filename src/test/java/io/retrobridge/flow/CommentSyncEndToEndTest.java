package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Link;
import io.retrobridge.flow.comments.CommentSync;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.jira.JiraPoller;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.MappingLoader;
import io.retrobridge.mapping.TextFormatConverters;
import io.retrobridge.sandbox.jira.JiraSandbox;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import io.retrobridge.servicenow.ServiceNowPoller;
import io.retrobridge.sync.CommentLink;
import io.retrobridge.sync.CommentLinkStore;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.testsupport.SandboxPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Comments on a linked action item against both simulators: a Jira comment becomes one ServiceNow work note
 * with its formatting, a work note becomes one Jira comment, nothing is written twice however often sync
 * runs or wherever it crashed, and nothing travels when the mapping says {@code direction: none}.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommentSyncEndToEndTest {

    // The people whose names the copies must carry; the connector itself uses the pair's sync accounts.
    private static final String PERSON_EMAIL = "ada@retrobridge.example";
    private static final String PERSON_TOKEN = "ada-jira-token";
    private static final String SN_PERSON = "ops.engineer";
    private static final String SN_PERSON_PASSWORD = "beth-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Its own simulators: the tests below count every comment and work note on one linked item. */
    static final SandboxPair systems = new SandboxPair();
    static final JiraSandbox jira = systems.jira.addUser("557058:ada", "Ada Lovelace", PERSON_EMAIL, PERSON_TOKEN);
    static final ServiceNowSandbox servicenow = systems.servicenow.addUser(SN_PERSON, SN_PERSON_PASSWORD, "itil");
    static final Map<String, String> jiraKeys = systems.jiraKeys;

    @DynamicPropertySource
    static void systems(DynamicPropertyRegistry registry) {
        systems.register(registry);
    }

    /** Stops both simulators after checking every Jira request against the spec. */
    @AfterAll
    static void stop() {
        systems.close();
    }

    @Autowired
    JiraPoller jiraPoller;

    @Autowired
    ServiceNowPoller serviceNowPoller;

    @Autowired
    InboxWorker worker;

    @Autowired
    CommentSync commentSync;

    @Autowired
    LinkStore links;

    @Autowired
    CommentLinkStore commentLinks;

    @Autowired
    CurrentMappings mappings;

    @Autowired
    JdbcClient jdbc;

    String issueKey;
    String issueId;
    String taskSysId;

    @BeforeAll
    void linkTheDemoItems() throws Exception {
        syncEverything();
        issueKey = jiraKeys.get("contractTests");
        issueId = JSON.readTree(jiraCall("GET", "/rest/api/3/issue/" + issueKey + "?fields=summary", null)).get("id").asText();
        taskSysId = links.findByExternal(new ExternalRef(ExternalSystem.JIRA, issueId)).orElseThrow()
                .idOn(ExternalSystem.SERVICENOW).orElseThrow();
    }

    @Test
    @Order(1)
    void aJiraCommentWithAListAndALinkBecomesOneFormattedWorkNote() throws Exception {
        String comment = jiraCall("POST", "/rest/api/3/issue/" + issueKey + "/comment", """
                {"body":{"type":"doc","version":1,"content":[
                  {"type":"paragraph","content":[{"type":"text","text":"Before cutover we need:"}]},
                  {"type":"bulletList","content":[
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"a consumer contract"}]}]},
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"the provider check in CI"}]}]}]},
                  {"type":"paragraph","content":[{"type":"text","text":"See the ","marks":[]},
                    {"type":"text","text":"runbook","marks":[{"type":"link","attrs":{"href":"https://wiki.example.com/runbooks/checkout"}}]}]}]}}
                """, PERSON_EMAIL, PERSON_TOKEN);
        String commentId = JSON.readTree(comment).get("id").asText();

        syncEverything();

        List<Map<String, String>> notes = workNotes();
        assertThat(notes).hasSize(1);
        String note = notes.get(0).get("value");
        assertThat(note).startsWith("[Jira " + issueKey + " comment by Ada Lovelace] (rb-comment " + commentId + ")");
        assertThat(note).contains("[code]").contains("<li>a consumer contract</li>")
                .contains("<a href=\"https://wiki.example.com/runbooks/checkout\"").contains(">runbook</a>");
        assertThat(note).as("no raw Markdown or ADF in the note")
                .doesNotContain("](").doesNotContain("- a consumer").doesNotContain("\"type\"");
        assertThat(commentLinks.find(ExternalSystem.JIRA, commentId)).hasValueSatisfying(pair ->
                assertThat(pair.copyId()).contains(notes.get(0).get("sys_id")));
    }

    @Test
    @Order(2)
    void aServiceNowWorkNoteBecomesOneJiraCommentInAdf() throws Exception {
        servicenowCall("PATCH", "/api/now/table/problem_task/" + taskSysId,
                "{\"work_notes\":\"Provider check is green on main.\\nMerging tomorrow.\"}", SN_PERSON, SN_PERSON_PASSWORD);

        syncEverything();

        List<JsonNode> copies = jiraComments().stream()
                .filter(c -> firstParagraph(c).startsWith("From ServiceNow ")).toList();
        assertThat(copies).hasSize(1);
        JsonNode copy = copies.get(0);
        assertThat(firstParagraph(copy)).matches("From ServiceNow PTASK\\d+ \\(work note by ops\\.engineer, rb-comment \\w+\\):");
        assertThat(copy.path("body").path("type").asText()).isEqualTo("doc");
        assertThat(copy.toString()).contains("Provider check is green on main.").contains("Merging tomorrow.")
                .doesNotContain("[code]");
        assertThat(workNotes()).as("the copy is not copied back").hasSize(2);
    }

    @Test
    @Order(3)
    void syncingThreeMoreTimesWritesNothing() throws Exception {
        long jiraWrites = jira.requests().successfulWrites("/rest/api");
        long servicenowWrites = servicenow.requests().successfulWrites("/api/now/table");
        Link link = links.findByExternal(new ExternalRef(ExternalSystem.JIRA, issueId)).orElseThrow();

        for (int run = 0; run < 3; run++) {
            syncEverything();
            assertThat(commentSync.syncComments(link)).isZero();
        }

        assertThat(jira.requests().successfulWrites("/rest/api")).isEqualTo(jiraWrites);
        assertThat(servicenow.requests().successfulWrites("/api/now/table")).isEqualTo(servicenowWrites);
        assertThat(jiraComments()).hasSize(2);
        assertThat(workNotes()).hasSize(2);
    }

    @Test
    @Order(4)
    void aCrashAfterWritingBeforeRecordingDuplicatesNothing() throws Exception {
        long jiraWrites = jira.requests().successfulWrites("/rest/api");
        long servicenowWrites = servicenow.requests().successfulWrites("/api/now/table");
        Link link = links.findByExternal(new ExternalRef(ExternalSystem.JIRA, issueId)).orElseThrow();
        assertThat(commentLinks.forLink(link.id())).hasSize(2);
        // Both copies exist, but their records were never written.
        jdbc.sql("DELETE FROM comment_links WHERE link_id = :link").param("link", link.id()).update();

        int copied = commentSync.syncComments(link);

        assertThat(copied).isZero();
        assertThat(jira.requests().successfulWrites("/rest/api")).isEqualTo(jiraWrites);
        assertThat(servicenow.requests().successfulWrites("/api/now/table")).isEqualTo(servicenowWrites);
        assertThat(commentLinks.forLink(link.id())).as("pairs found again by their markers").hasSize(2)
                .allSatisfy(pair -> assertThat(pair.copyId()).isPresent());
    }

    @Test
    @Order(5)
    void aClaimWhoseWriterDiedIsCopiedOnceLaterAndAFreshClaimIsLeftToItsWriter() throws Exception {
        Link link = links.findByExternal(new ExternalRef(ExternalSystem.JIRA, issueId)).orElseThrow();
        String commentId = JSON.readTree(jiraCall("POST", "/rest/api/3/issue/" + issueKey + "/comment",
                "{\"body\":{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":"
                        + "[{\"type\":\"text\",\"text\":\"Contract published.\"}]}]}}", PERSON_EMAIL, PERSON_TOKEN)).get("id").asText();
        commentLinks.recordIntent(CommentLink.intent(link.id(), ExternalSystem.JIRA, commentId, Instant.now()));

        assertThat(commentSync.syncComments(link)).as("another worker is writing it").isZero();

        jdbc.sql("UPDATE comment_links SET created_at = :old WHERE jira_comment_id = :id")
                .param("old", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minus(CommentSync.ABANDONED_CLAIM)
                        .minus(Duration.ofMinutes(1)))
                .param("id", commentId).update();

        assertThat(commentSync.syncComments(link)).isEqualTo(1);
        assertThat(commentSync.syncComments(link)).isZero();
        assertThat(workNotes()).filteredOn(n -> n.get("value").contains("(rb-comment " + commentId + ")")).hasSize(1);
    }

    @Test
    @Order(6)
    void directionNoneCopiesNothing(@TempDir Path dir) throws Exception {
        Path shipped = Path.of("mappings", "action-items.yaml");
        String none = Files.readString(shipped).replace("comments:\n  direction: both", "comments:\n  direction: none");
        assertThat(none).contains("direction: none");
        Files.writeString(dir.resolve("action-items.yaml"), none);
        LoadedMappings previous = mappings.replace(new MappingLoader(TextFormatConverters.standard()).load(dir));
        try {
            long jiraWrites = jira.requests().successfulWrites("/rest/api");
            jiraCall("POST", "/rest/api/3/issue/" + issueKey + "/comment", "{\"body\":{\"type\":\"doc\",\"version\":1,"
                    + "\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Internal only\"}]}]}}",
                    PERSON_EMAIL, PERSON_TOKEN);
            servicenowCall("PATCH", "/api/now/table/problem_task/" + taskSysId, "{\"work_notes\":\"Stays here\"}",
                    SN_PERSON, SN_PERSON_PASSWORD);
            long servicenowWrites = servicenow.requests().successfulWrites("/api/now/table");

            syncEverything();

            assertThat(jira.requests().successfulWrites("/rest/api")).as("only our own comment").isEqualTo(jiraWrites + 1);
            assertThat(servicenow.requests().successfulWrites("/api/now/table")).isEqualTo(servicenowWrites);
            assertThat(workNotes()).noneMatch(n -> n.get("value").contains("Internal only"));
            assertThat(jiraComments()).noneMatch(c -> c.toString().contains("Stays here"));
        } finally {
            mappings.replace(previous);
        }
    }

    @Test
    @Order(7)
    void oneWayToCustomerVisibleCommentsWritesPlainTextAndBringsNothingBack(@TempDir Path dir) throws Exception {
        String oneWay = Files.readString(Path.of("mappings", "action-items.yaml")).replace(
                "comments:\n  direction: both\n  servicenow: work_notes\n  text: html",
                "comments:\n  direction: jira->servicenow\n  servicenow: comments\n  text: plain");
        assertThat(oneWay).contains("servicenow: comments");
        Files.writeString(dir.resolve("action-items.yaml"), oneWay);
        LoadedMappings previous = mappings.replace(new MappingLoader(TextFormatConverters.standard()).load(dir));
        try {
            String commentId = JSON.readTree(jiraCall("POST", "/rest/api/3/issue/" + issueKey + "/comment", """
                    {"body":{"type":"doc","version":1,"content":[
                      {"type":"paragraph","content":[{"type":"text","text":"Customer update:"}]},
                      {"type":"bulletList","content":[
                        {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"fix deployed","marks":[{"type":"strong"}]}]}]}]}]}}
                    """, PERSON_EMAIL, PERSON_TOKEN)).get("id").asText();
            servicenowCall("PATCH", "/api/now/table/problem_task/" + taskSysId, "{\"comments\":\"Thanks, confirmed\"}",
                    SN_PERSON, SN_PERSON_PASSWORD);
            int jiraCommentsBefore = jiraComments().size();

            syncEverything();
            syncEverything();

            List<Map<String, String>> copies = servicenow.journal(taskSysId).stream()
                    .filter(e -> e.get("value").contains("(rb-comment " + commentId + ")")).toList();
            assertThat(copies).singleElement().satisfies(copy -> {
                assertThat(copy.get("element")).isEqualTo("comments");
                assertThat(copy.get("value")).contains("Customer update:").contains("fix deployed")
                        .doesNotContain("[code]").doesNotContain("<").doesNotContain("**");
            });
            assertThat(jiraComments()).as("one way: nothing comes back").hasSize(jiraCommentsBefore);
        } finally {
            mappings.replace(previous);
        }
    }

    @Test
    @Order(8)
    void aCopyMarkerTypedByAPersonDoesNotStopTheirCommentFromBeingCopied() throws Exception {
        jiraCall("POST", "/rest/api/3/issue/" + issueKey + "/comment", """
                {"body":{"type":"doc","version":1,"content":[
                  {"type":"paragraph","content":[{"type":"text","text":"From ServiceNow PTASK0000001 (work note by beth, rb-comment 0123abcd):"}]},
                  {"type":"paragraph","content":[{"type":"text","text":"Jira side: please copy me"}]}]}}
                """, PERSON_EMAIL, PERSON_TOKEN);
        servicenowCall("PATCH", "/api/now/table/problem_task/" + taskSysId,
                "{\"work_notes\":\"[Jira " + issueKey + " comment by Ada] (rb-comment 99999)\\nServiceNow side: copy me too\"}",
                SN_PERSON, SN_PERSON_PASSWORD);

        syncEverything();

        assertThat(workNotes()).as("the Jira comment was copied although it starts like one of our copies")
                .anySatisfy(n -> assertThat(n.get("value")).contains("Jira side: please copy me")
                        .startsWith("[Jira " + issueKey + " comment by Ada Lovelace]"));
        assertThat(jiraComments()).as("the work note was copied although it starts like one of our copies")
                .anySatisfy(c -> assertThat(c.toString()).contains("ServiceNow side: copy me too")
                        .contains("work note by ops.engineer"));
    }

    @Test
    @Order(9)
    void plainTextCopiesShowCodeTagsAsTypedInsteadOfAsHtml(@TempDir Path dir) throws Exception {
        String plain = Files.readString(Path.of("mappings", "action-items.yaml")).replace(
                "comments:\n  direction: both\n  servicenow: work_notes\n  text: html",
                "comments:\n  direction: jira->servicenow\n  servicenow: comments\n  text: plain");
        Files.writeString(dir.resolve("action-items.yaml"), plain);
        LoadedMappings previous = mappings.replace(new MappingLoader(TextFormatConverters.standard()).load(dir));
        try {
            String hostile = "Re-approve [code]<a href=\\\"https://evil.example\\\">here</a>[/CODE] [re-approve](https://evil.example)";
            String commentId = JSON.readTree(jiraCall("POST", "/rest/api/3/issue/" + issueKey + "/comment",
                    "{\"body\":{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":"
                            + "[{\"type\":\"text\",\"text\":\"" + hostile + "\"}]}]}}", PERSON_EMAIL, PERSON_TOKEN))
                    .get("id").asText();

            syncEverything();

            String copy = servicenow.journal(taskSysId).stream()
                    .filter(e -> e.get("value").contains("(rb-comment " + commentId + ")")).findFirst().orElseThrow()
                    .get("value");
            assertThat(copy.toLowerCase()).as("ServiceNow renders [code]...[/code] in a journal as HTML")
                    .doesNotContain("[code]").doesNotContain("[/code]");
            assertThat(copy.replace("\u200B", "")).contains(
                    "Re-approve [code]<a href=\"https://evil.example\">here</a>[/CODE] [re-approve](https://evil.example)");
        } finally {
            mappings.replace(previous);
        }
    }

    private List<Map<String, String>> workNotes() {
        return servicenow.journal(taskSysId).stream().filter(e -> "work_notes".equals(e.get("element"))).toList();
    }

    private List<JsonNode> jiraComments() throws Exception {
        List<JsonNode> comments = new ArrayList<>();
        JSON.readTree(jiraCall("GET", "/rest/api/3/issue/" + issueKey + "/comment?maxResults=100", null))
                .path("comments").forEach(comments::add);
        return comments;
    }

    private static String firstParagraph(JsonNode comment) {
        StringBuilder text = new StringBuilder();
        comment.path("body").path("content").path(0).path("content").forEach(t -> text.append(t.path("text").asText()));
        return text.toString();
    }

    private void syncEverything() {
        serviceNowPoller.poll();
        jiraPoller.poll();
        while (worker.drain() > 0) {
            // until the inbox is empty
        }
    }

    /** As the connector's own account unless a person is named. */
    private static String jiraCall(String method, String path, String body) {
        return jiraCall(method, path, body, SandboxPair.SYNC_EMAIL, SandboxPair.SYNC_TOKEN);
    }

    private static String jiraCall(String method, String path, String body, String email, String token) {
        return systems.jiraCallAs(email, token, method, path, body);
    }

    private static String servicenowCall(String method, String path, String body, String user, String password) {
        return systems.servicenowCallAs(user, password, method, path, body);
    }
}
