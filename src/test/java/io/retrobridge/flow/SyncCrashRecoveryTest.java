package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.EntityKind;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Snapshot;
import io.retrobridge.domain.SyncPair;
import io.retrobridge.sync.CorrelationIds;
import io.retrobridge.testsupport.AdminApi;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A crash after the record was created on the other side but before its link was written, injected by a link
 * row that already holds the correlation id (the link insert fails, as the write of a process killed at that
 * moment never lands). The next run must find the record by its correlation id and link it, never create it again;
 * and the record we created, announced by its own notification meanwhile, must not be mirrored back as new.
 */
class SyncCrashRecoveryTest extends LiveSyncSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCrashBetweenCreateAndLinkWriteIsRecoveredByLookupNeverByASecondCreate() {
        crashThenRecover(ExternalSystem.JIRA, "Cache gateway tokens between retries");
        crashThenRecover(ExternalSystem.SERVICENOW, "Add a gateway health page for support");
    }

    private void crashThenRecover(ExternalSystem origin, String title) {
        // The origin's own notification is lost, so nothing happens before the blocker is in place.
        String originId;
        if (origin == ExternalSystem.JIRA) {
            systems.jira.dropNextWebhooks(1);
            originId = jiraIdOf(systems.createJiraItem(title));
        } else {
            systems.servicenow.dropNextWebhooks(1);
            originId = systems.createTask(title);
        }
        String correlationId = CorrelationIds.forOrigin(new ExternalRef(origin, originId));
        UUID blocker = insertBlockingLink(correlationId);
        long parkedBefore = deadLetters.count();

        pollAndSettle();

        assertThat(deadLetters.count() - parkedBefore).as("the failed link write parks the event").isEqualTo(1);
        ExternalSystem target = SyncPair.ACTION_ITEMS.counterpart(origin);
        assertThat(copiesOn(target, title)).as("created on %s before the crash", target).isEqualTo(1);
        assertThat(links.findByExternal(new ExternalRef(origin, originId))).isEmpty();

        // Restart: the half-written state is cleared and the event runs again (a replay; a backfill does the same).
        removeLink(blocker);
        DeadLetter parked = deadLetters.list(0, 1).get(0);
        replay(parked.id());
        settle();
        pollAndSettle();

        long onOrigin = copiesOn(origin, title);
        long onOther = copiesOn(target, title);
        Link link = links.findByExternal(new ExternalRef(origin, originId)).orElseThrow();
        // Injected once, parked once, recovered by the replay.
        report("crash-between-create-and-link(" + origin.name().toLowerCase() + ")", 1, 1, 1,
                onOrigin - 1 + onOther - 1, onOther == 0 ? 1 : 0);
        assertThat(link.correlationId()).isEqualTo(correlationId);
        assertThat(onOther).as("copies of %s on %s", title, target).isEqualTo(1);
        assertThat(onOrigin).as("copies of %s on %s (our record must not be mirrored back)", title, origin).isEqualTo(1);
        assertThat(link.idOn(target)).isPresent();
    }

    @Test
    void anEditMadeBetweenTheCrashAndTheRecoveryReachesTheCopy() {
        String title = "Keep gateway credentials in the vault";
        systems.jira.dropNextWebhooks(1);
        String key = systems.createJiraItem(title);
        String originId = jiraIdOf(key);
        UUID blocker = insertBlockingLink(CorrelationIds.forOrigin(new ExternalRef(ExternalSystem.JIRA, originId)));
        long parkedBefore = deadLetters.count();
        pollAndSettle();
        assertThat(deadLetters.count() - parkedBefore).isEqualTo(1);
        DeadLetter parked = deadLetters.list(0, 1).get(0);
        systems.editJira(key, "{\"summary\":\"Keep gateway credentials in the vault, rotated\"}");
        settle();

        removeLink(blocker);
        replay(parked.id());
        settle();
        pollAndSettle();

        assertThat(systems.tasksTitled("Keep gateway credentials in the vault, rotated")).as("the copy carries the edit")
                .isEqualTo(1);
        assertThat(systems.tasksTitled(title)).isZero();
    }

    /**
     * The write lands but its record does not (the recording transaction fails, as a process killed at that moment
     * never commits): the intent announced before the write is left open in the journal, saying what may have been
     * written. The next run settles it by finding the record by its correlation id; nothing is written twice.
     */
    @Test
    void aCrashBetweenWriteAndJournalLeavesAnIntentThatTheNextRunSettlesWithoutASecondWrite() throws Exception {
        String title = "Rotate the gateway signing keys";
        systems.jira.dropNextWebhooks(1);
        String originId = jiraIdOf(systems.createJiraItem(title));
        UUID blocker = insertBlockingLink(CorrelationIds.forOrigin(new ExternalRef(ExternalSystem.JIRA, originId)));
        long parkedBefore = deadLetters.count();
        Writes crashed = pollAndSettle();

        JsonNode afterCrash = journalOf(originId);
        JsonNode intent = entry(afterCrash, "INTENT");
        assertThat(crashed.servicenow()).as("the create was sent once").isEqualTo(1);
        assertThat(intent.path("summary").asText()).contains("about to create the copy").contains("SERVICENOW");
        assertThat(entries(afterCrash)).as("nothing says the intent was settled").noneMatch(e ->
                e.path("detail").asText().contains("settles intent " + intent.path("id").asLong()));

        removeLink(blocker);
        replay(deadLetters.list(0, 1).get(0).id());
        long rewritten = settle().servicenow() + pollAndSettle().servicenow();

        JsonNode settled = entries(journalOf(originId)).stream()
                .filter(e -> e.path("detail").asText().contains("settles intent " + intent.path("id").asLong()))
                .findFirst().orElseThrow(() -> new AssertionError("no entry settles intent " + intent.path("id")));
        long copies = systems.tasksTitled(title);
        long duplicates = Math.max(0, copies - 1) + rewritten;
        long lost = copies == 0 ? 1 : 0;
        report("crash-between-write-and-journal", 1, 1, deadLetters.count() - parkedBefore, duplicates, lost);
        assertThat(duplicates).as("duplicates").isZero();
        assertThat(lost).as("lost").isZero();
        assertThat(settled.path("action").asText()).isEqualTo("WROTE");
        assertThat(settled.path("summary").asText()).contains("had landed");
        assertThat(copies).isEqualTo(1);
        assertThat(links.findByExternal(new ExternalRef(ExternalSystem.JIRA, originId))).isPresent();
    }

    private JsonNode journalOf(String issueId) throws Exception {
        return JSON.readTree(AdminApi.get(port, "/api/admin/journal?system=jira&id=" + issueId));
    }

    private static List<JsonNode> entries(JsonNode journal) {
        List<JsonNode> all = new java.util.ArrayList<>();
        journal.path("entries").forEach(all::add);
        return all;
    }

    private static JsonNode entry(JsonNode journal, String action) {
        return entries(journal).stream().filter(e -> action.equals(e.path("action").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " entry in " + journal));
    }

    private long copiesOn(ExternalSystem system, String title) {
        return system == ExternalSystem.JIRA ? systems.jiraIssuesTitled(title) : systems.tasksTitled(title);
    }

    /** A link that owns the correlation id, as the row a crashed writer left behind would. */
    private UUID insertBlockingLink(String correlationId) {
        Link blocker = Link.newLink(EntityKind.ACTION_ITEM, correlationId)
                .withExternalId(ExternalSystem.JIRA, "blocker-" + UUID.randomUUID())
                .withSnapshot(ExternalSystem.JIRA, new Snapshot(Map.of(), Instant.now()));
        return links.insert(blocker).id();
    }

    private void removeLink(UUID id) {
        for (String table : List.of("link_snapshots", "link_external_ids")) {
            jdbc.sql("DELETE FROM " + table + " WHERE link_id = :id").param("id", id).update();
        }
        jdbc.sql("DELETE FROM links WHERE id = :id").param("id", id).update();
    }

    private void replay(UUID deadLetter) {
        String answer = AdminApi.post(port, "/api/admin/dead-letters/" + deadLetter + "/replay");
        assertThat(answer).contains("requeued");
    }
}
