package io.retrobridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.sync.LeaderTerm;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The default, one instance: nothing is elected or fenced, no route gets a leadership policy, and nothing of the
 * cluster is wired (the same context as the other tests of the test profile).
 */
@SpringBootTest
@ActiveProfiles("test")
class ClusterModeNoneTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CamelContext camel;

    @Autowired
    LeaderTerm leaderTerm;

    @Autowired
    HealthContributorRegistry health;

    @Test
    void nothingIsElectedFencedOrPolicedByDefault() {
        assertThat(leaderTerm).isSameAs(LeaderTerm.NOT_FENCED);
        assertThat(context.getBeansOfType(JdbcLeaderElection.class)).isEmpty();
        assertThat(context.getBeansOfType(LeaderOnlyRoutes.class)).isEmpty();
        assertThat(context.getBeansOfType(SingletonRunBrackets.class)).isEmpty();
        for (String routeId : new String[] {"jira-poll", "retention-purge", "escalation-scan"}) {
            assertThat(camel.getRoute(routeId).getRoutePolicyList()).as(routeId)
                    .noneMatch(policy -> policy.getClass().getName().startsWith("io.retrobridge.cluster"));
        }
        assertThat(health.getContributor("cluster")).isNull();
        // Spring Integration is on the classpath for the jdbc election only: none of its messaging beans.
        assertThat(context.containsBean("errorChannel")).isFalse();
        assertThat(context.containsBean("taskScheduler")).isFalse();
    }
}
