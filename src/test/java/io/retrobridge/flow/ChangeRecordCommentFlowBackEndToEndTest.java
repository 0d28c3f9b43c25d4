package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.Link;
import io.retrobridge.flow.comments.CommentSync;
import io.retrobridge.mapping.CommentRule;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.TextFormat;
import io.retrobridge.mapping.change.ChangeRecordsMapping;
import io.retrobridge.servicenow.ChangeRequestPoller;
import io.retrobridge.sync.CommentLinkStore;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.WriteIntents;
import io.retrobridge.testsupport.JiraOpenApiValidator;
import io.retrobridge.testsupport.SandboxPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What flows back from a change request's Jira mirror, through both simulators and the connector's real HTTP paths: a
 * person's Jira comment becomes exactly one work note on the change, with the header every copy carries and its text
 * kept as text, however often it is seen (a repeated webhook, the change's next poll); a comment a webhook missed is
 * copied when the change is next seen. Nothing flows with {@code direction: none}, nothing of the change's own journal
 * goes to Jira, and nothing the connector wrote on the mirror goes to the change.
 */
class ChangeRecordCommentFlowBackEndToEndTest extends FaultSuiteSupport {

    private static final String CHANGES = "change_request";
    private static final AtomicInteger CASES = new AtomicInteger();

    @Autowired
    ChangeRequestPoller changePoller;
    @Autowired
    CommentSync commentSync;
    @Autowired
    CommentLinkStore commentLinks;
    @Autowired
    CurrentMappings mappings;
    @Autowired
    Journal journal;
    @Autowired
    WriteIntents intents;

    @AfterAll
    static void everyJiraRequestMatchesTheSpec() {
        JiraOpenApiValidator.assertEveryRequestValid(systems.jira.requests());
    }

    @BeforeEach
    void changesMirroredAsTheyAre() {
        pollChanges();
    }

    @Test
    void aJiraCommentOnTheMirrorBecomesOneWorkNoteOnTheChangeWhateverItsText() {
        Mirror mirror = mirroredChange("Rotate the HSM keys");
        // Jira delivers the comment's webhook twice, as its at-least-once sending allows.
        systems.jira.duplicateNextWebhooks(1);

        String commentId = comment(mirror.key(), "Can we move this to Thursday? [code]<a href=\\\"https://evil.example\\\">"
                + "re-approve</a>[/code]");
        long jiraWrites = systems.jiraWrites();
        systems.awaitWebhooks();
        drainAll();

        List<Map<String, String>> journalOfChange = systems.servicenow.journal(mirror.sysId());
        assertThat(journalOfChange).singleElement().satisfies(entry -> {
            assertThat(entry.get("element")).isEqualTo("work_notes");
            assertThat(entry.get("sys_created_by")).isEqualTo(SandboxPair.SYNC_USER);
            String note = entry.get("value");
            assertThat(note).startsWith("[Jira " + mirror.key() + " comment by Beth Anglin] (rb-comment " + commentId
                    + ")\n");
            String body = note.substring(note.indexOf('\n') + 1);
            // The typed tags stay text: ServiceNow renders what [code] encloses as HTML, so only the copy's own wrapper is.
            assertThat(body).isEqualTo("[code]<p>Can we move this to Thursday? &#91;code]&lt;a href=\"https://evil.example\""
                    + "&gt;re-approve&lt;/a&gt;&#91;/code]</p>[/code]");
        });
        assertThat(systems.jiraWrites()).as("nothing written to Jira").isEqualTo(jiraWrites);
        assertThat(commentLinks.find(ExternalSystem.JIRA, commentId)).hasValueSatisfying(pair ->
                assertThat(pair.copyId()).contains(journalOfChange.get(0).get("sys_id")));
        assertThat(intents.openFor("comment:jira:" + commentId)).as("the announced copy is settled").isEmpty();
        assertThat(journal.forLink(mirror.link().id())).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(JournalAction.WROTE);
            assertThat(entry.summary()).isEqualTo("copied Jira comment " + commentId + " to " + mirror.number()
                    + " as a work note (" + journalOfChange.get(0).get("sys_id") + ")");
        });

        // The work note made a new version of the change: its poll sees the mirror's comment again, as does any sweep.
        long servicenowWrites = systems.servicenowWrites();
        pollChanges();
        changePoller.pollAll();
        drainAll();
        assertThat(commentSync.syncComments(mirror.link())).isZero();

        assertThat(systems.servicenowWrites()).as("ServiceNow writes after seeing the comment again")
                .isEqualTo(servicenowWrites);
        assertThat(systems.jiraWrites()).isEqualTo(jiraWrites);
        assertThat(systems.servicenow.journal(mirror.sysId())).hasSize(1);
    }

    @Test
    void aCommentWhoseWebhookWasLostIsCopiedOnceWhenTheChangeIsNextSeen() {
        Mirror mirror = mirroredChange("Resize the ledger volumes");
        systems.jira.dropNextWebhooks(1);

        String commentId = comment(mirror.key(), "Storage team is on call that night.");
        systems.awaitWebhooks();
        drainAll();
        assertThat(systems.servicenow.journal(mirror.sysId())).as("the webhook was lost").isEmpty();

        patchChange(mirror.sysId(), "{\"state\":\"-4\"}");
        pollChanges();
        pollChanges();

        assertThat(systems.servicenow.journal(mirror.sysId())).singleElement().satisfies(entry -> assertThat(
                entry.get("value")).startsWith("[Jira " + mirror.key() + " comment by Beth Anglin] (rb-comment "
                        + commentId + ")\n[code]<p>Storage team is on call that night.</p>[/code]"));
    }

    @Test
    void directionNoneWritesNothingToTheChange() {
        Mirror mirror = mirroredChange("Swap the load balancer pair");
        LoadedMappings shipped = mappings.get();
        ChangeRecordsMapping flowing = shipped.changeRecords().orElseThrow();
        ChangeRecordsMapping none = new ChangeRecordsMapping(flowing.query(), flowing.project(), flowing.issueType(),
                flowing.label(), flowing.fields(), flowing.states(), ChangeRecordsMapping.NO_COMMENTS);
        mappings.replace(withChangeRecords(shipped, none));
        try {
            patchChange(mirror.sysId(), "{\"state\":\"-4\"}");
            long servicenowWrites = systems.servicenowWrites();

            comment(mirror.key(), "Keep this between us.");
            systems.awaitWebhooks();
            pollChanges();

            assertThat(systems.servicenowWrites()).isEqualTo(servicenowWrites);
            assertThat(systems.servicenow.journal(mirror.sysId())).isEmpty();
        } finally {
            mappings.replace(shipped);
        }
    }

    @Test
    void theMappingCanSendThemAsAdditionalCommentsInPlainText() {
        Mirror mirror = mirroredChange("Rebuild the settlement indexes");
        LoadedMappings shipped = mappings.get();
        ChangeRecordsMapping flowing = shipped.changeRecords().orElseThrow();
        mappings.replace(withChangeRecords(shipped, new ChangeRecordsMapping(flowing.query(), flowing.project(),
                flowing.issueType(), flowing.label(), flowing.fields(), flowing.states(), new CommentRule(
                CommentRule.Direction.JIRA_TO_SERVICENOW, CommentRule.JournalField.COMMENTS, TextFormat.PLAIN))));
        try {
            String commentId = comment(mirror.key(), "Customers see a short read-only window.");
            systems.awaitWebhooks();
            drainAll();

            List<Map<String, String>> journalOfChange = systems.servicenow.journal(mirror.sysId());
            assertThat(journalOfChange).singleElement().satisfies(entry -> {
                assertThat(entry.get("element")).isEqualTo("comments");
                assertThat(entry.get("value")).isEqualTo("[Jira " + mirror.key() + " comment by Beth Anglin] (rb-comment "
                        + commentId + ")\nCustomers see a short read-only window.");
            });
            assertThat(journal.forLink(mirror.link().id())).anySatisfy(entry -> assertThat(entry.summary())
                    .isEqualTo("copied Jira comment " + commentId + " to " + mirror.number() + " as a comment ("
                            + journalOfChange.get(0).get("sys_id") + ")"));
        } finally {
            mappings.replace(shipped);
        }
    }

    @Test
    void theChangesOwnWorkNotesAndCommentsAreNotCopiedToJira() {
        Mirror mirror = mirroredChange("Patch the card vault");
        patchChange(mirror.sysId(), "{\"work_notes\":\"CAB approved with conditions.\"}");
        patchChange(mirror.sysId(), "{\"comments\":\"Requester: please confirm the window.\"}");
        long jiraWrites = systems.jiraWrites();

        pollChanges();
        changePoller.pollAll();
        drainAll();

        assertThat(jiraComments(mirror.key())).isEmpty();
        assertThat(systems.jiraWrites()).isEqualTo(jiraWrites);
        assertThat(systems.servicenow.journal(mirror.sysId())).hasSize(2);
    }

    @Test
    void whatTheConnectorWroteOnTheMirrorIsNotCopiedButAPersonsCommentIs() {
        Mirror mirror = mirroredChange("Migrate the fraud scores topic");
        // A note of the connector's own, and one shaped like a copy from ServiceNow: neither is the team's comment.
        commentAsConnector(mirror.key(), "Retrospective PAY-31 opened for this change.");
        commentAsConnector(mirror.key(), "From ServiceNow " + mirror.number()
                + " (work note by beth.anglin, rb-comment 0a1b2c3d):");
        systems.awaitWebhooks();
        drainAll();
        assertThat(systems.servicenow.journal(mirror.sysId())).isEmpty();

        String commentId = comment(mirror.key(), "Ops will watch the consumer lag.");
        systems.awaitWebhooks();
        drainAll();

        assertThat(systems.servicenow.journal(mirror.sysId())).singleElement().satisfies(entry ->
                assertThat(entry.get("value")).contains("(rb-comment " + commentId + ")"));
    }

    // ---- helpers ----

    /** A change mirrored into Jira, with its link. */
    private record Mirror(String sysId, String number, String key, Link link) {
    }

    private Mirror mirroredChange(String title) {
        String sysId = createChange(title + ", case " + CASES.incrementAndGet());
        pollChanges();
        Link link = links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, sysId)).orElseThrow();
        List<String> keys = systems.jira.issueKeysLabelled(link.correlationId());
        assertThat(keys).hasSize(1);
        String number = systems.servicenow.record(CHANGES, sysId).orElseThrow().get("number");
        return new Mirror(sysId, number, keys.get(0), link);
    }

    private static LoadedMappings withChangeRecords(LoadedMappings shipped, ChangeRecordsMapping changes) {
        return new LoadedMappings(shipped.dir(), shipped.files(), shipped.actionItemsDefinition(),
                shipped.actionItems(), shipped.escalations(), Optional.of(changes), shipped.retrospectives(),
                shipped.pirMetrics(), shipped.gates());
    }

    private void pollChanges() {
        systems.awaitWebhooks();
        changePoller.poll();
        drainAll();
    }

    /** A comment by a person (Beth Anglin); its id. */
    private static String comment(String key, String text) {
        return SandboxPair.json(systems.jiraCall("POST", "/rest/api/3/issue/" + key + "/comment", adf(text)))
                .path("id").asText();
    }

    private static void commentAsConnector(String key, String text) {
        systems.jiraCallAs(SandboxPair.SYNC_EMAIL, SandboxPair.SYNC_TOKEN, "POST", "/rest/api/3/issue/" + key
                + "/comment", adf(text));
    }

    private static String adf(String escapedText) {
        return "{\"body\":{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"" + escapedText + "\"}]}]}}";
    }

    private static List<JsonNode> jiraComments(String key) {
        List<JsonNode> comments = new ArrayList<>();
        SandboxPair.json(systems.jiraCall("GET", "/rest/api/3/issue/" + key + "/comment?maxResults=100", null))
                .path("comments").forEach(comments::add);
        return comments;
    }

    private static String createChange(String title) {
        String groupId = systems.servicenow.records("sys_user_group").stream()
                .filter(g -> "CAB".equals(g.get("name"))).findFirst().orElseThrow().get("sys_id");
        JsonNode created = SandboxPair.json(systems.servicenowCall("POST", "/api/now/table/" + CHANGES,
                "{\"short_description\":" + SandboxPair.quote(title) + ",\"type\":\"normal\",\"risk\":\"2\","
                        + "\"impact\":\"2\",\"assignment_group\":\"" + groupId + "\"}"));
        return created.path("result").get("sys_id").asText();
    }

    private static void patchChange(String sysId, String fieldsJson) {
        systems.servicenowCall("PATCH", "/api/now/table/" + CHANGES + "/" + sysId, fieldsJson);
    }
}
