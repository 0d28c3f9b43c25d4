package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.sandbox.FaultPlan;
import io.retrobridge.sandbox.SandboxResponse;
import io.retrobridge.testsupport.FaultReport;
import io.retrobridge.testsupport.Bursts;
import io.retrobridge.testsupport.SandboxPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulators themselves in trouble while many items are carried over: ServiceNow answering 503 in bursts,
 * Jira and ServiceNow rate limiting in bursts (with and without Retry-After). Bursts are shorter than the retry
 * budget of one call and rarer than what opens the circuit breaker, as a struggling but working system would
 * be: every item must arrive once, every edit once, nothing parked.
 */
class FaultBurstsTest extends FaultSuiteSupport {

    static final int ITEMS = 6;

    private static final FaultPlan.Fault UNAVAILABLE = new FaultPlan.Respond(SandboxResponse.json(503,
            Map.of("error", Map.of("message", "Service Unavailable", "detail", "The instance is busy"))));

    @Test
    void serviceNow503BurstsAcrossManyCreatesAndEditsAreRiddenOut() {
        long parkedBefore = deadLetters.count();
        Bursts bursts = Bursts.of(2, 7, Bursts.sentAs(SandboxPair.SYNC_USER, SandboxPair.SYNC_PASSWORD));
        systems.servicenow.faults().next(Integer.MAX_VALUE, bursts, UNAVAILABLE);
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= ITEMS; i++) {
            keys.add(systems.createJiraItem("Add a health probe to gateway node " + i));
        }
        Writes created = settle();
        for (int i = 1; i <= ITEMS; i++) {
            systems.editJira(keys.get(i - 1), "{\"summary\":\"Add a health probe to gateway node " + i + ", every 10 s\"}");
        }
        Writes edited = settle();
        systems.servicenow.faults().clear();

        long duplicates = Math.max(0, created.servicenow() - ITEMS) + Math.max(0, edited.servicenow() - ITEMS);
        long lost = 0;
        for (int i = 1; i <= ITEMS; i++) {
            String title = "Add a health probe to gateway node " + i + ", every 10 s";
            duplicates += duplicatesOf(title);
            lost += lostOf(title);
        }
        List<DeadLetter> parked = parkedSince(parkedBefore);
        FaultReport.line("servicenow-503-bursts-x" + ITEMS + "-items", bursts.hits(), ITEMS - lost / 2,
                parked.size(), duplicates, lost);
        assertThat(bursts.hits()).as("503 answers").isGreaterThanOrEqualTo(2L * ITEMS);
        assertThat(parked).as("parked events").isEmpty();
        assertThat(created.servicenow()).as("ServiceNow creates").isEqualTo(ITEMS);
        assertThat(edited.servicenow()).as("ServiceNow edits").isEqualTo(ITEMS);
        assertNothingDuplicatedOrLost(duplicates, lost);
    }

    @Test
    void rateLimitBurstsOnBothSidesAcrossManyItemsAreWaitedOut() {
        long parkedBefore = deadLetters.count();
        // Jira: 429 without Retry-After (its burst limiter), two in every six calls; the rate-limit floor applies.
        Bursts jiraBursts = Bursts.of(2, 6, Bursts.sentAs(SandboxPair.SYNC_EMAIL, SandboxPair.SYNC_TOKEN));
        systems.jira.faults().next(Integer.MAX_VALUE, jiraBursts,
                new FaultPlan.Respond(systems.jira.faults().tooManyRequests(null, "jira-burst-based")));
        // ServiceNow: 429 with Retry-After: 1 on one call in fifteen (each costs a real second).
        Bursts servicenowBursts = Bursts.of(1, 15, Bursts.sentAs(SandboxPair.SYNC_USER, SandboxPair.SYNC_PASSWORD));
        systems.servicenow.faults().next(Integer.MAX_VALUE, servicenowBursts,
                new FaultPlan.Respond(systems.servicenow.faults().tooManyRequests(1, null)));
        List<String> sysIds = new ArrayList<>();
        for (int i = 1; i <= ITEMS; i++) {
            sysIds.add(systems.createTask("Page the gateway owner on error budget burn " + i));
        }
        Writes created = settle();
        for (int i = 1; i <= ITEMS; i++) {
            systems.patchTask(sysIds.get(i - 1), "{\"short_description\":\"Page the gateway owner on fast error budget burn "
                    + i + "\"}");
        }
        Writes edited = settle();
        systems.jira.faults().clear();
        systems.servicenow.faults().clear();

        long duplicates = Math.max(0, created.jira() - ITEMS) + Math.max(0, edited.jira() - ITEMS);
        long lost = 0;
        for (int i = 1; i <= ITEMS; i++) {
            String title = "Page the gateway owner on fast error budget burn " + i;
            duplicates += duplicatesOf(title);
            lost += lostOf(title);
        }
        List<DeadLetter> parked = parkedSince(parkedBefore);
        FaultReport.line("jira-and-servicenow-429-bursts-x" + ITEMS + "-items",
                jiraBursts.hits() + servicenowBursts.hits(), ITEMS - lost / 2, parked.size(), duplicates, lost);
        assertThat(jiraBursts.hits()).as("Jira 429 answers").isGreaterThanOrEqualTo(ITEMS);
        assertThat(servicenowBursts.hits()).as("ServiceNow 429 answers").isPositive();
        assertThat(parked).as("parked events").isEmpty();
        assertThat(created.jira()).as("Jira creates").isEqualTo(ITEMS);
        assertThat(edited.jira()).as("Jira edits").isEqualTo(ITEMS);
        assertNothingDuplicatedOrLost(duplicates, lost);
    }
}
