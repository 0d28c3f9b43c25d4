package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.escalation.EscalationMarkers;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.FollowUpStore;
import io.retrobridge.escalation.scan.EscalationScan;
import io.retrobridge.escalation.scan.EscalationScanConfiguration;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.flow.writes.CreateSettleTimes;
import io.retrobridge.jira.JiraClient;
import io.retrobridge.jira.JiraPoller;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.MappingLoader;
import io.retrobridge.mapping.TextFormatConverters;
import io.retrobridge.servicenow.ServiceNowClient;
import io.retrobridge.servicenow.ServiceNowPoller;
import io.retrobridge.sync.BoardQueueGateway;
import io.retrobridge.sync.CommentLinkStore;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.SideGateway;
import io.retrobridge.sync.WriteIntent.Operation;
import io.retrobridge.sync.WriteIntent;
import io.retrobridge.sync.WriteIntents;
import io.retrobridge.testsupport.SandboxPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The world of the escalation tests: both simulators, the application's own stores and clients, and what a person
 * does to an action item. Scans are put together exactly as production does ({@link EscalationScanConfiguration}),
 * over the shipped mappings folder unless a test edits a copy of it.
 */
final class EscalationWorld {

    static final Path SHIPPED = Path.of("mappings");

    final SandboxPair systems;
    final CurrentMappings mappings;
    final EscalationStore store;
    final FollowUpStore followUps;
    final ServiceNowClient servicenow;
    final JiraClient jira;
    final LinkStore links;
    final CommentLinkStore comments;
    final Journal journal;
    final DeadLetterStore deadLetters;
    final InboxWorker worker;
    final JiraPoller jiraPoller;
    final ServiceNowPoller serviceNowPoller;
    final WriteIntents intents;
    final CreateSettleTimes settleTimes;
    final List<SideGateway> sides;
    final List<BoardQueueGateway> boardQueues;

    EscalationWorld(SandboxPair systems, CurrentMappings mappings, EscalationStore store, FollowUpStore followUps,
            ServiceNowClient servicenow, JiraClient jira, LinkStore links, CommentLinkStore comments, Journal journal,
            DeadLetterStore deadLetters, InboxWorker worker, JiraPoller jiraPoller, ServiceNowPoller serviceNowPoller,
            WriteIntents intents, CreateSettleTimes settleTimes, List<SideGateway> sides,
            List<BoardQueueGateway> boardQueues) {
        this.sides = sides;
        this.boardQueues = boardQueues;
        this.intents = intents;
        this.settleTimes = settleTimes;
        this.systems = systems;
        this.mappings = mappings;
        this.store = store;
        this.followUps = followUps;
        this.servicenow = servicenow;
        this.jira = jira;
        this.links = links;
        this.comments = comments;
        this.journal = journal;
        this.deadLetters = deadLetters;
        this.worker = worker;
        this.jiraPoller = jiraPoller;
        this.serviceNowPoller = serviceNowPoller;
    }

    /** A new scan over the running mappings, the same DB and simulators: what a restarted instance runs. */
    EscalationScan newScan(Clock clock) {
        return newScan(mappings, clock);
    }

    EscalationScan newScan(CurrentMappings over, Clock clock) {
        return newScan(over, intents, clock);
    }

    /** A scan whose announcements go to {@code over}, e.g. one that stops between a write and its record. */
    EscalationScan newScan(WriteIntents over, Clock clock) {
        return newScan(mappings, over, clock);
    }

    private EscalationScan newScan(CurrentMappings over, WriteIntents announcements, Clock clock) {
        return EscalationScanConfiguration.assemble(over, store, followUps, sides, boardQueues, links, comments, journal,
                deadLetters, announcements, settleTimes, clock);
    }

    /**
     * The intents store of a process that stops after sending a write announced under {@code marker} and before
     * recording it: settling that write fails, everything else works.
     */
    WriteIntents stoppingBeforeRecording(String marker) {
        return stopping(marker, false);
    }

    /** The intents store of a process that stops right after announcing a write under {@code marker}, unsent. */
    WriteIntents stoppingBeforeSending(String marker) {
        return stopping(marker, true);
    }

    private WriteIntents stopping(String marker, boolean beforeSending) {
        return new WriteIntents() {
            @Override
            public WriteIntent announce(JournalEntry entry, Operation operation, ExternalSystem target,
                    String targetId, String written) {
                WriteIntent announced = intents.announce(entry, operation, target, targetId, written);
                if (beforeSending && marker.equals(written)) {
                    throw new IllegalStateException("stopped before sending the write announced under " + marker);
                }
                return announced;
            }

            @Override
            public List<WriteIntent> openFor(String written) {
                return intents.openFor(written);
            }

            @Override
            public List<WriteIntent> open(int limit) {
                return intents.open(limit);
            }

            @Override
            public Optional<JournalEntry> settle(List<WriteIntent> settled, Instant at, JournalEntry outcome) {
                if (!beforeSending && settled.stream().anyMatch(i -> marker.equals(i.marker()))) {
                    throw new IllegalStateException("stopped before recording the write announced under " + marker);
                }
                return intents.settle(settled, at, outcome);
            }
        };
    }

    /** The shipped mappings folder copied, escalations.yaml edited as an admin would, and loaded. */
    static CurrentMappings shippedWith(UnaryOperator<String> editEscalations) {
        try {
            Path dir = Files.createTempDirectory("escalation-mappings");
            for (String file : List.of("action-items.yaml", "escalations.yaml")) {
                Files.copy(SHIPPED.resolve(file), dir.resolve(file));
            }
            Path escalations = dir.resolve("escalations.yaml");
            String edited = editEscalations.apply(Files.readString(escalations));
            Files.writeString(escalations, edited);
            return new CurrentMappings(new MappingLoader(TextFormatConverters.standard()).load(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (io.retrobridge.mapping.MappingValidationException e) {
            throw new AssertionError("the edited escalations.yaml was refused: " + e.getMessage(), e);
        }
    }

    /** An action item made in ServiceNow by a person, due on {@code due}, owned by David Loo, synced to Jira. */
    record Item(String key, UUID linkId, String sysId, String number, String jiraKey, String title) {
    }

    Item linkedItem(String title, LocalDate due) {
        return linkedItem(title, due, "");
    }

    /** {@code extraFields}: more JSON fields for the ServiceNow record, e.g. {@code ,"cause_code":"x"}. */
    Item linkedItem(String title, LocalDate due, String extraFields) {
        String sysId = systems.createTask(title);
        systems.patchTask(sysId, "{\"due_date\":\"" + due + " 23:59:59\",\"assigned_to\":\"" + sysUserId("david.loo")
                + "\",\"problem\":\"" + systems.serviceNowTasks.get("problem").sysId()
                + "\",\"impact\":\"2\",\"urgency\":\"1\"" + extraFields + "}");
        settle();
        var link = links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, sysId)).orElseThrow();
        String issueId = link.idOn(ExternalSystem.JIRA).orElseThrow();
        String jiraKey = systems.jiraIssue(issueId).path("key").asText();
        return new Item(link.correlationId(), link.id(), sysId, systems.task(sysId).get("number"), jiraKey, title);
    }

    List<String> stepsOf(Item item) {
        return store.forItem(item.key()).stream().map(r -> r.stepId() + " " + r.state()).toList();
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
        return writesTo(item, this::settle);
    }

    /** The writes to this item's two records while {@code action} runs. */
    Writes writesTo(Item item, Runnable action) {
        int jiraFrom = systems.jira.requests().all().size();
        int serviceNowFrom = systems.servicenow.requests().all().size();
        action.run();
        String issueId = links.findById(item.linkId()).orElseThrow().idOn(ExternalSystem.JIRA).orElseThrow();
        long jiraWrites = systems.jira.requests().all().stream().skip(jiraFrom)
                .filter(e -> e.isWrite() && e.status() < 300)
                .filter(e -> e.path().contains("/" + item.jiraKey()) || e.path().contains("/" + issueId)).count();
        long serviceNowWrites = systems.servicenow.requests().all().stream().skip(serviceNowFrom)
                .filter(e -> e.isWrite() && e.status() < 300 && e.path().contains(item.sysId())).count();
        return new Writes(jiraWrites, serviceNowWrites);
    }

    void drainAll() {
        while (worker.drain() > 0) {
            // until the inbox is dry
        }
    }

    /** The ServiceNow board tickets (sc_task) an item's step created, found by the step's marker. */
    List<Map<String, String>> serviceNowTickets(Item item, String ladder, String step) {
        String marker = EscalationMarkers.ticketMarker(item.key(), ladder, step);
        return systems.servicenow.records("sc_task").stream().filter(t -> marker.equals(t.get("correlation_id"))).toList();
    }

    Map<String, String> onlyServiceNowTicket(Item item, String ladder, String step) {
        List<Map<String, String>> tickets = serviceNowTickets(item, ladder, step);
        assertThat(tickets).as("sc_task tickets of %s for %s/%s", item.number(), ladder, step).hasSize(1);
        return tickets.get(0);
    }

    /** The Jira issues in project ARB carrying the marker of this item's step. */
    List<JsonNode> arbTickets(Item item, String ladder, String step) {
        String marker = EscalationMarkers.ticketMarker(item.key(), ladder, step);
        JsonNode found = SandboxPair.json(systems.jiraCall("POST", "/rest/api/3/search/jql", "{\"jql\":\"project = ARB"
                + " AND labels = " + marker + "\",\"fields\":[\"summary\",\"labels\",\"issuetype\",\"description\","
                + "\"status\"],\"maxResults\":100}"));
        List<JsonNode> issues = new ArrayList<>();
        found.path("issues").forEach(issues::add);
        return issues;
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

    /** The plain text of an ADF document: its text nodes, paragraphs joined by new lines, mentions as their text. */
    static String adfText(JsonNode doc) {
        StringBuilder text = new StringBuilder();
        List<String> paragraphs = new ArrayList<>();
        for (JsonNode block : doc.path("content")) {
            text.setLength(0);
            for (JsonNode inline : block.path("content")) {
                if (inline.path("type").asText().equals("hardBreak")) {
                    text.append('\n');
                } else if (inline.path("type").asText().equals("mention")) {
                    text.append(inline.path("attrs").path("text").asText());
                } else {
                    text.append(inline.path("text").asText());
                }
            }
            paragraphs.add(text.toString());
        }
        return String.join("\n", paragraphs);
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
