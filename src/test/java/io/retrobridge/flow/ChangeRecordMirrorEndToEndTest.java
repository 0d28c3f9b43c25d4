package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ChangeState;
import io.retrobridge.domain.ChangeStateMove;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.Link;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.change.ChangeRecordsMapping;
import io.retrobridge.servicenow.ChangeRequestPoller;
import io.retrobridge.sync.ChangeRecordStore;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.ReleaseTriggers;
import io.retrobridge.sync.WriteIntents;
import io.retrobridge.testsupport.JiraOpenApiValidator;
import io.retrobridge.testsupport.SandboxPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ServiceNow change requests mirrored into Jira through both simulators and the connector's real HTTP paths: a
 * change appears once in the CHG project with its fields, follows its state moves, and is never written twice or
 * created twice, whether a poll repeats, the business-rule webhook tells the same version, or a create's answer is
 * lost.
 */
@Import(ChangeRecordMirrorEndToEndTest.Triggers.class)
class ChangeRecordMirrorEndToEndTest extends FaultSuiteSupport {

    private static final String CHANGES = "change_request";
    private static final AtomicInteger CASES = new AtomicInteger();
    private static volatile boolean webhookRegistered;

    /** Stands in for the retrospective triggers (so it is the one the mirror is given): remembers what it was told. */
    @TestConfiguration
    static class Triggers {
        static final List<ChangeRecord[]> TOLD = new CopyOnWriteArrayList<>();

        @Bean
        @Primary
        ReleaseTriggers recordingTriggers() {
            return new ReleaseTriggers() {
                @Override
                public String deploymentRecorded(io.retrobridge.domain.Deployment deployment) {
                    return "";
                }

                @Override
                public String changeRecorded(ChangeRecord change, Optional<ChangeRecord> previous) {
                    TOLD.add(new ChangeRecord[] {change, previous.orElse(null)});
                    return "";
                }
            };
        }
    }

    @Autowired
    ChangeRequestPoller changePoller;
    @Autowired
    ChangeRecordStore changeStore;
    @Autowired
    CurrentMappings mappings;
    @Autowired
    Journal journal;
    @Autowired
    WriteIntents intents;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.retrobridge.flow.items.UnreadableRecords unreadable;

    @AfterAll
    static void everyJiraRequestMatchesTheSpec() {
        JiraOpenApiValidator.assertEveryRequestValid(systems.jira.requests());
    }

    @BeforeEach
    void changesMirroredAsTheyAre() {
        // The business rule on change_request, as an admin would add it beside the one on problem_task.
        synchronized (ChangeRecordMirrorEndToEndTest.class) {
            if (!webhookRegistered) {
                systems.servicenow.registerWebhook(relay.baseUrl().resolve("/webhooks/servicenow"),
                        SandboxPair.SERVICENOW_WEBHOOK_SECRET, Set.of(CHANGES));
                webhookRegistered = true;
            }
        }
        pollChanges();
    }

    @Test
    void aChangeCreatedInServiceNowAppearsOnceInJiraWithItsFields() {
        String title = "Rotate the payment gateway certificates, case " + CASES.incrementAndGet();
        String sysId = createChange(title);
        String number = change(sysId).get("number");

        pollChanges();

        Link link = links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, sysId)).orElseThrow();
        String marker = link.correlationId();
        assertThat(marker).startsWith("rb-chg-");
        assertThat(systems.jira.issueKeysLabelled(marker)).hasSize(1);
        String key = systems.jira.issueKeysLabelled(marker).get(0);
        assertThat(key).startsWith("CHG-");
        JsonNode fields = issue(key).path("fields");
        assertThat(fields.path("summary").asText()).isEqualTo(number + ": " + title);
        assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Task");
        assertThat(fields.path("status").path("name").asText()).isEqualTo("To Do");
        assertThat(labels(fields)).containsExactlyInAnyOrder("change-record", marker);
        assertThat(detailRows(fields)).containsExactly(
                List.of("Type", "Normal"), List.of("State", "New"), List.of("Risk", "High"),
                List.of("Impact", "2 - Medium"), List.of("Assignment group", "CAB"),
                List.of("Configuration item", ""), List.of("Planned start", "2026-12-10 08:00 UTC"),
                List.of("Planned end", "2026-12-10 09:30 UTC"), List.of("Actual start", ""),
                List.of("Actual end", ""), List.of("Close code", ""), List.of("Close notes", ""));
        assertThat(link.idOn(ExternalSystem.JIRA)).contains(issue(key).path("id").asText());

        ChangeRecord stored = changeStore.findByNumber(number).orElseThrow();
        assertThat(stored.sysId()).isEqualTo(sysId);
        assertThat(stored.state()).isEqualTo(ChangeState.NEW);
        assertThat(stored.assignmentGroup()).isEqualTo("CAB");
        assertThat(changeStore.stateMoves(number)).extracting(ChangeStateMove::from, ChangeStateMove::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, ChangeState.NEW));
        assertThat(Triggers.TOLD).anySatisfy(told -> {
            assertThat(told[0].number()).isEqualTo(number);
            assertThat(told[1]).isNull();
        });
    }

    @Test
    void movingTheChangeThroughItsStatesMovesTheMirrorAndRecordsEachMove() {
        String title = "Upgrade the checkout service to 5.1, case " + CASES.incrementAndGet();
        String sysId = createChange(title);
        String number = change(sysId).get("number");
        pollChanges();
        String key = keyOf(sysId);
        String marker = links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, sysId)).orElseThrow()
                .correlationId();

        record Step(String state, String extra, String status, List<String> stateLabels) {
        }
        List<Step> steps = List.of(
                new Step("-4", "", "To Do", List.of()),
                new Step("-3", "", "To Do", List.of("change-authorize")),
                new Step("-2", "", "To Do", List.of("change-scheduled")),
                new Step("-1", ",\"work_start\":\"2026-12-10 08:05:00\"", "In Progress", List.of("change-implement")),
                new Step("0", ",\"work_end\":\"2026-12-10 09:10:00\"", "In Progress", List.of("change-review")),
                new Step("3", ",\"close_code\":\"unsuccessful\",\"close_notes\":\"Rolled back after errors rose\"",
                        "Done", List.of()));
        for (Step step : steps) {
            patchChange(sysId, "{\"state\":\"" + step.state() + "\"" + step.extra() + "}");
            pollChanges();
            JsonNode fields = issue(key).path("fields");
            assertThat(fields.path("status").path("name").asText()).as("status in " + step.state())
                    .isEqualTo(step.status());
            List<String> expectedLabels = new ArrayList<>(List.of("change-record", marker));
            expectedLabels.addAll(step.stateLabels());
            assertThat(labels(fields)).as("labels in " + step.state()).containsExactlyInAnyOrderElementsOf(expectedLabels);
        }

        JsonNode fields = issue(key).path("fields");
        assertThat(detailRows(fields)).contains(List.of("State", "Closed"), List.of("Actual start", "2026-12-10 08:05 UTC"),
                List.of("Actual end", "2026-12-10 09:10 UTC"), List.of("Close code", "Unsuccessful"),
                List.of("Close notes", "Rolled back after errors rose"));
        assertThat(systems.jira.issueKeysLabelled(marker)).containsExactly(key);
        assertThat(changeStore.stateMoves(number)).extracting(ChangeStateMove::to).containsExactly(ChangeState.NEW,
                ChangeState.ASSESS, ChangeState.AUTHORIZE, ChangeState.SCHEDULED, ChangeState.IMPLEMENT,
                ChangeState.REVIEW, ChangeState.CLOSED);
        assertThat(changeStore.stateMoves(number)).extracting(ChangeStateMove::from).containsExactly(null,
                ChangeState.NEW, ChangeState.ASSESS, ChangeState.AUTHORIZE, ChangeState.SCHEDULED, ChangeState.IMPLEMENT,
                ChangeState.REVIEW);
        assertThat(changeStore.findByNumber(number).orElseThrow().closed()).contains("unsuccessful");
        assertThat(Triggers.TOLD).anySatisfy(told -> {
            assertThat(told[0].number()).isEqualTo(number);
            assertThat(told[0].state()).isEqualTo(ChangeState.CLOSED);
            assertThat(told[1].state()).isEqualTo(ChangeState.REVIEW);
        });
    }

    @Test
    void repeatedPollsAndAWebhookForTheSameVersionWriteNothingMore() {
        String title = "Patch the ledger database, case " + CASES.incrementAndGet();
        String sysId = createChange(title);
        pollChanges();
        String key = keyOf(sysId);
        String number = change(sysId).get("number");
        // The business rule tells the move twice, as ServiceNow does when a notification is retried.
        systems.servicenow.duplicateNextWebhooks(1);
        patchChange(sysId, "{\"state\":\"-4\"}");
        systems.awaitWebhooks();
        drainAll();
        assertThat(issue(key).path("fields").path("status").path("name").asText()).isEqualTo("To Do");
        assertThat(detailRows(issue(key).path("fields"))).contains(List.of("State", "Assess"));
        long jiraWrites = systems.jiraWrites();
        int moves = changeStore.stateMoves(number).size();

        changePoller.poll();
        changePoller.poll();
        changePoller.pollAll();
        drainAll();

        assertThat(systems.jiraWrites()).as("Jira writes after the same version again").isEqualTo(jiraWrites);
        assertThat(changeStore.stateMoves(number)).hasSize(moves).hasSize(2);
        assertThat(journal.forSubject(new ExternalRef(ExternalSystem.SERVICENOW, sysId), 50))
                .anySatisfy(entry -> {
                    assertThat(entry.action()).isEqualTo(JournalAction.SKIPPED);
                    assertThat(entry.summary()).startsWith("no change to mirror");
                });
    }

    @Test
    void aLostCreateAnswerMakesNoSecondIssue() {
        String title = "Move payments to the new cluster, case " + CASES.incrementAndGet();
        long parkedBefore = deadLetters.count();
        jiraProxy.failNext(1, "POST", "/rest/api/3/issue", io.retrobridge.testsupport.FaultyProxy.slow(READ_TIMEOUT.plusMillis(700)));
        String sysId = createChange(title);

        pollChanges();

        Link link = links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, sysId)).orElseThrow();
        assertThat(jiraProxy.injected()).isEqualTo(1);
        assertThat(systems.jira.issueKeysLabelled(link.correlationId())).hasSize(1);
        assertThat(parkedSince(parkedBefore)).isEmpty();
        assertThat(intents.openFor(link.correlationId())).as("every announced write settled").isEmpty();
        assertThat(journal.forSubject(new ExternalRef(ExternalSystem.SERVICENOW, sysId), 50)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(JournalAction.WROTE);
            assertThat(entry.summary()).contains("had landed although its answer was lost");
        });
    }

    @Test
    void aLinkLostWithTheDatabaseIsFoundAgainByItsMarkerNotCreatedTwice() {
        String title = "Renew the CDN contract, case " + CASES.incrementAndGet();
        String sysId = createChange(title);
        pollChanges();
        Link link = links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, sysId)).orElseThrow();
        String key = keyOf(sysId);
        for (String table : new String[] {"link_snapshots", "link_external_ids"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE link_id = :id").param("id", link.id()).update();
        }
        jdbc.sql("DELETE FROM links WHERE id = :id").param("id", link.id()).update();

        patchChange(sysId, "{\"state\":\"-4\"}");
        pollChanges();

        assertThat(systems.jira.issueKeysLabelled(link.correlationId())).containsExactly(key);
        Link again = links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, sysId)).orElseThrow();
        assertThat(again.idOn(ExternalSystem.JIRA)).isEqualTo(link.idOn(ExternalSystem.JIRA));
        assertThat(detailRows(issue(key).path("fields"))).contains(List.of("State", "Assess"));
    }

    @Test
    void aChangeOutOfTheMappingsScopeIsNotMirrored() {
        LoadedMappings shipped = mappings.get();
        ChangeRecordsMapping all = shipped.changeRecords().orElseThrow();
        ChangeRecordsMapping cabOnly = new ChangeRecordsMapping("assignment_group.name=CAB", all.project(),
                all.issueType(), all.label(), all.fields(), all.states());
        mappings.replace(new LoadedMappings(shipped.dir(), shipped.files(), shipped.actionItemsDefinition(),
                shipped.actionItems(), shipped.escalations(), Optional.of(cabOnly), shipped.retrospectives(),
                shipped.pirMetrics(), shipped.gates()));
        try {
            String title = "Tune the search cluster, case " + CASES.incrementAndGet();
            String outside = createChange(title, "Release Advisory Board");
            String inside = createChange(title + " for the board", "CAB");

            pollChanges();

            assertThat(links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, outside))).isEmpty();
            assertThat(changeStore.findByNumber(change(outside).get("number"))).isEmpty();
            assertThat(links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, inside))).isPresent();
        } finally {
            mappings.replace(shipped);
        }
    }

    @Test
    void whatPeopleDoToAMirrorInJiraStaysThereAndIsNoActionItem() {
        LoadedMappings shipped = mappings.get();
        ChangeRecordsMapping flowing = shipped.changeRecords().orElseThrow();
        mappings.replace(new LoadedMappings(shipped.dir(), shipped.files(), shipped.actionItemsDefinition(),
                shipped.actionItems(), shipped.escalations(), Optional.of(new ChangeRecordsMapping(flowing.query(),
                flowing.project(), flowing.issueType(), flowing.label(), flowing.fields(), flowing.states())),
                shipped.retrospectives(), shipped.pirMetrics(), shipped.gates()));
        try {
            mirrorKeepsWhatPeopleDo();
        } finally {
            mappings.replace(shipped);
        }
    }

    /** With a mapping that has no {@code comments:} section, as before that section existed. */
    private void mirrorKeepsWhatPeopleDo() {
        String title = "Retire the old fraud rules engine, case " + CASES.incrementAndGet();
        int unreadableBefore = unreadable.counts().getOrDefault(ExternalSystem.SERVICENOW, 0);
        String sysId = createChange(title);
        pollChanges();
        String key = keyOf(sysId);
        long servicenowWrites = systems.servicenowWrites();

        systems.jiraCall("POST", "/rest/api/3/issue/" + key + "/comment", "{\"body\":{\"type\":\"doc\",\"version\":1,"
                + "\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":"
                + "\"Can we move this to Thursday?\"}]}]}}");
        systems.editJira(key, "{\"labels\":[\"change-record\",\"" + links.findByExternal(new ExternalRef(
                ExternalSystem.SERVICENOW, sysId)).orElseThrow().correlationId() + "\",\"payments\"]}");
        systems.awaitWebhooks();
        drainAll();

        assertThat(systems.servicenowWrites()).as("nothing flows back without a comments section")
                .isEqualTo(servicenowWrites);
        assertThat(unreadable.counts().getOrDefault(ExternalSystem.SERVICENOW, 0))
                .as("the mirror's change is not taken for an action item gone unreadable").isEqualTo(unreadableBefore);
        assertThat(systems.servicenow.journal(sysId)).isEmpty();
    }

    // ---- helpers ----

    private void pollChanges() {
        systems.awaitWebhooks();
        changePoller.poll();
        drainAll();
    }

    private String createChange(String title) {
        return createChange(title, "CAB");
    }

    private String createChange(String title, String group) {
        String groupId = systems.servicenow.records("sys_user_group").stream()
                .filter(g -> group.equals(g.get("name"))).findFirst().orElseThrow().get("sys_id");
        JsonNode created = SandboxPair.json(systems.servicenowCall("POST", "/api/now/table/" + CHANGES,
                "{\"short_description\":" + SandboxPair.quote(title) + ",\"type\":\"normal\",\"risk\":\"2\","
                        + "\"impact\":\"2\",\"assignment_group\":\"" + groupId + "\","
                        + "\"start_date\":\"2026-12-10 08:00:00\",\"end_date\":\"2026-12-10 09:30:00\"}"));
        return created.path("result").get("sys_id").asText();
    }

    private void patchChange(String sysId, String fieldsJson) {
        systems.servicenowCall("PATCH", "/api/now/table/" + CHANGES + "/" + sysId, fieldsJson);
    }

    private static Map<String, String> change(String sysId) {
        return systems.servicenow.record(CHANGES, sysId).orElseThrow();
    }

    private String keyOf(String sysId) {
        String marker = links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, sysId)).orElseThrow()
                .correlationId();
        List<String> keys = systems.jira.issueKeysLabelled(marker);
        assertThat(keys).hasSize(1);
        return keys.get(0);
    }

    private static JsonNode issue(String key) {
        return SandboxPair.json(systems.jiraCall("GET", "/rest/api/3/issue/" + key
                + "?fields=summary,status,labels,description,issuetype", null));
    }

    private static List<String> labels(JsonNode fields) {
        List<String> labels = new ArrayList<>();
        fields.path("labels").forEach(label -> labels.add(label.asText()));
        return labels;
    }

    /** The "Change details" table of an ADF description, row by row, each cell's text. */
    private static List<List<String>> detailRows(JsonNode fields) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode block : fields.path("description").path("content")) {
            if (!"table".equals(block.path("type").asText())) {
                continue;
            }
            for (JsonNode row : block.path("content")) {
                List<String> cells = new ArrayList<>();
                for (JsonNode cell : row.path("content")) {
                    StringBuilder text = new StringBuilder();
                    cell.path("content").forEach(p -> p.path("content").forEach(t -> text.append(t.path("text").asText())));
                    cells.add(text.toString());
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
