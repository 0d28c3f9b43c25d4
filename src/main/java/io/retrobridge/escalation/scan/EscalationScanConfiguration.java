package io.retrobridge.escalation.scan;

import io.retrobridge.flow.writes.CreateSettleTimes;

import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.FollowUpStore;
import io.retrobridge.jira.JiraClient;
import io.retrobridge.jira.JiraProperties;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.servicenow.ServiceNowClient;
import io.retrobridge.servicenow.ServiceNowProperties;
import io.retrobridge.sync.CommentLinkStore;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.WriteIntents;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.transport.UrlUserInfo;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the escalation scan together: the policy in force (escalations.yaml), the planner, the stores and both systems. */
@Configuration
public class EscalationScanConfiguration {

    @Bean
    EscalationScan escalationScan(CurrentMappings mappings, EscalationStore store, FollowUpStore followUps,
            ServiceNowClient servicenow, JiraClient jira, LinkStore links, CommentLinkStore comments, Journal journal,
            DeadLetterStore deadLetters, WriteIntents intents, CreateSettleTimes settleTimes,
            ServiceNowProperties serviceNowSettings, JiraProperties jiraSettings, Optional<Clock> clock) {
        return assemble(mappings, store, followUps, servicenow, jira, links, comments, journal, deadLetters, intents,
                // Item links go into ticket texts: never with the user info a base URL may carry.
                settleTimes, UrlUserInfo.without(serviceNowSettings.baseUrl()), UrlUserInfo.without(jiraSettings.baseUrl()),
                clock.orElse(Clock.systemUTC()));
    }

    /** The scan over these systems and stores; tests build theirs here too, so they run what production runs. */
    public static EscalationScan assemble(CurrentMappings mappings, EscalationStore store, FollowUpStore followUps,
            ServiceNowClient servicenow, JiraClient jira, LinkStore links, CommentLinkStore comments, Journal journal,
            DeadLetterStore deadLetters, WriteIntents intents, CreateSettleTimes settleTimes, URI serviceNowBase,
            URI jiraBase, Clock clock) {
        BoardQueues queues = new BoardQueues(servicenow, jira);
        return new EscalationScan(mappings, store, followUps,
                new EscalationItems(servicenow, jira, links, serviceNowBase, jiraBase), queues,
                new ItemWrites(servicenow, jira, queues, comments, clock), journal, deadLetters, intents, settleTimes,
                clock);
    }
}
