package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.flow.items.UnreadableProperties;
import io.retrobridge.flow.items.UnreadableRecheck;
import io.retrobridge.flow.items.UnreadableRecords;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.SideGateway;
import io.retrobridge.sync.UnreadableLinks;
import io.retrobridge.testsupport.FaultReport;
import io.retrobridge.testsupport.SandboxPair;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An ACL hides a ServiceNow record from the integration account, its Jira counterpart is edited (the edit is skipped,
 * as the record answers 404), and the connector restarts before access is given back. The restarted process knows
 * nothing of that in memory, yet its recheck reads the record again and the edit arrives: the records to read again
 * are kept in the database.
 */
class UnreadableRecheckRestartFaultTest extends FaultSuiteSupport {

    @Autowired
    UnreadableProperties settings;

    @Autowired
    UnreadableLinks waiting;

    @Autowired
    List<SideGateway> sides;

    @Autowired
    CurrentMappings mappings;

    @Autowired
    Journal journal;

    @Test
    void anEditSkippedWhileItsCounterpartWasHiddenArrivesAfterARestart() {
        Item item = linkedItem("Hidden across a restart: renew the VPN certificate");
        String edited = "Hidden across a restart: renew the VPN certificate before March";
        long parkedBefore = deadLetters.count();

        systems.servicenow.hideRecordFrom(SandboxPair.TASKS, item.sysId(), SandboxPair.SYNC_USER);
        try {
            systems.editJira(item.key(), "{\"summary\":" + SandboxPair.quote(edited) + "}");
            settle();
            assertThat(journal.forSubject(new ExternalRef(ExternalSystem.JIRA, item.issueId()), 20))
                    .as("the edit was skipped as unreadable").filteredOn(e -> e.action() == JournalAction.SKIPPED)
                    .anySatisfy(e -> assertThat(e.summary()).contains("answered 404"));
            assertThat(systems.task(item.sysId()).get("short_description")).isEqualTo(item.title());
        } finally {
            systems.servicenow.showRecordTo(SandboxPair.TASKS, item.sysId(), SandboxPair.SYNC_USER);
        }

        // A restarted process: nothing in memory, the same database.
        UnreadableRecords restarted = new UnreadableRecords(settings, waiting, Optional.empty());
        UnreadableRecheck recheck = new UnreadableRecheck(restarted, sides, mappings, inbox, Optional.empty());
        assertThat(recheck.recheck()).as("records read again and queued").isGreaterThanOrEqualTo(1);
        settle();

        long recovered = edited.equals(systems.task(item.sysId()).get("short_description")) ? 1 : 0;
        long duplicates = duplicatesOf(edited);
        long lost = 1 - recovered;
        long deadLettered = parkedSince(parkedBefore).size();
        FaultReport.line("unreadable-record-across-restart", 1, recovered, deadLettered, duplicates, lost);
        assertNothingDuplicatedOrLost(duplicates, lost);
        assertThat(deadLettered).as("a hidden record parks nothing").isZero();
    }
}
