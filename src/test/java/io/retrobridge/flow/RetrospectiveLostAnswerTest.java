package io.retrobridge.flow;

import static io.retrobridge.flow.RetrospectiveTriggers.createChange;
import static io.retrobridge.flow.RetrospectiveTriggers.problemsMarked;
import static io.retrobridge.flow.RetrospectiveTriggers.queue;
import static io.retrobridge.flow.RetrospectiveTriggers.uniqueApplication;
import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.retro.RetrospectiveMarkers;
import io.retrobridge.retro.RetrospectiveOpener;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.RetrospectiveStore;
import io.retrobridge.sync.WriteIntents;
import io.retrobridge.testsupport.FaultyProxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A retrospective's create whose answer is lost on the wire (the record is made, the answer times out): the run
 * again finds the record by its marker and goes on, never making a second issue or problem.
 */
class RetrospectiveLostAnswerTest extends FaultSuiteSupport {

    static final FaultyProxy.Kind ANSWER_LOST = FaultyProxy.slow(READ_TIMEOUT.plusMillis(700));

    @Autowired
    RetrospectiveStore retrospectives;
    @Autowired
    WriteIntents intents;
    @Autowired
    Journal journal;

    @Test
    void aLostJiraCreateAnswerMakesNoSecondIssue() {
        RetrospectiveTrigger trigger = trigger("Retire the old settlement batch");
        String marker = RetrospectiveMarkers.of(trigger.key());
        long parkedBefore = deadLetters.count();
        jiraProxy.failNext(1, "POST", "/rest/api/3/issue", ANSWER_LOST);

        queue(inbox, trigger);
        drainAll();

        assertThat(jiraProxy.injected()).isEqualTo(1);
        assertThat(parkedSince(parkedBefore)).isEmpty();
        assertOpenedOnce(trigger, marker);
    }

    @Test
    void aLostServiceNowCreateAnswerMakesNoSecondProblem() {
        RetrospectiveTrigger trigger = trigger("Split the fraud-check service");
        String marker = RetrospectiveMarkers.of(trigger.key());
        long parkedBefore = deadLetters.count();
        servicenowProxy.failNext(1, "POST", "/api/now/table/problem", ANSWER_LOST);

        queue(inbox, trigger);
        drainAll();

        assertThat(servicenowProxy.injected()).isEqualTo(1);
        List<DeadLetter> parked = parkedSince(parkedBefore);
        assertThat(parked).isEmpty();
        assertOpenedOnce(trigger, marker);
    }

    private RetrospectiveTrigger trigger(String changeTitle) {
        Map<String, String> change = createChange(systems, changeTitle);
        return RetrospectiveTriggers.forChange(change.get("number"), uniqueApplication("payment-gateway"));
    }

    private void assertOpenedOnce(RetrospectiveTrigger trigger, String marker) {
        assertThat(problemsMarked(systems, marker)).hasSize(1);
        assertThat(systems.jira.issueKeysLabelled(marker)).hasSize(1);
        Retrospective stored = retrospectives.findByKey(trigger.key()).orElseThrow();
        assertThat(stored.complete()).isTrue();
        assertThat(stored.jiraKey()).isEqualTo(systems.jira.issueKeysLabelled(marker).get(0));
        assertThat(stored.serviceNowSysId()).isEqualTo(problemsMarked(systems, marker).get(0).get("sys_id"));
        assertThat(intents.openFor(marker)).as("the lost create is settled").isEmpty();
        assertThat(journal.forSubject(new ExternalRef(RetrospectiveOpener.SOURCE, trigger.key()), 30))
                .anySatisfy(entry -> {
                    assertThat(entry.action()).isEqualTo(JournalAction.WROTE);
                    assertThat(entry.summary()).contains("had landed although its answer was lost");
                });
    }
}
