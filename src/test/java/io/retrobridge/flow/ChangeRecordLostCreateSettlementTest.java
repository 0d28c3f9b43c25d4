package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.flow.changes.ChangeIntentSweep;
import io.retrobridge.flow.changes.ChangeMarkers;
import io.retrobridge.servicenow.ChangeRequestPoller;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.WriteIntents;
import io.retrobridge.testsupport.FaultyProxy;
import io.retrobridge.testsupport.SandboxPair;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A change's mirror create whose answer is lost while Jira's search lags: the issue exists but a search by its
 * marker does not show it yet. The mirror waits instead of creating again, and the intent sweep brings it back once
 * a look-up can be believed, which then links the one issue.
 */
@TestPropertySource(properties = "retrobridge.jira.search-settle-time=" + LostCreateSettlementTest.SETTLE_SECONDS + "s")
class ChangeRecordLostCreateSettlementTest extends FaultSuiteSupport {

    @Autowired
    ChangeRequestPoller changePoller;
    @Autowired
    ChangeIntentSweep changeSweep;
    @Autowired
    WriteIntents intents;
    @Autowired
    Journal journal;

    @AfterEach
    void searchConsistentAgain() {
        systems.jira.searchIndexLag(Duration.ZERO).catchUpSearchIndex();
    }

    @Test
    void aLostMirrorCreateWhileSearchLagsMakesExactlyOneIssue() {
        changePoller.poll();
        drainAll();
        long parkedBefore = deadLetters.count();
        systems.jira.searchIndexLag(LostCreateSettlementTest.SEARCH_LAG);
        jiraProxy.failNext(1, "POST", "/rest/api/3/issue", FaultyProxy.slow(READ_TIMEOUT.plusMillis(700)));
        JsonNode created = SandboxPair.json(systems.servicenowCall("POST", "/api/now/table/change_request",
                "{\"short_description\":\"Lost mirror create while the index lags\",\"type\":\"emergency\"}"));
        String sysId = created.path("result").get("sys_id").asText();
        ExternalRef change = new ExternalRef(ExternalSystem.SERVICENOW, sysId);
        String marker = ChangeMarkers.of(sysId);

        systems.awaitWebhooks();
        changePoller.poll();
        drainAll();

        assertThat(systems.jira.issueKeysLabelled(marker)).as("the create landed although its answer was lost")
                .hasSize(1);
        assertThat(links.findByExternal(change)).as("not linked yet: the search cannot show it").isEmpty();
        assertThat(journal.forSubject(change, 50)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(JournalAction.SKIPPED);
            assertThat(entry.summary()).startsWith("waiting, not creating again");
        });

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            changeSweep.sweep();
            drainAll();
            return links.findByExternal(change).isPresent();
        });

        assertThat(systems.jira.issueKeysLabelled(marker)).hasSize(1);
        assertThat(links.findByExternal(change).orElseThrow().idOn(ExternalSystem.JIRA))
                .contains(systems.jiraIssue(systems.jira.issueKeysLabelled(marker).get(0)).get("id").asText());
        assertThat(intents.openFor(marker)).as("the intent is settled").isEmpty();
        assertThat(parkedSince(parkedBefore)).isEmpty();
    }
}
