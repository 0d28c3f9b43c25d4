package io.retrobridge.flow;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.escalation.EscalationMarkers;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationState;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.FollowUpStore;
import io.retrobridge.escalation.scan.EscalationScan;
import io.retrobridge.escalation.scan.EscalationScanConfiguration;
import io.retrobridge.flow.EscalationWorld.Item;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.flow.writes.CreateSettleTimes;
import io.retrobridge.jira.JiraClient;
import io.retrobridge.jira.JiraPoller;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.servicenow.ServiceNowClient;
import io.retrobridge.servicenow.ServiceNowPoller;
import io.retrobridge.sync.BoardQueueGateway;
import io.retrobridge.sync.CommentLinkStore;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.LeaderTerm;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.SideGateway;
import io.retrobridge.sync.WriteIntents;
import io.retrobridge.testsupport.MutableClock;
import io.retrobridge.testsupport.SandboxPair;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What the escalation tests set up on the running application, so each of them reads as its scenario: the
 * {@link EscalationWorld} over the application's own stores, clients and gateways and the test's simulators, a scan
 * clock the test moves, scans put together as production does under a leadership term, and the steps a scan that
 * stopped left claimed. A test extends it with the simulators its application talks to.
 */
abstract class EscalationSetup {

    final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    /** The scans' "now"; the simulators and the sync run on real time. */
    final MutableClock clock = new MutableClock(Instant.now());
    @Autowired
    EscalationStore store;
    EscalationWorld world;

    private final SandboxPair simulators;

    EscalationSetup(SandboxPair simulators) {
        this.simulators = simulators;
    }

    @BeforeEach
    void world(ApplicationContext application) {
        world = new EscalationWorld(simulators, application.getBean(CurrentMappings.class), store,
                application.getBean(FollowUpStore.class), application.getBean(ServiceNowClient.class),
                application.getBean(JiraClient.class), application.getBean(LinkStore.class),
                application.getBean(CommentLinkStore.class), application.getBean(Journal.class),
                application.getBean(DeadLetterStore.class), application.getBean(InboxWorker.class),
                application.getBean(JiraPoller.class), application.getBean(ServiceNowPoller.class),
                application.getBean(WriteIntents.class), application.getBean(CreateSettleTimes.class),
                all(application, SideGateway.class), all(application, BoardQueueGateway.class));
    }

    /** Every bean of {@code type}, in the order an injected list has them. */
    private static <T> List<T> all(ApplicationContext application, Class<T> type) {
        return application.getBeanProvider(type).orderedStream().toList();
    }

    /** The scan of an instance under {@code term} over {@code steps}, as the application assembles it. */
    EscalationScan scan(EscalationStore steps, LeaderTerm term) {
        return EscalationScanConfiguration.assemble(world.mappings, steps, world.followUps, world.sides,
                world.boardQueues, world.links, world.comments, world.journal, world.deadLetters, world.intents,
                world.settleTimes, term, clock);
    }

    /**
     * A step of {@code item} on {@code ladder} that a scan claimed now and then stopped (crashed, was killed)
     * before recording it: a reminder when {@code board} is null, else a ServiceNow ticket to that board.
     *
     * @param term the leadership term it was claimed under; null with one instance
     */
    EscalationRecord claimed(Item item, String ladder, String step, String board, String note, Long term) {
        return new EscalationRecord(UUID.randomUUID(), item.key(), ladder, step, board,
                board == null ? "remind" : "ticket", board == null ? null : ExternalSystem.SERVICENOW, null, null, null,
                EscalationMarkers.ticketMarker(item.key(), ladder, step), EscalationState.CLAIMED, 1, clock.instant(),
                null, null, note, term);
    }
}
