package io.retrobridge.store;

import static io.retrobridge.domain.ExternalSystem.JIRA;
import static io.retrobridge.domain.ExternalSystem.SERVICENOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.WriteIntent;
import io.retrobridge.sync.WriteIntent.Operation;
import io.retrobridge.sync.WriteIntents;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the sync and the escalation scan rely on from any {@link WriteIntents}. */
abstract class WriteIntentsContract extends StoreContractSupport {

    private static final ExternalRef ORIGIN = new ExternalRef(JIRA, "10042");

    private WriteIntents intents() {
        return port(WriteIntents.class);
    }

    private static JournalEntry intent(int minute, String summary) {
        return JournalEntry.of(START.plus(Duration.ofMinutes(minute)), null, ORIGIN, JournalAction.INTENT, summary,
                List.of("default"), null);
    }

    @Test
    void anAnnouncedWriteIsAJournalEntryAndStaysOpenUntilSettled() {
        WriteIntent announced = intents().announce(intent(0, "about to create the copy of PAY-1"), Operation.CREATE,
                SERVICENOW, null, "rb-0123456789ab");

        assertThat(announced.isOpen()).isTrue();
        assertThat(intents().openFor("rb-0123456789ab")).containsExactly(announced);
        assertThat(port(Journal.class).forSubject(ORIGIN, 10)).singleElement()
                .satisfies(entry -> assertThat(entry.id()).isEqualTo(announced.journalId()))
                .satisfies(entry -> assertThat(entry.action()).isEqualTo(JournalAction.INTENT));

        UUID linkId = UUID.randomUUID();
        Optional<JournalEntry> outcome = intents().settle(List.of(announced), START.plusSeconds(5),
                JournalEntry.of(START.plusSeconds(5), linkId, ORIGIN, JournalAction.WROTE, "created PTASK0010001",
                        List.of(), "settles intent " + announced.journalId()));

        assertThat(outcome).isPresent();
        assertThat(intents().openFor("rb-0123456789ab")).isEmpty();
        assertThat(intents().open(10)).isEmpty();
        assertThat(port(Journal.class).forLink(linkId)).containsExactly(outcome.get());
    }

    @Test
    void anIntentIsSettledOnceWhoeverTriesSecond() {
        WriteIntent announced = intents().announce(intent(0, "about to write title to PTASK0010001"), Operation.UPDATE,
                SERVICENOW, "9d3c1f20a1b2c3d4e5f60718293a4b5c", "rb-0123456789ab");
        JournalEntry outcome = JournalEntry.of(START, null, ORIGIN, JournalAction.SKIPPED, "checked", List.of(), null);

        assertThat(intents().settle(List.of(announced), START, outcome)).isPresent();
        assertThat(intents().settle(List.of(announced), START, outcome)).as("nothing appended twice").isEmpty();
        assertThat(port(Journal.class).forSubject(ORIGIN, 10)).hasSize(2);
    }

    @Test
    void anAnnouncementOutlivesTheRollbackOfTheTransactionItWasMadeIn() {
        TransactionTemplate recording = new TransactionTemplate(port(PlatformTransactionManager.class));

        assertThatThrownBy(() -> recording.executeWithoutResult(status -> {
            intents().announce(intent(0, "about to create the copy of PAY-2"), Operation.CREATE, JIRA, null,
                    "rb-abcdefabcdef");
            throw new IllegalStateException("the write's record failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(intents().openFor("rb-abcdefabcdef")).singleElement().satisfies(open -> {
            assertThat(open.operation()).isEqualTo(Operation.CREATE);
            assertThat(open.target()).isEqualTo(JIRA);
            assertThat(open.subject()).isEqualTo(ORIGIN);
            assertThat(open.attemptedAt()).isEqualTo(START);
        });
    }

    @Test
    void openIntentsComeOldestFirstAndLimited() {
        WriteIntent later = intents().announce(intent(2, "later"), Operation.CANCEL, JIRA, "10001", "rb-000000000002");
        WriteIntent first = intents().announce(intent(1, "first"), Operation.COMMENT, JIRA, "10001", "rb-000000000001");

        assertThat(intents().open(10)).containsExactly(first, later);
        assertThat(intents().open(1)).containsExactly(first);
    }

    @Test
    void onlyAnIntentEntryAnnouncesAWrite() {
        JournalEntry wrote = JournalEntry.of(START, null, ORIGIN, JournalAction.WROTE, "not an intent", List.of(), null);

        assertThatThrownBy(() -> intents().announce(wrote, Operation.CREATE, JIRA, null, "rb-0123456789ab"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INTENT");
        assertThat(intents().open(10)).isEmpty();
    }
}
