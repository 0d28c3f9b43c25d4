package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.UnreadableLinks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the recheck of unreadable linked records relies on from any {@link UnreadableLinks}. */
abstract class UnreadableLinksContract extends StoreContractSupport {

    private static final String PAY = "Jira project PAY";
    private static final Instant LONG_AGO = START.minus(Duration.ofDays(7));

    private UnreadableLinks waiting() {
        return port(UnreadableLinks.class);
    }

    @Test
    void rememberedRecordsAreDueOldestFirstAndEachGetsItsTurn() {
        waiting().remember(task("b2"), "ServiceNow table problem_task", START.plusSeconds(60));
        waiting().remember(jira("10001"), PAY, START);
        waiting().remember(jira("10002"), PAY, START.plusSeconds(120));

        assertThat(waiting().due(2, START.plusSeconds(300), LONG_AGO)).containsExactly(jira("10001"), task("b2"));
        assertThat(waiting().due(2, START.plusSeconds(600), LONG_AGO)).containsExactly(jira("10002"), jira("10001"));
    }

    @Test
    void aRecordRememberedTwiceStaysOneRowWithItsFirstSighting() throws InterruptedException {
        List<Outcome<Object>> outcomes = raceOn(8, () -> {
            waiting().remember(jira("10001"), PAY, START);
            return null;
        });
        waiting().remember(jira("10001"), PAY, START.plusSeconds(60));
        waiting().remember(jira("10002"), PAY, START.plusSeconds(30));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(waiting().due(10, START.plusSeconds(90), LONG_AGO)).containsExactly(jira("10001"), jira("10002"));
    }

    @Test
    void onlyOneOfSeveralInstancesForgettingARecordFindsItWaiting() throws InterruptedException {
        waiting().remember(jira("10001"), PAY, START);

        List<Outcome<Boolean>> outcomes = raceOn(8, () -> waiting().forget(jira("10001")));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(outcomes).filteredOn(Outcome::value).hasSize(1);
        assertThat(waiting().due(10, START, LONG_AGO)).isEmpty();
    }

    @Test
    void recordsFirstSeenBeforeTheCutoffAreGivenUp() {
        waiting().remember(jira("10001"), PAY, START);
        waiting().remember(new ExternalRef(ExternalSystem.SERVICENOW, "10001"), "ServiceNow table problem_task",
                START.plus(Duration.ofDays(1)));

        Instant now = START.plus(Duration.ofDays(7)).plusSeconds(1);
        assertThat(waiting().due(10, now, now.minus(Duration.ofDays(7))))
                .containsExactly(new ExternalRef(ExternalSystem.SERVICENOW, "10001"));
        assertThat(waiting().forget(jira("10001"))).as("given up on").isFalse();
    }

    private static ExternalRef jira(String id) {
        return new ExternalRef(ExternalSystem.JIRA, id);
    }

    private static ExternalRef task(String sysId) {
        return new ExternalRef(ExternalSystem.SERVICENOW, sysId);
    }
}
