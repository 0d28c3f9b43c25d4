package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.escalation.EscalationMarkers;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationState;
import io.retrobridge.escalation.FollowUpStore;
import io.retrobridge.escalation.scan.EscalationScan;
import io.retrobridge.escalation.scan.ScanAlreadyRunningException;
import io.retrobridge.escalation.scan.ScanSummary;
import io.retrobridge.flow.EscalationWorld.Item;
import io.retrobridge.flow.EscalationWorld.Writes;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.sandbox.RequestLog;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.WriteIntent;
import io.retrobridge.sync.WriteIntents;
import io.retrobridge.testsupport.AdminApi;
import io.retrobridge.testsupport.MutableClock;
import io.retrobridge.testsupport.SandboxPair;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Overdue action items linked across both simulators walk up the SHIPPED ladder (mappings/escalations.yaml), once,
 * and come down again, through the scan production runs: the planner, the policy of the mappings folder and the
 * JDBC stores (H2). The scan's "today" is a clock the test moves; the simulators and the sync run on real time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EscalationScanEndToEndTest extends EscalationSetup {

    static final SandboxPair systems = new SandboxPair();
    /** The owner of every item here, as ServiceNow and Jira name him. */
    static final String OWNER = "David Loo";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        systems.register(registry);
    }

    @AfterAll
    static void stop() {
        systems.close();
    }

    EscalationScanEndToEndTest() {
        super(systems);
    }

    @LocalServerPort
    int port;
    @Autowired
    FollowUpStore followUps;
    @Autowired
    Journal journal;
    @Autowired
    DeadLetterStore deadLetters;
    @Autowired
    WriteIntents intents;

    @Test
    void aProductionFixIsRemindedOnBothSidesTakenToTheCabThenToTheArchitectureBoardAndComesDownWhenDone() {
        Item item = world.linkedItem("Alert on gateway latency above 800 ms", today.minusDays(1));
        EscalationScan scan = world.newScan(clock);

        scan.scan();

        assertThat(world.stepsOf(item)).as("in ladder order").containsExactly("remind RAISED", "cab RAISED");
        String remind = OWNER + ", the retrospective action " + item.number() + " \"" + item.title() + "\" was due on "
                + today.minusDays(1) + " and is 1 day overdue.\nPlease finish it or move its due date; it goes to the"
                + " Change Advisory Board today.";
        assertThat(world.workNotes(item.sysId())).containsExactly(remind);
        JsonNode comment = world.jiraComments(item.jiraKey()).get(0).path("body");
        assertThat(comment.toString()).contains("\"type\":\"mention\"").contains("557058:david-loo");
        assertThat(EscalationWorld.adfText(comment)).endsWith(remind.substring(OWNER.length()));

        Map<String, String> cab = world.onlyServiceNowTicket(item, "production-fixes", "cab");
        assertThat(cab.get("number")).startsWith("SCTASK");
        assertThat(cab.get("assignment_group")).isEqualTo(world.groupSysId("CAB"));
        assertThat(cab.get("state")).isEqualTo("1");
        assertThat(cab.get("short_description"))
                .isEqualTo("Overdue retrospective action " + item.number() + ": " + item.title());
        assertThat(cab.get("description")).isEqualTo("The retrospective action " + item.number() + " \"" + item.title()
                + "\" is 1 day overdue.\n\n"
                + "Owner: " + OWNER + " (david.loo@example.com)\n"
                + "Due date: " + today.minusDays(1) + "\n"
                + "Retrospective: " + retrospective() + "\n"
                + "Change record: " + systems.serviceNowTasks.get("change").number() + "\n"
                + "Team: PAY\n\n"
                + "It was committed to keep production safe; please agree an owner and a new date with the team."
                + " This ticket is resolved by RetroBridge when the action is done or its due date moves.\n\n"
                + links(item));
        assertThat(systems.task(item.sysId()).get("u_escalation")).isEqualTo("Change Advisory Board — cab");
        assertThat(world.jiraLabels(item.jiraKey())).contains("escalated:cab");
        assertThat(world.settleCountingWritesTo(item)).as("writes to the item after the markers (the sync must not "
                + "write them back)").isEqualTo(new Writes(0, 0));
        assertThat(journal.forLink(item.linkId()).stream().filter(e -> e.action() == JournalAction.WROTE)
                .map(e -> e.summary() + " " + e.ruleIds()))
                .contains("Escalated " + item.number() + " to Change Advisory Board: " + cab.get("number")
                        + " [production-fixes, cab]");

        // Open at the CAB for 10 business days (counted from the day it got there): the architecture board.
        LocalDate raisedOn = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate tenth = businessDaysAfter(raisedOn, 10);
        advanceTo(tenth.minusDays(1));
        scan.scan();
        assertThat(world.arbTickets(item, "systemic", "architecture-review")).isEmpty();
        advanceTo(tenth);
        scan.scan();

        List<JsonNode> arb = world.arbTickets(item, "systemic", "architecture-review");
        assertThat(arb).hasSize(1);
        JsonNode fields = arb.get(0).path("fields");
        assertThat(fields.path("summary").asText())
                .isEqualTo("Architecture review of overdue retrospective action " + item.number() + ": " + item.title());
        assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Task");
        assertThat(fields.path("labels").toString()).contains("retro-escalation")
                .contains(EscalationMarkers.ticketMarker(item.key(), "systemic", "architecture-review"));
        long calendarDays = java.time.temporal.ChronoUnit.DAYS.between(today.minusDays(1), tenth);
        assertThat(EscalationWorld.adfText(fields.path("description"))).isEqualTo(
                "The retrospective action " + item.number() + " \"" + item.title() + "\" needs the Architecture Review"
                        + " Board: it has been open at cab since " + raisedOn + ", 10 business days (10 business days"
                        + " make it systemic).\n"
                        + "Failure mode: —\n"
                        + "Owner: " + OWNER + " (david.loo@example.com), due " + today.minusDays(1) + ", "
                        + businessDaysBetween(today.minusDays(1), tenth) + " business days overdue.\n"
                        + "Retrospective: " + retrospective() + "\n"
                        + "Change record: " + systems.serviceNowTasks.get("change").number() + "\n"
                        + "Team: PAY\n"
                        + "Escalation so far:\n"
                        + raisedOn + " remind: reminder (raised)\n"
                        + raisedOn + " cab: " + cab.get("number") + " (raised)\n"
                        + links(item));
        assertThat(calendarDays).isGreaterThanOrEqualTo(10);
        assertThat(world.jiraLabels(item.jiraKey())).contains("escalated:architecture-review-board")
                .doesNotContain("escalated:cab");
        assertThat(systems.task(item.sysId()).get("u_escalation"))
                .isEqualTo("Architecture Review Board — architecture-review");

        systems.patchTask(item.sysId(), "{\"state\":\"157\",\"close_code\":\"fix_applied\",\"close_notes\":\"Alert live\"}");
        LocalDate completedOn = LocalDate.now(ZoneOffset.UTC);
        world.settle();
        ScanSummary done = scan.scan();

        String note = item.number() + " was completed on " + completedOn;
        Map<String, String> closed = world.onlyServiceNowTicket(item, "production-fixes", "cab");
        assertThat(done.resolved()).isGreaterThanOrEqualTo(2);
        assertThat(closed.get("state")).isEqualTo("3");
        assertThat(closed.get("close_notes")).isEqualTo(note);
        assertThat(world.workNotes(closed.get("sys_id"))).containsExactly(note);
        String arbKey = arb.get(0).path("key").asText();
        assertThat(systems.jiraIssue(arbKey).at("/fields/status/name").asText()).isEqualTo("Done");
        assertThat(world.jiraComments(arbKey)).singleElement()
                .satisfies(c -> assertThat(EscalationWorld.adfText(c.path("body"))).isEqualTo(note));
        assertThat(systems.task(item.sysId()).get("u_escalation")).isEmpty();
        assertThat(world.jiraLabels(item.jiraKey())).noneMatch(l -> l.startsWith("escalated:"));
        assertThat(world.stepsOf(item)).containsExactly("remind RAISED", "cab RESOLVED", "architecture-review RESOLVED");
        assertThat(followUps.all()).filteredOn(f -> f.itemKey().equals(item.key())).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo("done");
            assertThat(f.escalated()).isTrue();
        });
        clock.advance(Duration.ofDays(30));
        scan.scan();
        assertThat(world.stepsOf(item)).as("a done item reaches no further step").hasSize(3);
    }

    /**
     * A title written to look like markup: a Markdown link and ServiceNow's [code] HTML. Every escalation target
     * shows it as the characters typed: Jira's documents carry it in text nodes without link marks, ServiceNow's
     * work note carries [code] made inert, plain ticket fields carry it as it is.
     */
    @Test
    void aTitleThatLooksLikeMarkupIsShownAsTypedOnEveryTarget() {
        String hostile = "Alerting [re-approve here](https://evil.example) [code]<a href=\"https://evil.example\">ok</a>[/code]";
        Item item = world.linkedItem(hostile, today.minusDays(1));
        EscalationScan scan = world.newScan(clock);

        scan.scan();

        String note = world.workNotes(item.sysId()).get(0);
        assertThat(note.toLowerCase()).as("ServiceNow would render [code]...[/code] as HTML").doesNotContain("[code]")
                .doesNotContain("[/code]");
        assertThat(note.replace("\u200B", "")).contains("\"" + hostile + "\"");
        JsonNode comment = world.jiraComments(item.jiraKey()).get(0).path("body");
        assertThat(comment.toString()).doesNotContain("\"link\"").doesNotContain("evil.example\"}");
        assertThat(EscalationWorld.adfText(comment)).contains("\"" + hostile + "\"");
        Map<String, String> cab = world.onlyServiceNowTicket(item, "production-fixes", "cab");
        assertThat(cab.get("short_description")).endsWith(": " + hostile);
        assertThat(cab.get("description")).contains("\"" + hostile + "\"");

        LocalDate raisedOn = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        advanceTo(businessDaysAfter(raisedOn, 10));
        scan.scan();

        JsonNode description = world.arbTickets(item, "systemic", "architecture-review").get(0).path("fields")
                .path("description");
        assertThat(description.toString()).as("no link mark, no markup parsed").doesNotContain("\"link\"")
                .doesNotContain("\"marks\"");
        assertThat(EscalationWorld.adfText(description)).contains("\"" + hostile + "\"");
    }

    /**
     * An improvement due on Tuesday 22 December 2026 counts business days past Christmas, the year-end closing
     * days, New Year and two weekends (the shipped calendar): reminded on 29 December, at the Release Advisory Board
     * on 5 January, handed over on 12 January and at the Architecture Review Board on 19 January (10 business days
     * after reaching the RAB). Then its due date moves and the RAB ticket is resolved with the reason.
     */
    @Test
    void anImprovementWalksItsBusinessDayLadderAcrossTheYearEndAndComesDownWhenItsDueDateMoves() {
        LocalDate due = LocalDate.of(2026, 12, 22);
        Item item = world.linkedItem("Write down the gateway failover procedure", due);
        MutableClock walk = new MutableClock(due.atTime(12, 0).toInstant(ZoneOffset.UTC));
        EscalationScan scan = world.newScan(walk);

        Map<String, LocalDate> firstSeen = new LinkedHashMap<>();
        for (LocalDate day = due; !day.isAfter(LocalDate.of(2027, 1, 20)); day = day.plusDays(1)) {
            scan.scan();
            for (EscalationRecord record : store.forItem(item.key())) {
                firstSeen.putIfAbsent(record.stepId() + " " + record.state(), day);
            }
            walk.advance(Duration.ofDays(1));
        }

        assertThat(firstSeen).containsExactly(
                Map.entry("remind RAISED", LocalDate.of(2026, 12, 29)),
                Map.entry("release-advisory-board RAISED", LocalDate.of(2027, 1, 5)),
                Map.entry("hand-over RAISED", LocalDate.of(2027, 1, 12)),
                Map.entry("architecture-review RAISED", LocalDate.of(2027, 1, 19)));
        assertThat(world.workNotes(item.sysId())).contains(OWNER + ", the retrospective action "
                + item.number() + " \"" + item.title() + "\" was due on 2026-12-22 and is 2 business days overdue."
                + "\nPlease finish it or move its due date.");
        Map<String, String> rab = world.onlyServiceNowTicket(item, "improvements", "release-advisory-board");
        assertThat(rab.get("assignment_group")).isEqualTo(world.groupSysId("Release Advisory Board"));
        assertThat(rab.get("short_description"))
                .isEqualTo("Overdue retrospective action " + item.number() + ": " + item.title());
        assertThat(rab.get("description")).startsWith("The retrospective action " + item.number() + " \""
                + item.title() + "\" is 5 business days overdue.\n\nOwner: " + OWNER + " (david.loo@example.com)\n")
                .contains("A reminder went to the owner without effect. Please decide whether it is still needed,"
                        + " and by when. This ticket is resolved");

        // The hand-over: assigned to the problem manager on ServiceNow (the assignee's owner side), carried to Jira.
        world.settle();
        assertThat(systems.task(item.sysId()).get("assigned_to")).isEqualTo(world.sysUserId("abel.tuter"));
        assertThat(systems.jiraIssue(item.jiraKey()).at("/fields/assignee/accountId").asText())
                .isEqualTo("557058:abel-tuter");
        assertThat(world.workNotes(item.sysId())).contains(item.number() + " is 10 business days overdue and was handed"
                + " over to the problem manager, who will find it a new owner.");
        assertThat(world.arbTickets(item, "systemic", "architecture-review")).hasSize(1);
        assertThat(world.jiraLabels(item.jiraKey())).contains("escalated:architecture-review-board");

        // Jira owns the due date: moved there, it reaches ServiceNow and the scan.
        systems.editJira(item.jiraKey(), "{\"duedate\":\"2027-02-15\"}");
        world.settle();
        ScanSummary moved = scan.scan();

        Map<String, String> resolved = world.onlyServiceNowTicket(item, "improvements", "release-advisory-board");
        assertThat(moved.resolved()).isEqualTo(1);
        assertThat(resolved.get("state")).isEqualTo("3");
        assertThat(resolved.get("close_notes")).isEqualTo("due date of " + item.number() + " moved to 2027-02-15");
        assertThat(world.stepsOf(item)).containsExactly("remind RAISED", "release-advisory-board RESOLVED",
                "hand-over RAISED", "architecture-review RAISED");
        assertThat(world.jiraLabels(item.jiraKey())).as("a systemic ticket is about the problem, not the date")
                .contains("escalated:architecture-review-board");
        assertThat(systems.task(item.sysId()).get("u_escalation"))
                .isEqualTo("Architecture Review Board — architecture-review");
    }

    @Test
    void anItemDoneInJiraBringsItsCabTicketDownWithTheDayItWasDone() {
        Item item = world.linkedItem("Alert when gateway retries spike", today.minusDays(1));
        EscalationScan scan = world.newScan(clock);
        scan.scan();
        assertThat(world.serviceNowTickets(item, "production-fixes", "cab")).hasSize(1);

        systems.transitionJira(item.jiraKey(), "Done");
        LocalDate completedOn = LocalDate.now(ZoneOffset.UTC);
        world.settle();
        scan.scan();

        Map<String, String> ticket = world.onlyServiceNowTicket(item, "production-fixes", "cab");
        assertThat(ticket.get("state")).isEqualTo("3");
        assertThat(ticket.get("close_notes")).isEqualTo(item.number() + " was completed on " + completedOn);
        assertThat(world.stepsOf(item)).containsExactly("remind RAISED", "cab RESOLVED");
        assertThat(world.jiraLabels(item.jiraKey())).noneMatch(l -> l.startsWith("escalated:"));
        assertThat(systems.task(item.sysId()).get("u_escalation")).isEmpty();
    }

    /** Calendar-day steps count every day: a production fix due on 23 December reaches the CAB on Christmas Eve. */
    @Test
    void calendarDayStepsCountHolidaysAndWeekends() {
        Item item = world.linkedItem("Alert on year-end gateway load", LocalDate.of(2026, 12, 23));
        MutableClock christmasEve = new MutableClock(Instant.parse("2026-12-24T09:00:00Z"));

        world.newScan(christmasEve).scan();

        assertThat(world.stepsOf(item)).containsExactly("remind RAISED", "cab RAISED");
        assertThat(world.onlyServiceNowTicket(item, "production-fixes", "cab").get("description"))
                .startsWith("The retrospective action " + item.number() + " \"" + item.title() + "\" is 1 day overdue.");
    }

    @Test
    void aFailureModeOnThreeRetrospectivesWithinNinetyDaysTakesEachOverdueItemToTheArchitectureBoard() {
        String failureMode = "fm-" + UUID.randomUUID().toString().substring(0, 8);
        List<Item> items = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String problem = newProblem("Retrospective " + i + " of " + failureMode);
            // The first is a production fix: the CAB and the architecture board take it in the same scan, and the
            // item shows the architecture board, the newer one, as the planner decides.
            String title = (i == 1 ? "Alert on recurring " : "Recurring ") + failureMode + " fix " + i;
            Item item = world.linkedItem(title, today.minusDays(1),
                    ",\"cause_code\":\"" + failureMode + "\"");
            systems.patchTask(item.sysId(), "{\"problem\":\"" + problem + "\"}");
            items.add(item);
        }
        world.settle();

        world.newScan(clock).scan();
        world.newScan(clock).scan();

        for (Item item : items) {
            List<JsonNode> arb = world.arbTickets(item, "systemic", "architecture-review");
            assertThat(arb).as("ARB tickets of %s", item.number()).hasSize(1);
            assertThat(arb.get(0).path("fields").path("summary").asText()).isEqualTo("Architecture review of overdue"
                    + " retrospective action " + item.number() + ": " + item.title());
            assertThat(EscalationWorld.adfText(arb.get(0).path("fields").path("description")))
                    .contains("its failure mode " + failureMode + " recurred on 3 retrospectives within 90 days")
                    .contains("Failure mode: " + failureMode + "\n");
            assertThat(world.jiraLabels(item.jiraKey())).contains("escalated:architecture-review-board")
                    .doesNotContain("escalated:cab");
            assertThat(systems.task(item.sysId()).get("u_escalation"))
                    .isEqualTo("Architecture Review Board — architecture-review");
        }
        assertThat(world.serviceNowTickets(items.get(0), "production-fixes", "cab")).hasSize(1);
    }

    @Test
    void twoRetrospectivesAreNotARecurrence() {
        String failureMode = "fm-" + UUID.randomUUID().toString().substring(0, 8);
        List<Item> items = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            String problem = newProblem("Retrospective " + i + " of " + failureMode);
            Item item = world.linkedItem("Twice " + failureMode + " fix " + i, today.minusDays(1),
                    ",\"cause_code\":\"" + failureMode + "\"");
            systems.patchTask(item.sysId(), "{\"problem\":\"" + problem + "\"}");
            items.add(item);
        }
        world.settle();

        world.newScan(clock).scan();

        assertThat(items).allSatisfy(item ->
                assertThat(world.arbTickets(item, "systemic", "architecture-review")).isEmpty());
    }

    @Test
    void aHundredScansAtOnceAndARestartRaiseEachStepExactlyOnce() throws Exception {
        Item item = world.linkedItem("Add a canary stage to the gateway client", today.minusDays(1));
        List<EscalationScan> instances = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            instances.add(world.newScan(clock));
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
            run.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();

        world.newScan(clock).scan(); // after a restart: a new instance over the same DB and systems

        assertThat(world.serviceNowTickets(item, "production-fixes", "cab")).hasSize(1);
        assertThat(world.workNotes(item.sysId())).hasSize(1);
        assertThat(world.jiraComments(item.jiraKey())).hasSize(1);
        assertThat(store.forItem(item.key())).hasSize(2).allMatch(r -> r.state() == EscalationState.RAISED);
    }

    @Test
    void aScanThatCrashedAfterCreatingTheTicketIsFinishedByAdoptingItNotByASecondTicket() {
        Item item = world.linkedItem("Cap pipeline retries at three", today.minusDays(1));
        String marker = EscalationMarkers.ticketMarker(item.key(), "production-fixes", "cab");
        // What a scan that died between creating the ticket and recording it leaves behind.
        store.claim(claimed(item, "remind", null));
        store.claim(claimed(item, "cab", "cab"));
        String crashed = SandboxPair.json(systems.servicenowCallAs(SandboxPair.SYNC_USER, SandboxPair.SYNC_PASSWORD,
                "POST", "/api/now/table/sc_task", "{\"short_description\":\"written before the crash\","
                        + "\"correlation_id\":\"" + marker + "\"}")).path("result").path("number").asText();

        world.newScan(clock).scan();
        assertThat(world.workNotes(item.sysId())).as("young claims are another scan's, still writing").isEmpty();
        clock.advance(EscalationScan.ABANDONED_CLAIM.plusMinutes(1));
        world.newScan(clock).scan();

        assertThat(world.serviceNowTickets(item, "production-fixes", "cab")).extracting(t -> t.get("number"))
                .containsExactly(crashed);
        assertThat(store.forItem(item.key())).filteredOn(r -> r.stepId().equals("cab"))
                .singleElement().satisfies(r -> {
                    assertThat(r.state()).isEqualTo(EscalationState.RAISED);
                    assertThat(r.ticketKey()).isEqualTo(crashed);
                });
        assertThat(world.workNotes(item.sysId())).as("the claimed reminder was written once").hasSize(1);
        assertThat(world.stepsOf(item)).containsExactlyInAnyOrder("remind RAISED", "cab RAISED");
        assertThat(systems.task(item.sysId()).get("u_escalation")).isEqualTo("Change Advisory Board — cab");
    }

    @Test
    void aTicketAPersonMarkedLikeOursIsNotAdoptedAfterACrash() {
        Item item = world.linkedItem("Cap pipeline alert retries at five", today.minusDays(1));
        String marker = EscalationMarkers.ticketMarker(item.key(), "production-fixes", "cab");
        store.claim(claimed(item, "remind", null));
        store.claim(claimed(item, "cab", "cab"));
        // Markers are derived from item keys: anyone can put one on a ticket of their own.
        String planted = SandboxPair.json(systems.servicenowCall("POST", "/api/now/table/sc_task",
                "{\"short_description\":\"approve me instead\",\"correlation_id\":\"" + marker + "\"}"))
                .path("result").path("number").asText();
        clock.advance(EscalationScan.ABANDONED_CLAIM.plusMinutes(1));

        world.newScan(clock).scan();

        assertThat(store.forItem(item.key())).filteredOn(r -> r.stepId().equals("cab"))
                .singleElement().satisfies(r -> {
                    assertThat(r.state()).isEqualTo(EscalationState.RAISED);
                    assertThat(r.ticketKey()).as("its own ticket, not the planted one").isNotEqualTo(planted)
                            .startsWith("SCTASK");
                });
    }

    @Test
    void aScanThatCrashedBeforeCreatingTheTicketCreatesItOnce() {
        Item item = world.linkedItem("Page on-call on pipeline errors", today.minusDays(1));
        store.claim(claimed(item, "cab", "cab"));

        world.newScan(clock).scan();
        assertThat(world.serviceNowTickets(item, "production-fixes", "cab"))
                .as("a young claim is another scan's, still writing").isEmpty();
        clock.advance(EscalationScan.ABANDONED_CLAIM.plusMinutes(1));
        world.newScan(clock).scan();
        world.newScan(clock).scan();

        assertThat(world.serviceNowTickets(item, "production-fixes", "cab")).hasSize(1);
    }

    @Test
    void itemMarkersAreAnnouncedBeforeTheyAreWrittenAndSettledByTheEntryThatRecordsThem() {
        Item item = world.linkedItem("Alert on queue depth above ten thousand", today.minusDays(1));

        world.newScan(clock).scan();

        assertMarkerWriteAnnouncedThenSettled(item, "about to label " + item.number()
                + " escalated:cab (Change Advisory Board holds it)", "Labelled " + item.number() + " escalated:cab");
        assertMarkerWriteAnnouncedThenSettled(item, "about to set the escalation field of " + item.number()
                + " to Change Advisory Board — cab (Change Advisory Board holds it)", "Set the escalation field of "
                + item.number() + " to Change Advisory Board — cab");
        assertThat(intents.openFor("escalation-label:" + item.key())).isEmpty();
        assertThat(intents.openFor("escalation-field:" + item.key())).isEmpty();
    }

    @Test
    void aMarkerWriteInterruptedBeforeItsRecordIsSettledByTheNextScanWithoutWritingItAgain() {
        Item item = world.linkedItem("Rotate the pipeline signing keys", today.minusDays(1));
        String label = "escalation-label:" + item.key();
        String field = "escalation-field:" + item.key();

        // Stops after labelling the Jira issue, before recording it: the next scan finds the label there.
        world.newScan(world.stoppingBeforeRecording(label), clock).scan();
        assertThat(world.jiraLabels(item.jiraKey())).contains("escalated:cab");
        assertThat(intents.openFor(label)).as("what may have been written").hasSize(1);
        // Stops after setting the ServiceNow field, before recording it.
        Writes second = world.writesTo(item, () -> world.newScan(world.stoppingBeforeRecording(field), clock).scan());
        assertThat(systems.task(item.sysId()).get("u_escalation")).isEqualTo("Change Advisory Board — cab");
        assertThat(intents.openFor(field)).hasSize(1);
        Writes third = world.writesTo(item, () -> world.newScan(clock).scan());

        assertThat(second.jira()).as("the label that had landed is not written again").isZero();
        assertThat(third).as("nor the field").isEqualTo(new Writes(0, 0));
        assertThat(intents.openFor(label)).isEmpty();
        assertThat(intents.openFor(field)).isEmpty();
        List<JournalEntry> history = journal.forLink(item.linkId());
        assertThat(history).filteredOn(e -> e.summary().endsWith("(an interrupted write that had landed; nothing"
                + " written again)")).extracting(JournalEntry::summary).containsExactlyInAnyOrder(
                "Labelled " + item.number() + " escalated:cab (an interrupted write that had landed; nothing written"
                        + " again)",
                "Set the escalation field of " + item.number() + " to Change Advisory Board — cab (an interrupted"
                        + " write that had landed; nothing written again)");
        assertThat(world.jiraLabels(item.jiraKey())).filteredOn(l -> l.startsWith("escalated:")).containsExactly(
                "escalated:cab");
    }

    @Test
    void aMarkerWriteInterruptedBeforeItWasSentIsWrittenOnceByTheNextScan() {
        Item item = world.linkedItem("Retire the legacy pipeline runner", today.minusDays(1));
        String label = "escalation-label:" + item.key();

        Writes stopped = world.writesTo(item, () -> world.newScan(world.stoppingBeforeSending(label), clock).scan());
        assertThat(world.jiraLabels(item.jiraKey())).noneMatch(l -> l.startsWith("escalated:"));
        List<WriteIntent> announced = intents.openFor(label);
        assertThat(announced).as("what may have been written").hasSize(1);
        Writes next = world.writesTo(item, () -> world.newScan(clock).scan());

        assertThat(world.jiraLabels(item.jiraKey())).filteredOn(l -> l.startsWith("escalated:"))
                .containsExactly("escalated:cab");
        assertThat(next.jira()).as("the label, once").isEqualTo(1);
        assertThat(stopped.jira() + next.jira()).as("the reminder and the label").isEqualTo(2);
        assertThat(intents.openFor(label)).isEmpty();
        JournalEntry wrote = onlyEntry(item, JournalAction.WROTE, "Labelled " + item.number() + " escalated:cab");
        assertThat(wrote.detail()).startsWith("an interrupted write of it did not land; written now; settles intent "
                + announced.get(0).journalId() + ", ");
    }

    /** The INTENT entry of one marker write, then (later) the entry that records the write and settles it. */
    void assertMarkerWriteAnnouncedThenSettled(Item item, String intentSummary, String wroteSummary) {
        JournalEntry intent = onlyEntry(item, JournalAction.INTENT, intentSummary);
        JournalEntry wrote = onlyEntry(item, JournalAction.WROTE, wroteSummary);
        assertThat(wrote.id()).as("announced before it was written").isGreaterThan(intent.id());
        assertThat(wrote.detail()).isEqualTo("settles intent " + intent.id());
    }

    JournalEntry onlyEntry(Item item, JournalAction action, String summary) {
        List<JournalEntry> found = journal.forLink(item.linkId()).stream()
                .filter(e -> e.action() == action && e.summary().equals(summary)).toList();
        assertThat(found).as("%s %s", action, summary).hasSize(1);
        return found.get(0);
    }

    @Test
    void aRefusedTicketIsParkedAsADeadLetterAndItsReplayRaisesItAfterTheFix() {
        CurrentMappings wrongTable = EscalationWorld.shippedWith(yaml -> yaml.replace(
                "servicenow: {table: sc_task, assignment-group: CAB}",
                "servicenow: {table: u_cab_queue, assignment-group: CAB}"));
        Item item = world.linkedItem("Load-test the pipeline at twice the peak", today.minusDays(1));

        ScanSummary refused = world.newScan(wrongTable, Clock.systemUTC()).scan();

        EscalationRecord parked = store.forItem(item.key()).stream().filter(r -> r.stepId().equals("cab")).findFirst()
                .orElseThrow();
        assertThat(refused.parked()).isGreaterThanOrEqualTo(1);
        assertThat(parked.state()).isEqualTo(EscalationState.PARKED);
        DeadLetter letter = deadLetters.list(0, 100).stream()
                .filter(d -> d.event().kind().equals(EscalationScan.DEAD_LETTER_KIND)
                        && d.event().entityId().equals(item.key())).findFirst().orElseThrow();
        assertThat(letter.error()).contains("u_cab_queue");
        assertThat(letter.errorKind()).as("replayable by kind with the sync's letters").isEqualTo("client_error");
        assertThat(SandboxPair.json(letter.event().payload()).path("recordId").asText())
                .isEqualTo(parked.id().toString());
        assertThat(journal.forLink(item.linkId())).anyMatch(e -> e.action() == JournalAction.ERROR
                && e.summary().startsWith("Parked production-fixes/cab of " + item.number()));
        assertThat(world.newScan(wrongTable, Clock.systemUTC()).scan().parked())
                .as("a parked step waits for its replay").isZero();

        // The fix: the running mappings (the shipped file) name sc_task. The replay runs the application's scan.
        AdminApi.post(port, "/api/admin/dead-letters/" + letter.id() + "/replay");
        world.drainAll();

        assertThat(world.serviceNowTickets(item, "production-fixes", "cab")).hasSize(1);
        assertThat(store.find(parked.id()).orElseThrow().state()).isEqualTo(EscalationState.RAISED);
    }

    @Test
    void withGroupingABoardGetsOneCycleTicketListingItsItemsKeptUpToDate() {
        CurrentMappings grouped = EscalationWorld.shippedWith(yaml -> yaml + """

                grouping:
                  cycle: 1 week
                  starts-on: monday
                  title: "Overdue retrospective actions for {{board}}, {{cycle}}"
                  text: |
                    {{item-count}} retrospective actions are overdue and waiting for {{board}}:
                    {{items}}
                """);
        Item first = world.linkedItem("Grouped: alert on gateway releases", today.minusDays(1));
        Item second = world.linkedItem("Grouped: canary for gateway errors", today.minusDays(1));
        EscalationScan scan = world.newScan(grouped, clock);

        scan.scan();

        String groupKey = "cab/" + today.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", today.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        String marker = EscalationMarkers.groupMarker(groupKey);
        List<Map<String, String>> cycle = systems.servicenow.records("sc_task").stream()
                .filter(t -> marker.equals(t.get("correlation_id"))).toList();
        assertThat(cycle).hasSize(1);
        assertThat(cycle.get(0).get("short_description"))
                .isEqualTo("Overdue retrospective actions for Change Advisory Board, " + groupKey.substring(4));
        assertThat(cycle.get(0).get("description")).contains(first.number()).contains(second.number());
        assertThat(world.serviceNowTickets(first, "production-fixes", "cab")).isEmpty();
        assertThat(store.forItem(first.key())).filteredOn(r -> r.stepId().equals("cab")).singleElement()
                .satisfies(r -> {
                    assertThat(r.groupKey()).isEqualTo(groupKey);
                    assertThat(r.ticketId()).isNull();
                    assertThat(r.kind()).isEqualTo("group");
                });
        assertThat(systems.task(first.sysId()).get("u_escalation")).isEqualTo("Change Advisory Board — cab");

        systems.patchTask(first.sysId(), "{\"state\":\"157\",\"close_code\":\"fix_applied\"}");
        world.settle();
        scan.scan();

        Map<String, String> rewritten = systems.servicenow.records("sc_task").stream()
                .filter(t -> marker.equals(t.get("correlation_id"))).findFirst().orElseThrow();
        assertThat(rewritten.get("description")).doesNotContain(first.number()).contains(second.number());
        assertThat(store.groupTicket(groupKey).orElseThrow().itemKeys()).doesNotContain(first.key())
                .contains(second.key());
        assertThat(systems.task(first.sysId()).get("u_escalation")).isEmpty();
    }

    @Test
    void hostileTitlesAreWrittenAsTextAndNeverReachAQuery() {
        String hostile = "Alert \"it\" ^NQactive=true^ORDERBYnumber OR project = ARB) AND labels = x";
        Item item = world.linkedItem(hostile, today.minusDays(1));
        systems.servicenow.requests().clear();
        systems.jira.requests().clear();

        world.newScan(clock).scan();

        assertThat(world.onlyServiceNowTicket(item, "production-fixes", "cab").get("short_description"))
                .isEqualTo("Overdue retrospective action " + item.number() + ": " + hostile);
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

    // ---- helpers ----

    /** Moves the scan clock to noon UTC of {@code day}. */
    void advanceTo(LocalDate day) {
        Instant target = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        if (target.isAfter(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), target));
        }
    }

    /** The shipped calendar, counted here by hand: weekends and the listed holidays are not business days. */
    static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25),
            LocalDate.of(2026, 12, 28), LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1));

    static boolean businessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !HOLIDAYS.contains(day);
    }

    static LocalDate businessDaysAfter(LocalDate from, int count) {
        LocalDate day = from;
        for (int n = 0; n < count; ) {
            day = day.plusDays(1);
            n += businessDay(day) ? 1 : 0;
        }
        return day;
    }

    static long businessDaysBetween(LocalDate after, LocalDate upTo) {
        long n = 0;
        for (LocalDate day = after.plusDays(1); !day.isAfter(upTo); day = day.plusDays(1)) {
            n += businessDay(day) ? 1 : 0;
        }
        return n;
    }

    String retrospective() {
        var problem = systems.serviceNowTasks.get("problem");
        return problem.number() + " " + systems.servicenow.record("problem", problem.sysId()).orElseThrow()
                .get("short_description");
    }

    String links(Item item) {
        return "ServiceNow " + item.number() + ": " + systems.servicenow.baseUrl()
                .resolve("/nav_to.do?uri=problem_task.do%3Fsys_id%3D" + item.sysId()) + "\nJira " + item.jiraKey()
                + ": " + systems.jira.baseUrl().resolve("/browse/" + item.jiraKey());
    }

    String newProblem(String title) {
        return SandboxPair.json(systems.servicenowCall("POST", "/api/now/table/problem",
                "{\"short_description\":" + SandboxPair.quote(title) + "}")).path("result").path("sys_id").asText();
    }

    EscalationRecord claimed(Item item, String step, String board) {
        return claimed(item, "production-fixes", step, board, "claimed before a crash", null);
    }
}
