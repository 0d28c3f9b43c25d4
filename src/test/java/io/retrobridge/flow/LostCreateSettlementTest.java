package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.escalation.EscalationMarkers;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.FollowUpStore;
import io.retrobridge.escalation.scan.EscalationScan;
import io.retrobridge.flow.writes.CreateSettleTimes;
import io.retrobridge.flow.writes.IntentSweep;
import io.retrobridge.jira.JiraClient;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.servicenow.ServiceNowClient;
import io.retrobridge.sync.CommentLinkStore;
import io.retrobridge.sync.CorrelationIds;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.WriteIntents;
import io.retrobridge.testsupport.FaultReport;
import io.retrobridge.testsupport.FaultyProxy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A create whose answer is lost while Jira's search lags behind, as Jira Cloud's documentation says it may: the
 * issue exists, a read by id would show it, but a search by its correlation label right after does not. Running the
 * event again must not take that miss for proof and create a second issue; it waits until a search made
 * {@code retrobridge.jira.search-settle-time} after the attempt can be believed, then links what it finds (or, had
 * nothing landed, creates it once). The same for a board's cycle ticket opened by the escalation scan.
 */
@TestPropertySource(properties = "retrobridge.jira.search-settle-time=" + LostCreateSettlementTest.SETTLE_SECONDS + "s")
class LostCreateSettlementTest extends FaultSuiteSupport {

    static final int SETTLE_SECONDS = 8;
    static final Duration SEARCH_LAG = Duration.ofSeconds(5);
    static final FaultyProxy.Kind ANSWER_LOST = FaultyProxy.slow(READ_TIMEOUT.plusMillis(700));
    private static final AtomicInteger ITEMS = new AtomicInteger();

    @Autowired
    IntentSweep sweep;
    @Autowired
    Journal journal;
    @Autowired
    WriteIntents intents;
    @Autowired
    CreateSettleTimes settleTimes;
    @Autowired
    java.util.List<io.retrobridge.sync.SideGateway> sides;
    @Autowired
    java.util.List<io.retrobridge.sync.BoardQueueGateway> boardQueues;
    @Autowired
    CurrentMappings mappings;
    @Autowired
    EscalationStore escalations;
    @Autowired
    FollowUpStore followUps;
    @Autowired
    ServiceNowClient servicenow;
    @Autowired
    JiraClient jira;
    @Autowired
    CommentLinkStore comments;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void searchConsistentAgain() {
        // The sandbox is shared with later tests: leave them a search that is consistent now, not in a few seconds.
        systems.jira.searchIndexLag(Duration.ZERO).catchUpSearchIndex();
    }

    @Test
    void aLostJiraCreateWhileSearchLagsMakesExactlyOneIssue() {
        String title = "Lost create while the index lags, case " + ITEMS.incrementAndGet();
        long parkedBefore = deadLetters.count();
        systems.jira.searchIndexLag(SEARCH_LAG);
        jiraProxy.failNext(1, "POST", "/rest/api/3/issue", ANSWER_LOST);
        String sysId = systems.createTask(title);
        ExternalRef origin = new ExternalRef(ExternalSystem.SERVICENOW, sysId);
        String label = CorrelationIds.forOrigin(origin);

        settle();

        assertThat(systems.jira.issueKeysLabelled(label)).as("the create landed although its answer was lost").hasSize(1);
        assertThat(links.findByExternal(origin)).as("not linked yet: the search cannot show it").isEmpty();
        assertThat(actions(origin)).contains(JournalAction.INTENT);
        awaitLinked(origin);

        List<String> issues = systems.jira.issueKeysLabelled(label);
        List<DeadLetter> parked = parkedSince(parkedBefore);
        long duplicates = Math.max(0, issues.size() - 1);
        long lost = issues.isEmpty() ? 1 : 0;
        FaultReport.line("search-index-lag-during-lost-create", jiraProxy.injected(), lost == 0 ? 1 : 0, parked.size(),
                duplicates, lost);
        assertThat(jiraProxy.injected()).isEqualTo(1);
        assertThat(parked).isEmpty();
        assertNothingDuplicatedOrLost(duplicates, lost);
        assertThat(links.findByExternal(origin).orElseThrow().idOn(ExternalSystem.JIRA))
                .contains(systems.jiraIssue(issues.get(0)).get("id").asText());
        assertThat(intents.openFor(label)).as("the intent is settled").isEmpty();
        assertThat(journal.forSubject(origin, 50)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(JournalAction.WROTE);
            assertThat(entry.summary()).contains("had landed");
            assertThat(entry.detail()).startsWith("settles intent ");
        });
    }

    @Test
    void aJiraCreateThatNeverLandedIsMadeOnceTheLookupCanBeBelieved() {
        String title = "Create cut off while the index lags, case " + ITEMS.incrementAndGet();
        systems.jira.searchIndexLag(SEARCH_LAG);
        jiraProxy.failNext(1, "POST", "/rest/api/3/issue", FaultyProxy.CONNECTION_RESET);
        String sysId = systems.createTask(title);
        ExternalRef origin = new ExternalRef(ExternalSystem.SERVICENOW, sysId);
        String label = CorrelationIds.forOrigin(origin);

        settle();
        assertThat(systems.jira.issueKeysLabelled(label)).as("nothing created while a search could still miss it").isEmpty();
        awaitLinked(origin);

        assertThat(systems.jira.issueKeysLabelled(label)).hasSize(1);
        assertThat(journal.forSubject(origin, 50)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(JournalAction.SKIPPED);
            assertThat(entry.summary()).contains("did not land");
        });
        assertThat(intents.openFor(label)).isEmpty();
    }

    @Test
    void aLostCycleTicketCreateOnAJiraBoardWhileSearchLagsMakesOneTicket() {
        CurrentMappings grouped = EscalationWorld.shippedWith(yaml -> yaml.replace(
                "servicenow: {table: sc_task, assignment-group: CAB}",
                "jira: {project: ARB, issue-type: Task, labels: [retro-escalation]}") + """

                grouping:
                  cycle: 1 week
                  starts-on: monday
                  title: "Overdue retrospective actions for {{board}}, {{cycle}}"
                  text: |
                    {{item-count}} retrospective actions are overdue and waiting for {{board}}:
                    {{items}}
                """);
        EscalationWorld world = new EscalationWorld(systems, grouped, escalations, followUps, servicenow, jira, links,
                comments, journal, deadLetters, worker, jiraPoller, serviceNowPoller, intents, settleTimes,
                sides, boardQueues);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        world.linkedItem("Lost board ticket while the index lags", today.minusDays(1));
        String groupKey = "cab/" + today.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        String marker = EscalationMarkers.groupMarker(groupKey);
        systems.jira.searchIndexLag(SEARCH_LAG);
        jiraProxy.failNext(1, "POST", "/rest/api/3/issue", ANSWER_LOST);
        EscalationScan scan = world.newScan(grouped, Clock.systemUTC());

        scan.scan();
        scan.scan();

        assertThat(systems.jira.issueKeysLabelled(marker)).as("created once, answer lost, not created again").hasSize(1);
        assertThat(escalations.groupTicket(groupKey).orElseThrow().ticketId()).isNull();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            scan.scan();
            return escalations.groupTicket(groupKey).orElseThrow().ticketId() != null;
        });

        List<String> tickets = systems.jira.issueKeysLabelled(marker);
        long duplicates = Math.max(0, tickets.size() - 1);
        long lost = tickets.isEmpty() ? 1 : 0;
        FaultReport.line("search-index-lag-during-lost-board-ticket-create", jiraProxy.injected(), lost == 0 ? 1 : 0,
                0, duplicates, lost);
        assertNothingDuplicatedOrLost(duplicates, lost);
        assertThat(escalations.groupTicket(groupKey).orElseThrow().ticketKey()).isEqualTo(tickets.get(0));
        assertThat(intents.openFor(marker)).isEmpty();
        // The scan's other writes (reminders of the demo's overdue items among them) were announced too, and settled.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM journal WHERE action = 'INTENT' AND summary LIKE 'about to remind%'")
                .query(Long.class).single()).isPositive();
        assertThat(intents.open(1000)).noneMatch(open -> open.marker().startsWith("rb-esc-"));
    }

    /**
     * Jira answers the create 201 but the answer lacks the key (and every field): the id it names is linked at once,
     * read back by id. Search lags meanwhile, so anything that fell back on a look-up by label would create again.
     */
    @Test
    void aJiraCreateAnsweredWithoutKeyOrFieldsIsLinkedByItsIdAtOnce() {
        String title = "Answered without a key, case " + ITEMS.incrementAndGet();
        systems.jira.searchIndexLag(SEARCH_LAG);
        jiraProxy.failNext(1, "POST", "/rest/api/3/issue", FaultyProxy.answerWithout("key", "self"));
        String sysId = systems.createTask(title);
        ExternalRef origin = new ExternalRef(ExternalSystem.SERVICENOW, sysId);

        settle();

        List<String> issues = systems.jira.issueKeysLabelled(CorrelationIds.forOrigin(origin));
        assertThat(jiraProxy.injected()).isEqualTo(1);
        assertThat(issues).hasSize(1);
        assertThat(links.findByExternal(origin)).as("linked without waiting for search").isPresent()
                .get().satisfies(link -> assertThat(link.idOn(ExternalSystem.JIRA))
                        .contains(systems.jiraIssue(issues.get(0)).get("id").asText()));
        assertThat(journal.forLink(links.findByExternal(origin).orElseThrow().id())).anySatisfy(entry ->
                assertThat(entry.summary()).startsWith("created " + issues.get(0) + " from "));
    }

    /** ServiceNow answers the create 201 with the sys_id only: linked by it at once, never looked up or created again. */
    @Test
    void aServiceNowCreateAnsweredWithoutTheAskedFieldsIsLinkedBySysIdAtOnce() {
        String title = "Answered with the sys_id only, case " + ITEMS.incrementAndGet();
        servicenowProxy.failNext(1, "POST", "/api/now/table/problem_task",
                FaultyProxy.answerWithout("number", "sys_updated_on", "sys_mod_count", "short_description"));
        String key = systems.createJiraItem(title);
        ExternalRef origin = new ExternalRef(ExternalSystem.JIRA, systems.jiraIssue(key).get("id").asText());

        settle();

        assertThat(servicenowProxy.injected()).isEqualTo(1);
        assertThat(systems.tasksTitled(title)).isEqualTo(1);
        String sysId = systems.taskTitled(title).get("sys_id");
        assertThat(links.findByExternal(origin).orElseThrow().idOn(ExternalSystem.SERVICENOW)).contains(sysId);
        String number = systems.taskTitled(title).get("number");
        List<JournalEntry> history = journal.forLink(links.findByExternal(origin).orElseThrow().id());
        assertThat(history).as("the number read back by sys_id names the copy").anySatisfy(entry ->
                assertThat(entry.summary()).startsWith("created " + number + " from "));
        assertThat(history).noneSatisfy(entry -> assertThat(entry.summary()).contains("found by correlation id"));
    }

    /**
     * An update whose answer is lost: the intent announced before it stays open until the event runs again, reads
     * both records, finds the value written and settles the intent without writing it twice.
     */
    @Test
    void anUpdateWhoseAnswerWasLostIsSettledByReadingBothRecordsAgain() {
        Item item = linkedItem("Update with a lost answer, case " + ITEMS.incrementAndGet());
        String edited = item.title() + " (edited)";
        servicenowProxy.failNext(1, "PATCH", "/api/now/table/problem_task/.*", ANSWER_LOST);
        systems.editJira(item.key(), "{\"summary\":" + io.retrobridge.testsupport.SandboxPair.quote(edited) + "}");

        Writes writes = settle();

        ExternalRef copy = new ExternalRef(ExternalSystem.SERVICENOW, item.sysId());
        String marker = links.findByExternal(copy).orElseThrow().correlationId();
        assertThat(servicenowProxy.injected()).isEqualTo(1);
        assertThat(writes.servicenow()).as("the edit written once").isEqualTo(1);
        assertThat(systems.task(item.sysId()).get("short_description")).isEqualTo(edited);
        assertThat(intents.openFor(marker)).isEmpty();
        assertThat(journal.forSubject(copy, 50)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(JournalAction.INTENT);
            assertThat(entry.summary()).startsWith("about to write title to ");
        });
        assertThat(journal.forLink(links.findByExternal(copy).orElseThrow().id())).anySatisfy(entry -> {
            assertThat(entry.summary()).startsWith("interrupted write(s) checked by reading both records again");
            assertThat(entry.detail()).startsWith("settles intent ");
        });
    }

    /** Sweeps and drains as the schedule would, until the origin is linked. */
    private void awaitLinked(ExternalRef origin) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            sweep.sweep();
            drainAll();
            return links.findByExternal(origin).isPresent();
        });
    }

    private List<JournalAction> actions(ExternalRef subject) {
        return journal.forSubject(subject, 50).stream().map(JournalEntry::action).toList();
    }
}
