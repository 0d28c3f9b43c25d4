package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationState;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.FollowUpStore;
import io.retrobridge.jira.JiraClient;
import io.retrobridge.jira.JiraPoller;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.sandbox.RequestLog;
import io.retrobridge.servicenow.ServiceNowClient;
import io.retrobridge.servicenow.ServiceNowPoller;
import io.retrobridge.sync.CommentLinkStore;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.MutableClock;
import io.retrobridge.testsupport.SandboxPair;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Overdue action items linked across both simulators walk up the ladder, once, and come down again. The scan's
 * "today" is a clock the test moves; the simulators and the sync run on real time, as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EscalationScanEndToEndTest.Ports.class)
class EscalationScanEndToEndTest {

    static final SandboxPair systems = new SandboxPair();
    static final AtomicReference<EscalationPolicy> POLICY =
            new AtomicReference<>(EscalationTestPolicies.serviceNowBoard("sc_task"));

    /** Where the real policy source, planner and stores plug in; here the test's own. */
    @TestConfiguration
    static class Ports {
        @Bean
        EscalationPolicySource testPolicy() {
            return () -> Optional.of(POLICY.get());
        }

        @Bean
        EscalationPlans testPlanner() {
            return new LadderByCalendarDays();
        }

        @Bean
        InMemoryEscalationStore testEscalationStore() {
            return new InMemoryEscalationStore();
        }

        @Bean
        InMemoryFollowUpStore testFollowUpStore() {
            return new InMemoryFollowUpStore();
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        systems.register(registry);
    }

    @AfterAll
    static void stop() {
        systems.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    CurrentMappings mappings;
    @Autowired
    EscalationPolicySource policies;
    @Autowired
    EscalationPlans planner;
    @Autowired
    InMemoryEscalationStore store;
    @Autowired
    InMemoryFollowUpStore followUps;
    @Autowired
    ServiceNowClient servicenow;
    @Autowired
    JiraClient jira;
    @Autowired
    LinkStore links;
    @Autowired
    CommentLinkStore comments;
    @Autowired
    Journal journal;
    @Autowired
    DeadLetterStore deadLetters;
    @Autowired
    EventInbox inbox;
    @Autowired
    InboxWorker worker;
    @Autowired
    JiraPoller jiraPoller;
    @Autowired
    ServiceNowPoller serviceNowPoller;

    final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    final MutableClock clock = new MutableClock(Instant.now());

    @AfterEach
    void defaultPolicy() {
        POLICY.set(EscalationTestPolicies.serviceNowBoard("sc_task"));
    }

    @Test
    void anOverdueItemIsRemindedThenTakenToTheCabThenReassignedAndComesDownWhenDone() {
        Item item = linkedItem("Alert on gateway latency above 800 ms", today.minusDays(1));
        EscalationScan scan = newScan(clock);

        ScanSummary first = scan.scan();

        String remind = "David Loo, " + item.number + " \"Alert on gateway latency above 800 ms\" was due on "
                + today.minusDays(1) + " and is 1 day(s) overdue.";
        assertThat(stepsOf(item)).containsExactly("remind RAISED");
        assertThat(first.items()).isGreaterThanOrEqualTo(1);
        assertThat(workNotes(item.sysId)).containsExactly(remind);
        JsonNode comment = jiraComments(item.jiraKey).get(0).path("body");
        assertThat(comment.toString()).contains("\"type\":\"mention\"").contains("557058:david-loo")
                .contains("is 1 day(s) overdue.");
        assertThat(ticketsFor(item, "cab")).isEmpty();
        assertThat(settleCountingWritesTo(item)).as("writes to the item after the reminder (comments must not be "
                + "copied across)").isEqualTo(new Writes(0, 0));

        clock.advance(Duration.ofDays(2));
        ScanSummary second = scan.scan();

        Map<String, String> ticket = onlyTicket(item, "cab");
        assertThat(stepsOf(item)).containsExactly("remind RAISED", "cab RAISED");
        assertThat(second.raised()).isGreaterThanOrEqualTo(1);
        assertThat(ticket.get("number")).startsWith("SCTASK");
        assertThat(ticket.get("short_description"))
                .isEqualTo("Overdue action item " + item.number + ": Alert on gateway latency above 800 ms");
        assertThat(ticket.get("description")).isEqualTo(item.number + " \"Alert on gateway latency above 800 ms\" owned by "
                + "David Loo was due on " + today.minusDays(1) + " (3 days overdue).\nRetrospective: "
                + systems.serviceNowTasks.get("problem").number()
                + " Payment gateway upgrade caused checkout failures\nChange: "
                + systems.serviceNowTasks.get("change").number());
        assertThat(ticket.get("assignment_group")).isEqualTo(groupSysId("CAB"));
        assertThat(ticket.get("state")).isEqualTo("1");
        assertThat(systems.task(item.sysId).get("u_escalation")).isEqualTo("Change Advisory Board — cab");
        assertThat(jiraLabels(item.jiraKey)).contains("escalated:cab");
        assertThat(workNotes(item.sysId)).hasSize(1);
        assertThat(settleCountingWritesTo(item)).as("writes to the item after the markers (the sync must not write "
                + "them back)").isEqualTo(new Writes(0, 0));
        assertThat(systems.task(item.sysId).get("u_escalation")).isEqualTo("Change Advisory Board — cab");
        assertThat(jiraLabels(item.jiraKey)).contains("escalated:cab");
        assertThat(journal.forLink(item.linkId).stream().filter(e -> e.action() == JournalAction.WROTE)
                .map(e -> e.summary() + " " + e.ruleIds()))
                .contains("Escalated " + item.number + " to Change Advisory Board: " + ticket.get("number")
                        + " [default, cab]");

        clock.advance(Duration.ofDays(2));
        scan.scan();
        settle();

        assertThat(systems.task(item.sysId).get("assigned_to")).isEqualTo(sysUserId("abel.tuter"));
        assertThat(systems.jiraIssue(item.jiraKey).at("/fields/assignee/accountId").asText()).isEqualTo("557058:abel-tuter");

        systems.patchTask(item.sysId, "{\"state\":\"157\",\"close_code\":\"fix_applied\",\"close_notes\":\"Alert live\"}");
        settle();
        ScanSummary done = scan.scan();

        Map<String, String> closed = onlyTicket(item, "cab");
        assertThat(done.resolved()).isGreaterThanOrEqualTo(1);
        assertThat(closed.get("state")).isEqualTo("3");
        assertThat(closed.get("active")).isEqualTo("false");
        assertThat(closed.get("close_notes")).isEqualTo(item.number + " was completed on " + today);
        assertThat(workNotes(closed.get("sys_id"))).containsExactly(item.number + " was completed on " + today);
        assertThat(systems.task(item.sysId).get("u_escalation")).isEmpty();
        assertThat(jiraLabels(item.jiraKey)).noneMatch(l -> l.startsWith("escalated:"));
        assertThat(stepsOf(item)).containsExactly("remind RAISED", "cab RESOLVED", "reassign RAISED");
        assertThat(followUps.of(item.key).status()).isEqualTo("done");
        assertThat(followUps.of(item.key).escalated()).isTrue();
        clock.advance(Duration.ofDays(30));
        scan.scan();
        assertThat(stepsOf(item)).as("a done item reaches no further step").hasSize(3);
    }

    @Test
    void movingTheDueDateResolvesTheTicketWithTheReason() {
        Item item = linkedItem("Rotate the gateway client certificate", today.minusDays(4));
        EscalationScan scan = newScan(clock);
        scan.scan();
        assertThat(ticketsFor(item, "cab")).hasSize(1);

        systems.editJira(item.jiraKey, "{\"duedate\":\"" + today.plusDays(10) + "\"}");
        settle();
        ScanSummary after = scan.scan();

        Map<String, String> ticket = onlyTicket(item, "cab");
        assertThat(after.resolved()).isGreaterThanOrEqualTo(1);
        assertThat(stepsOf(item)).contains("cab RESOLVED");
        assertThat(ticket.get("state")).isEqualTo("3");
        assertThat(ticket.get("close_notes")).isEqualTo("due date of " + item.number + " moved to " + today.plusDays(10));
        assertThat(systems.task(item.sysId).get("u_escalation")).isEmpty();
        assertThat(jiraLabels(item.jiraKey)).noneMatch(l -> l.startsWith("escalated:"));
    }

    @Test
    void aBoardWorkingFromJiraGetsATaskInItsProject() {
        POLICY.set(EscalationTestPolicies.jiraBoard());
        Item item = linkedItem("Document the gateway failover", today.minusDays(3));

        newScan(clock).scan();

        String marker = TicketMarkers.forStep(item.key, "default", "arb");
        JsonNode found = SandboxPair.json(systems.jiraCall("POST", "/rest/api/3/search/jql", "{\"jql\":\"project = ARB "
                + "AND labels = " + marker + "\",\"fields\":[\"summary\",\"labels\",\"issuetype\",\"description\",\"status\"]}"));
        assertThat(found.path("issues")).hasSize(1);
        JsonNode fields = found.path("issues").get(0).path("fields");
        assertThat(fields.path("summary").asText()).isEqualTo("Overdue action item " + item.number
                + ": Document the gateway failover");
        assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Task");
        assertThat(fields.path("labels").toString()).contains("retro-escalation").contains(marker);
        assertThat(fields.path("description").toString()).contains("(3 days overdue).");
        assertThat(jiraLabels(item.jiraKey)).contains("escalated:arb");
        assertThat(systems.task(item.sysId).get("u_escalation")).isEqualTo("Architecture Review Board — arb");

        systems.patchTask(item.sysId, "{\"state\":\"157\",\"close_code\":\"fix_applied\"}");
        settle();
        newScan(clock).scan();

        String ticketKey = found.path("issues").get(0).path("key").asText();
        assertThat(systems.jiraIssue(ticketKey).at("/fields/status/name").asText()).isEqualTo("Done");
        assertThat(jiraComments(ticketKey)).singleElement().satisfies(c -> assertThat(c.path("body").toString())
                .contains(item.number + " was completed on " + today));
        assertThat(jiraLabels(item.jiraKey)).noneMatch(l -> l.startsWith("escalated:"));
    }

    @Test
    void withGroupingABoardGetsOneCycleTicketListingItsItemsKeptUpToDate() {
        POLICY.set(EscalationTestPolicies.groupedServiceNowBoard());
        Item first = linkedItem("Grouped: tag gateway releases", today.minusDays(3));
        Item second = linkedItem("Grouped: dashboard for gateway errors", today.minusDays(3));
        EscalationScan scan = newScan(clock);

        scan.scan();

        String groupKey = "cab/" + today.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", today.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        String marker = TicketMarkers.forGroup(groupKey);
        List<Map<String, String>> cycle = systems.servicenow.records("sc_task").stream()
                .filter(t -> marker.equals(t.get("correlation_id"))).toList();
        assertThat(cycle).hasSize(1);
        assertThat(cycle.get(0).get("short_description")).isEqualTo("Change Advisory Board " + groupKey.substring(4)
                + ": " + store.groupTicket(groupKey).orElseThrow().itemKeys().size() + " overdue item(s)");
        assertThat(cycle.get(0).get("description")).contains(first.number + " Grouped: tag gateway releases")
                .contains(second.number + " Grouped: dashboard for gateway errors");
        assertThat(ticketsFor(first, "cab")).isEmpty();
        assertThat(store.forItem(first.key)).filteredOn(r -> r.stepId().equals("cab")).singleElement()
                .satisfies(r -> {
                    assertThat(r.groupKey()).isEqualTo(groupKey);
                    assertThat(r.ticketId()).isNull();
                });
        assertThat(systems.task(first.sysId).get("u_escalation")).isEqualTo("Change Advisory Board — cab");

        systems.patchTask(first.sysId, "{\"state\":\"157\",\"close_code\":\"fix_applied\"}");
        settle();
        scan.scan();

        Map<String, String> rewritten = systems.servicenow.records("sc_task").stream()
                .filter(t -> marker.equals(t.get("correlation_id"))).findFirst().orElseThrow();
        assertThat(rewritten.get("description")).doesNotContain(first.number).contains(second.number);
        assertThat(store.groupTicket(groupKey).orElseThrow().itemKeys()).doesNotContain(first.key).contains(second.key);
        assertThat(systems.task(first.sysId).get("u_escalation")).isEmpty();
    }

    @Test
    void aHundredScansAtOnceAndARestartRaiseEachStepExactlyOnce() throws Exception {
        Item item = linkedItem("Add a circuit breaker to the gateway client", today.minusDays(3));
        List<EscalationScan> instances = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            instances.add(newScan(clock));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            EscalationScan scan = instances.get(i % instances.size());
            runs.add(pool.submit(() -> {
                try {
                    scan.scan();
                } catch (ScanAlreadyRunningException busy) {
                    // the running one does the work
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        newScan(clock).scan(); // after a restart: a new instance over the same store and systems

        assertThat(ticketsFor(item, "cab")).hasSize(1);
        assertThat(workNotes(item.sysId)).hasSize(1);
        assertThat(jiraComments(item.jiraKey)).hasSize(1);
        assertThat(store.forItem(item.key)).hasSize(2).allMatch(r -> r.state() == EscalationState.RAISED);
    }

    @Test
    void aScanThatCrashedAfterCreatingTheTicketIsFinishedByAdoptingItNotByASecondTicket() {
        Item item = linkedItem("Cap gateway retries at three", today.minusDays(3));
        String marker = TicketMarkers.forStep(item.key, "default", "cab");
        // What a scan that died between creating the ticket and recording it leaves behind.
        store.claim(claimed(item, "remind", null, null));
        store.claim(claimed(item, "cab", "cab", ExternalSystem.SERVICENOW));
        String crashed = SandboxPair.json(systems.servicenowCallAs(SandboxPair.SYNC_USER, SandboxPair.SYNC_PASSWORD,
                "POST", "/api/now/table/sc_task", "{\"short_description\":\"written before the crash\",\"correlation_id\":\""
                        + marker + "\"}")).path("result").path("number").asText();

        clock.advance(EscalationScan.ABANDONED_CLAIM.plusMinutes(1));
        newScan(clock).scan();

        assertThat(ticketsFor(item, "cab")).extracting(t -> t.get("number")).containsExactly(crashed);
        assertThat(store.forItem(item.key)).filteredOn(r -> r.stepId().equals("cab"))
                .singleElement().satisfies(r -> {
                    assertThat(r.state()).isEqualTo(EscalationState.RAISED);
                    assertThat(r.ticketKey()).isEqualTo(crashed);
                });
        assertThat(workNotes(item.sysId)).as("the claimed reminder was written once").hasSize(1);
        assertThat(stepsOf(item)).containsExactly("remind RAISED", "cab RAISED");
    }

    @Test
    void aScanThatCrashedBeforeCreatingTheTicketCreatesItOnce() {
        Item item = linkedItem("Page the payments on-call on gateway errors", today.minusDays(3));
        store.claim(claimed(item, "cab", "cab", ExternalSystem.SERVICENOW));

        newScan(clock).scan();
        assertThat(ticketsFor(item, "cab")).as("a young claim is another scan's, still writing").isEmpty();
        clock.advance(EscalationScan.ABANDONED_CLAIM.plusMinutes(1));
        newScan(clock).scan();
        newScan(clock).scan();

        assertThat(ticketsFor(item, "cab")).hasSize(1);
    }

    @Test
    void aRefusedTicketIsParkedAsADeadLetterAndItsReplayRaisesItAfterTheFix() {
        POLICY.set(EscalationTestPolicies.serviceNowBoard("u_cab_queue"));
        Item item = linkedItem("Load-test the gateway at twice the peak", today.minusDays(4));

        ScanSummary refused = newScan(Clock.systemUTC()).scan();

        EscalationRecord parked = store.forItem(item.key).stream().filter(r -> r.stepId().equals("cab")).findFirst()
                .orElseThrow();
        assertThat(refused.parked()).isGreaterThanOrEqualTo(1);
        assertThat(parked.state()).isEqualTo(EscalationState.PARKED);
        DeadLetter letter = deadLetters.list(0, 100).stream()
                .filter(d -> d.event().kind().equals(EscalationScan.DEAD_LETTER_KIND)
                        && d.event().entityId().equals(item.key)).findFirst().orElseThrow();
        assertThat(letter.error()).contains("u_cab_queue");
        assertThat(SandboxPair.json(letter.event().payload()).path("recordId").asText()).isEqualTo(parked.id().toString());
        assertThat(journal.forLink(item.linkId)).anyMatch(e -> e.action() == JournalAction.ERROR
                && e.summary().startsWith("Parked default/cab of " + item.number));
        assertThat(newScan(Clock.systemUTC()).scan().parked()).as("a parked step waits for its replay").isZero();

        POLICY.set(EscalationTestPolicies.serviceNowBoard("sc_task"));
        AdminApi.post(port, "/api/admin/dead-letters/" + letter.id() + "/replay");
        drainAll();

        assertThat(ticketsFor(item, "cab")).hasSize(1);
        assertThat(store.find(parked.id()).orElseThrow().state()).isEqualTo(EscalationState.RAISED);
    }

    @Test
    void hostileTitlesAreWrittenAsTextAndNeverReachAQuery() {
        String hostile = "Fix \"it\" ^NQactive=true^ORDERBYnumber OR project = ARB) AND labels = x";
        Item item = linkedItem(hostile, today.minusDays(3));
        systems.servicenow.requests().clear();
        systems.jira.requests().clear();

        newScan(clock).scan();

        assertThat(onlyTicket(item, "cab").get("short_description")).isEqualTo("Overdue action item " + item.number
                + ": " + hostile);
        List<String> queries = new ArrayList<>();
        for (RequestLog.Entry e : systems.servicenow.requests().all()) {
            queries.add(e.rawQuery() == null ? "" : URLDecoder.decode(e.rawQuery(), StandardCharsets.UTF_8));
        }
        for (RequestLog.Entry e : systems.jira.requests().all()) {
            if (e.path().endsWith("/search/jql")) {
                queries.add(e.body());
            }
        }
        assertThat(queries).isNotEmpty().noneMatch(q -> q.contains("^NQactive") || q.contains("project = ARB)"));
    }

    // ---- the world of one test ----

    /** An action item made in ServiceNow by a person, due on {@code due}, owned by David Loo, synced to Jira. */
    record Item(String key, UUID linkId, String sysId, String number, String jiraKey) {
    }

    Item linkedItem(String title, LocalDate due) {
        String sysId = systems.createTask(title);
        systems.patchTask(sysId, "{\"due_date\":\"" + due + " 23:59:59\",\"assigned_to\":\"" + sysUserId("david.loo")
                + "\",\"problem\":\"" + systems.serviceNowTasks.get("problem").sysId() + "\",\"impact\":\"2\",\"urgency\":\"1\"}");
        settle();
        var link = links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, sysId)).orElseThrow();
        String issueId = link.idOn(ExternalSystem.JIRA).orElseThrow();
        String jiraKey = systems.jiraIssue(issueId).path("key").asText();
        return new Item(link.correlationId(), link.id(), sysId, systems.task(sysId).get("number"), jiraKey);
    }

    List<String> stepsOf(Item item) {
        return store.forItem(item.key).stream().map(r -> r.stepId() + " " + r.state()).toList();
    }

    EscalationScan newScan(Clock scanClock) {
        return EscalationScanConfiguration.assemble(mappings, policies, planner, (EscalationStore) store,
                (FollowUpStore) followUps, servicenow, jira, links, comments, journal, deadLetters,
                systems.servicenow.baseUrl(), systems.jira.baseUrl(), scanClock);
    }

    EscalationRecord claimed(Item item, String step, String board, ExternalSystem ticketSystem) {
        return new EscalationRecord(UUID.randomUUID(), item.key, "default", step, board, board == null ? "remind" : "ticket",
                ticketSystem, null, null, null, TicketMarkers.forStep(item.key, "default", step), EscalationState.CLAIMED,
                3, clock.instant(), null, null, "claimed before a crash");
    }

    record Writes(long jira, long servicenow) {
    }

    /** Polls both sides and works the inbox down until nothing new comes; counts what the connector wrote. */
    Writes settle() {
        long jiraBefore = systems.jiraWrites();
        long serviceNowBefore = systems.servicenowWrites();
        for (int round = 0; round < 10; round++) {
            int queued = serviceNowPoller.poll() + jiraPoller.poll();
            drainAll();
            if (queued == 0) {
                return new Writes(systems.jiraWrites() - jiraBefore, systems.servicenowWrites() - serviceNowBefore);
            }
        }
        throw new AssertionError("the sync never settled (ping-pong?)");
    }

    /** Like {@link #settle()}, counting only the connector's writes to this item's two records. */
    Writes settleCountingWritesTo(Item item) {
        int jiraFrom = systems.jira.requests().all().size();
        int serviceNowFrom = systems.servicenow.requests().all().size();
        settle();
        String issueId = links.findById(item.linkId).orElseThrow().idOn(ExternalSystem.JIRA).orElseThrow();
        long jiraWrites = systems.jira.requests().all().stream().skip(jiraFrom)
                .filter(e -> e.isWrite() && e.status() < 300)
                .filter(e -> e.path().contains("/" + item.jiraKey) || e.path().contains("/" + issueId)).count();
        long serviceNowWrites = systems.servicenow.requests().all().stream().skip(serviceNowFrom)
                .filter(e -> e.isWrite() && e.status() < 300 && e.path().contains(item.sysId)).count();
        return new Writes(jiraWrites, serviceNowWrites);
    }

    void drainAll() {
        while (worker.drain() > 0) {
            // until the inbox is dry
        }
    }

    List<Map<String, String>> ticketsFor(Item item, String step) {
        String marker = TicketMarkers.forStep(item.key, "default", step);
        return systems.servicenow.records("sc_task").stream().filter(t -> marker.equals(t.get("correlation_id"))).toList();
    }

    Map<String, String> onlyTicket(Item item, String step) {
        List<Map<String, String>> tickets = ticketsFor(item, step);
        assertThat(tickets).as("tickets of %s for %s", item.number, step).hasSize(1);
        return tickets.get(0);
    }

    List<String> workNotes(String sysId) {
        return systems.servicenow.journal(sysId).stream().filter(e -> "work_notes".equals(e.get("element")))
                .map(e -> e.get("value")).toList();
    }

    List<JsonNode> jiraComments(String key) {
        List<JsonNode> all = new ArrayList<>();
        SandboxPair.json(systems.jiraCall("GET", "/rest/api/3/issue/" + key + "/comment", null)).path("comments")
                .forEach(all::add);
        return all;
    }

    List<String> jiraLabels(String key) {
        List<String> labels = new ArrayList<>();
        systems.jiraIssue(key).path("fields").path("labels").forEach(l -> labels.add(l.asText()));
        return labels;
    }

    String sysUserId(String userName) {
        return systems.servicenow.records("sys_user").stream().filter(u -> userName.equals(u.get("user_name")))
                .findFirst().orElseThrow().get("sys_id");
    }

    String groupSysId(String name) {
        return systems.servicenow.records("sys_user_group").stream().filter(g -> name.equals(g.get("name")))
                .findFirst().orElseThrow().get("sys_id");
    }
}
