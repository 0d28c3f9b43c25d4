package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.flow.housekeeping.RetentionPurge;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.Journal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

/** The purge as the route runs it, with the default keeping times: old finished data goes, the rest stays. */
@SpringBootTest(properties = "retrobridge.retention.enabled=false")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class RetentionPurgeTest {

    @Autowired
    CamelContext camel;

    @Autowired
    RetentionPurge purge;

    @Autowired
    Journal journal;

    @Autowired
    DeadLetterStore deadLetters;

    @Test
    void theRouteCallsThePurgeBean() {
        assertThat(camel.getRoute("retention-purge")).as("routes/retention-purge.yaml is loaded").isNotNull();
    }

    @Test
    void oldFinishedDataIsPurgedWithALineSayingWhatAndUnreplayedLettersStay(CapturedOutput output) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant yearsAgo = now.minus(Duration.ofDays(800));
        ExternalRef issue = new ExternalRef(ExternalSystem.JIRA, "10003");
        journal.append(JournalEntry.of(yearsAgo, null, issue, JournalAction.RECEIVED, "long ago", List.of(), null));
        JournalEntry recent = journal.append(JournalEntry.of(now, null, issue, JournalAction.WROTE, "recent",
                List.of(), null));
        DeadLetter unreplayed = deadLetters.park(letter(yearsAgo));
        DeadLetter replayed = deadLetters.park(letter(yearsAgo));
        deadLetters.markReplayed(replayed.id(), yearsAgo);

        RetentionPurge.Purged purged = purge.purge();

        assertThat(purged.journalEntries()).isGreaterThanOrEqualTo(1);
        assertThat(purged.deadLetters()).isGreaterThanOrEqualTo(1);
        assertThat(journal.forSubject(issue, 10)).containsExactly(recent);
        assertThat(deadLetters.find(unreplayed.id())).isPresent();
        assertThat(deadLetters.find(replayed.id())).isEmpty();
        assertThat(output.getAll()).contains("Retention purge:").contains("journal entries older than 400d")
                .contains("dead letters replayed more than 90d ago");
    }

    private static DeadLetter letter(Instant at) {
        return DeadLetter.park(InboundEvent.received(ExternalSystem.JIRA, "jira:issue_updated", "10003",
                "jira:10003:" + UUID.randomUUID(), at, "{}"), "HTTP 500", 5, at);
    }
}
