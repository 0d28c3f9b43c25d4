package io.retrobridge.flow;

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
import io.retrobridge.sync.LinkStore;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the escalation scan together from the ports it needs: the policy (escalations.yaml), the planner and the
 * escalation and follow-up stores. Until all four are there, there is no scan (callers ask through an
 * ObjectProvider and say so), rather than a scan that half works.
 */
@Configuration
class EscalationScanConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EscalationScanConfiguration.class);

    @Bean
    EscalationScan escalationScan(CurrentMappings mappings, ObjectProvider<EscalationPolicySource> policies,
            ObjectProvider<EscalationPlans> planner, ObjectProvider<EscalationStore> store,
            ObjectProvider<FollowUpStore> followUps, ServiceNowClient servicenow, JiraClient jira, LinkStore links,
            CommentLinkStore comments, Journal journal, DeadLetterStore deadLetters,
            ServiceNowProperties serviceNowSettings, JiraProperties jiraSettings, Optional<Clock> clock) {
        List<String> missing = new ArrayList<>();
        EscalationPolicySource policy = present(policies, "escalation policy (EscalationPolicySource)", missing);
        EscalationPlans plans = present(planner, "escalation planner (EscalationPlans)", missing);
        EscalationStore escalations = present(store, "escalation store (EscalationStore)", missing);
        FollowUpStore facts = present(followUps, "follow-up store (FollowUpStore)", missing);
        if (!missing.isEmpty()) {
            log.warn("The escalation scan is not available: this build has no {}", String.join(", ", missing));
            return null;
        }
        return assemble(mappings, policy, plans, escalations, facts, servicenow, jira, links, comments, journal,
                deadLetters, serviceNowSettings.baseUrl(), jiraSettings.baseUrl(), clock.orElse(Clock.systemUTC()));
    }

    /** The scan over these systems and stores; tests build theirs here too, so they run what production runs. */
    static EscalationScan assemble(CurrentMappings mappings, EscalationPolicySource policies, EscalationPlans planner,
            EscalationStore store, FollowUpStore followUps, ServiceNowClient servicenow, JiraClient jira,
            LinkStore links, CommentLinkStore comments, Journal journal, DeadLetterStore deadLetters,
            URI serviceNowBase, URI jiraBase, Clock clock) {
        BoardQueues queues = new BoardQueues(servicenow, jira);
        return new EscalationScan(mappings, policies, planner, store, followUps,
                new EscalationItems(servicenow, jira, links, serviceNowBase, jiraBase), queues,
                new ItemWrites(servicenow, jira, queues, comments, clock), journal, deadLetters, clock);
    }

    private static <T> T present(ObjectProvider<T> provider, String what, List<String> missing) {
        T found = provider.getIfAvailable();
        if (found == null) {
            missing.add(what);
        }
        return found;
    }
}
