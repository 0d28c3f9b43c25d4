package io.retrobridge.retro;

import io.retrobridge.domain.ChangeStateMove;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.retro.Program;
import io.retrobridge.mapping.retro.ProgramThreshold;
import io.retrobridge.mapping.retro.RetrospectiveRecords;
import io.retrobridge.mapping.retro.RetrospectivesMapping;
import io.retrobridge.sync.ChangeRecordStore;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.EventHandler;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.RetrospectiveIssues;
import io.retrobridge.sync.RetrospectiveProblems;
import io.retrobridge.sync.RetrospectiveStore;
import io.retrobridge.sync.SideGateway;
import io.retrobridge.sync.SyncResult;
import io.retrobridge.sync.WriteIntent;
import io.retrobridge.sync.WriteIntent.Operation;
import io.retrobridge.sync.WriteIntents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Opens the retrospective a {@code retro:open} event names, once per trigger key: the retrospective record, a
 * ServiceNow record (by default a problem whose {@code rfc} is the release's change) that action items hang under, a
 * Jira issue whose description is the tier's template with its checklist and the release's timeline, and links both
 * ways (the issue's description links the ServiceNow record; a work note on that record names the issue). Each step is
 * recorded as soon as it is done, so a run that stops half way goes on from there, and every create is found by its
 * marker before it is made.
 */
@Component
public class RetrospectiveOpener implements EventHandler {

    /** The system retrospective triggers come from: RetroBridge itself. */
    public static final ExternalSystem SOURCE = ExternalSystem.valueOf("RETROBRIDGE");
    /** Where the mapping has no {@code retrospectives.yaml} (a trigger queued before it was removed). */
    static final RetrospectiveRecords DEFAULT_RECORDS = new RetrospectiveRecords("PAY", "Task", "retrospective",
            "problem", "rfc");
    /** A release without a change: its runs are those of its application and environment this long before. */
    static final Duration RELEASE_WINDOW = Duration.ofDays(1);

    private final RetrospectiveStore store;
    private final RetrospectiveIssues issues;
    private final RetrospectiveProblems problems;
    private final CurrentMappings mappings;
    private final ObjectProvider<DeploymentStore> deployments;
    private final ObjectProvider<ChangeRecordStore> changes;
    private final CreatedOnce once;
    private final Clock clock;

    @Autowired
    public RetrospectiveOpener(RetrospectiveStore store, RetrospectiveIssues issues, RetrospectiveProblems problems,
                               CurrentMappings mappings, ObjectProvider<DeploymentStore> deployments,
                               ObjectProvider<ChangeRecordStore> changes, WriteIntents intents, Journal journal,
                               List<SideGateway> sides, Optional<Clock> clock) {
        this(store, issues, problems, mappings, deployments, changes, intents, journal, sides.stream()
                .collect(Collectors.toMap(SideGateway::system, SideGateway::lookupSettleTime)),
                clock.orElse(Clock.systemUTC()));
    }

    /** @param settleTimes per system, how long after a create a look-up that misses it proves it did not land */
    RetrospectiveOpener(RetrospectiveStore store, RetrospectiveIssues issues, RetrospectiveProblems problems,
                        CurrentMappings mappings, ObjectProvider<DeploymentStore> deployments,
                        ObjectProvider<ChangeRecordStore> changes, WriteIntents intents, Journal journal,
                        Map<ExternalSystem, Duration> settleTimes, Clock clock) {
        this.store = store;
        this.issues = issues;
        this.problems = problems;
        this.mappings = mappings;
        this.deployments = deployments;
        this.changes = changes;
        this.clock = clock;
        this.once = new CreatedOnce(intents, journal, settleTimes, clock);
    }

    @Override
    public Set<HandledKind> takes() {
        return Set.of(HandledKind.named(TriggerJson.KIND).from(SOURCE));
    }

    /** Each step commits as soon as it is done: a record made remotely must stay recorded whatever comes after. */
    @Override
    public Recording recording() {
        return Recording.IN_ITS_OWN_TRANSACTIONS;
    }

    @Override
    public SyncResult handle(InboundEvent event) {
        RetrospectiveTrigger trigger = TriggerJson.read(event.payload());
        RetrospectiveRecords where = mappings.retrospectives().map(RetrospectivesMapping::records)
                .orElse(DEFAULT_RECORDS);
        String marker = RetrospectiveMarkers.of(trigger.key());
        ExternalRef subject = new ExternalRef(SOURCE, trigger.key());
        List<String> rules = List.of(trigger.ruleId());
        Retrospective retro = store.open(trigger, where.serviceNowTable(), clock.instant());
        List<String> done = new ArrayList<>();
        if (retro.serviceNowSysId() == null) {
            retro = openServiceNowRecord(retro, trigger, where, marker, subject, rules);
            done.add("ServiceNow " + retro.serviceNowNumber());
        }
        if (retro.jiraIssueId() == null) {
            retro = openJiraIssue(retro, trigger, where, marker, subject, rules);
            done.add("Jira " + retro.jiraKey());
        }
        if (retro.linkedAt() == null) {
            retro = link(retro, marker, subject, rules);
            done.add("linked both ways");
        }
        String records = "Jira " + retro.jiraKey() + ", ServiceNow " + retro.serviceNowNumber();
        if (done.isEmpty()) {
            return SyncResult.skipped("the retrospective of " + trigger.key() + " is open already (" + records + ")");
        }
        return SyncResult.applied("opened the retrospective of " + trigger.key() + ": " + String.join("; ", done)
                + (retro.rfcNote() == null ? "" : "; " + retro.rfcNote()));
    }

    private Retrospective openServiceNowRecord(Retrospective retro, RetrospectiveTrigger trigger,
                                               RetrospectiveRecords where, String marker, ExternalRef subject,
                                               List<String> rules) {
        String table = retro.serviceNowTable();
        Optional<String> change = Optional.ofNullable(trigger.changeNumber()).flatMap(problems::changeSysId);
        String rfcNote = change.isPresent() ? null : trigger.changeNumber() == null
                ? "the release names no ServiceNow change, so its " + where.serviceNowChangeField() + " is left empty"
                : "ServiceNow has no change_request numbered " + trigger.changeNumber() + ", so its "
                        + where.serviceNowChangeField() + " is left empty";
        RetrospectiveProblems.Problem problem = once.findOrCreate(ExternalSystem.SERVICENOW, marker, subject, rules,
                "the ServiceNow " + table + " of retrospective " + trigger.key(),
                () -> problems.findOurs(table, marker).or(() -> change.flatMap(sysId ->
                        problems.openFor(table, where.serviceNowChangeField(), sysId))),
                () -> problems.open(table, RetrospectiveTitle.of(trigger), serviceNowText(trigger, rfcNote),
                        where.serviceNowChangeField(), change.orElse(null), marker),
                RetrospectiveProblems.Problem::number);
        return store.recordServiceNow(retro.id(), problem.sysId(), problem.number(), change.orElse(null), rfcNote);
    }

    private Retrospective openJiraIssue(Retrospective retro, RetrospectiveTrigger trigger, RetrospectiveRecords where,
                                        String marker, ExternalRef subject, List<String> rules) {
        String description = RetrospectiveDescription.render(trigger,
                new RetrospectiveDescription.ServiceNowRecord(retro.serviceNowNumber(),
                        problems.browseUrl(retro.serviceNowTable(), retro.serviceNowSysId()), retro.rfcNote()),
                deploymentsOf(trigger), stateMovesOf(trigger)).toString();
        List<String> labels = List.copyOf(new LinkedHashSet<>(List.of(where.jiraLabel(), marker)));
        RetrospectiveIssues.Issue issue = once.findOrCreate(ExternalSystem.JIRA, marker, subject, rules,
                "the Jira issue of retrospective " + trigger.key(),
                () -> issues.findOurs(where.jiraProject(), marker),
                () -> issues.open(where.jiraProject(), where.jiraIssueType(), RetrospectiveTitle.of(trigger), labels,
                        description),
                RetrospectiveIssues.Issue::key);
        return store.recordJira(retro.id(), issue.id(), issue.key());
    }

    /** The ServiceNow record names the Jira issue in a work note; one only, however often this runs. */
    private Retrospective link(Retrospective retro, String marker, ExternalRef subject, List<String> rules) {
        String url = issues.browseUrl(retro.jiraKey());
        List<WriteIntent> announced = once.announce(Operation.COMMENT, ExternalSystem.SERVICENOW,
                retro.serviceNowSysId(), marker, subject, rules, "about to note Jira issue " + retro.jiraKey()
                        + " on ServiceNow " + retro.serviceNowNumber());
        boolean noted = problems.noteJiraIssue(retro.serviceNowTable(), retro.serviceNowSysId(),
                "Retrospective held in Jira " + retro.jiraKey() + ": " + url, url);
        once.settle(announced, subject, noted ? JournalAction.WROTE : JournalAction.SKIPPED, noted
                ? "noted Jira issue " + retro.jiraKey() + " on ServiceNow " + retro.serviceNowNumber()
                : "ServiceNow " + retro.serviceNowNumber() + " names Jira issue " + retro.jiraKey() + " already", rules);
        return store.recordLinked(retro.id(), clock.instant());
    }

    private static String serviceNowText(RetrospectiveTrigger trigger, String rfcNote) {
        StringBuilder text = new StringBuilder("Opened by RetroBridge: ").append(trigger.reason())
                .append(" (rule ").append(trigger.ruleId()).append(", tier ").append(trigger.tier()).append(").\n")
                .append("Due ").append(trigger.due()).append(".\n");
        if (!trigger.mandatorySections().isEmpty()) {
            text.append("Mandatory sections: ").append(sections(trigger.mandatorySections())).append(".\n");
        }
        if (!trigger.optionalSections().isEmpty()) {
            text.append("Optional sections: ").append(sections(trigger.optionalSections())).append(".\n");
        }
        if (rfcNote != null) {
            text.append("It points at no change: ").append(rfcNote).append(".\n");
        }
        return text.append("Raise each action item as a problem task under this record.").toString();
    }

    private static String sections(List<String> ids) {
        return ids.stream().map(RetrospectiveTitle::section).collect(Collectors.joining(", "));
    }

    /** The runs of the release's change(s), else of its application and environment just before the trigger. */
    private List<Deployment> deploymentsOf(RetrospectiveTrigger trigger) {
        DeploymentStore store = deployments.getIfAvailable();
        if (store == null) {
            return List.of();
        }
        if (trigger.programLevel()) {
            return programRuns(store, trigger);
        }
        Set<String> numbers = changeNumbersOf(trigger);
        if (!numbers.isEmpty()) {
            return numbers.stream().flatMap(number -> store.forChange(number).stream()).distinct().toList();
        }
        if (trigger.application() == null || trigger.environment() == null) {
            return List.of();
        }
        Instant to = trigger.triggeredAt().plusSeconds(1);
        return store.between(trigger.application(), trigger.environment(), to.minus(RELEASE_WINDOW), to);
    }

    /**
     * The runs of each release a program-level trigger covers: a release with a change by its change, one without by
     * its application, environment and version, within the program's window before the trigger (the releases all
     * failed in it) and the day before that.
     */
    private List<Deployment> programRuns(DeploymentStore store, RetrospectiveTrigger trigger) {
        Period window = mappings.retrospectives().map(mapping -> mapping.programs().get(trigger.program()))
                .flatMap(Program::threshold).map(ProgramThreshold::within).orElse(Period.ZERO);
        Instant to = trigger.triggeredAt().plusSeconds(1);
        Instant from = to.atZone(ZoneOffset.UTC).minus(window).toInstant().minus(RELEASE_WINDOW);
        Set<Deployment> runs = new LinkedHashSet<>();
        for (String release : trigger.releases()) {
            String[] parts = release.split(":", 4);
            if (parts[0].equals("change") && parts.length == 2) {
                runs.addAll(store.forChange(parts[1]));
            } else if (parts[0].equals("release") && parts.length == 4) {
                store.between(parts[1], parts[2], from, to).stream()
                        .filter(run -> run.version().equals(parts[3])).forEach(runs::add);
            }
        }
        return List.copyOf(runs);
    }

    private List<ChangeStateMove> stateMovesOf(RetrospectiveTrigger trigger) {
        ChangeRecordStore store = changes.getIfAvailable();
        if (store == null) {
            return List.of();
        }
        return changeNumbersOf(trigger).stream().flatMap(number -> store.stateMoves(number).stream()).toList();
    }

    /** The trigger's change, or the changes of the releases a program-level trigger covers. */
    private static Set<String> changeNumbersOf(RetrospectiveTrigger trigger) {
        Set<String> numbers = new LinkedHashSet<>();
        if (trigger.changeNumber() != null) {
            numbers.add(trigger.changeNumber());
        }
        trigger.releases().stream().filter(release -> release.startsWith("change:"))
                .map(release -> release.substring("change:".length())).forEach(numbers::add);
        return numbers;
    }
}
