package io.retrobridge.escalation.scan;

import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.FollowUpStore;
import io.retrobridge.flow.writes.CreateSettleTimes;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.sync.BoardQueueGateway;
import io.retrobridge.sync.CommentLinkStore;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.LeaderTerm;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.SideGateway;
import io.retrobridge.sync.WriteIntents;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the escalation scan together: the policy in force (escalations.yaml), the planner, the stores and both systems,
 * reached through the same ports the sync writes through.
 */
@Configuration
public class EscalationScanConfiguration {

    @Bean
    EscalationScan escalationScan(CurrentMappings mappings, EscalationStore store, FollowUpStore followUps,
            List<SideGateway> sides, List<BoardQueueGateway> boardQueues, LinkStore links, CommentLinkStore comments,
            Journal journal, DeadLetterStore deadLetters, WriteIntents intents, CreateSettleTimes settleTimes,
            Optional<Clock> clock, ObjectProvider<LeaderTerm> leadership) {
        return assemble(mappings, store, followUps, sides, boardQueues, links, comments, journal, deadLetters, intents,
                settleTimes, leadership.getIfAvailable(() -> LeaderTerm.NOT_FENCED), clock.orElse(Clock.systemUTC()));
    }

    /** The scan over these systems and stores; tests build theirs here too, so they run what production runs. */
    public static EscalationScan assemble(CurrentMappings mappings, EscalationStore store, FollowUpStore followUps,
            List<SideGateway> sides, List<BoardQueueGateway> boardQueues, LinkStore links, CommentLinkStore comments,
            Journal journal, DeadLetterStore deadLetters, WriteIntents intents, CreateSettleTimes settleTimes,
            Clock clock) {
        return assemble(mappings, store, followUps, sides, boardQueues, links, comments, journal, deadLetters, intents,
                settleTimes, LeaderTerm.NOT_FENCED, clock);
    }

    /** The scan of an instance that may be one of several: its claims carry the term it leads under. */
    public static EscalationScan assemble(CurrentMappings mappings, EscalationStore store, FollowUpStore followUps,
            List<SideGateway> sides, List<BoardQueueGateway> boardQueues, LinkStore links, CommentLinkStore comments,
            Journal journal, DeadLetterStore deadLetters, WriteIntents intents, CreateSettleTimes settleTimes,
            LeaderTerm leadership, Clock clock) {
        BoardQueues queues = new BoardQueues(boardQueues);
        return new EscalationScan(mappings, store, followUps, new EscalationItems(sides, links), queues,
                new ItemWrites(sides, comments, clock), journal, deadLetters, intents, settleTimes, leadership, clock);
    }
}
