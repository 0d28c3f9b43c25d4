package io.retrobridge.store;

import static io.retrobridge.domain.ExternalSystem.JIRA;
import static io.retrobridge.domain.ExternalSystem.SERVICENOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.sync.Journal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the sync engine and the history views rely on from any {@link Journal}. */
abstract class JournalContract extends StoreContractSupport {

    private static final ExternalRef RB_12 = new ExternalRef(JIRA, "RB-12");

    private Journal journal() {
        return port(Journal.class);
    }

    private static JournalEntry entry(int minute, UUID linkId, ExternalRef subject, JournalAction action, String summary) {
        return JournalEntry.of(START.plus(Duration.ofMinutes(minute)), linkId, subject, action, summary, List.of(), null);
    }

    @Test
    void anAppendedEntryComesBackWithItsIdAndEveryField() {
        UUID linkId = UUID.randomUUID();
        JournalEntry entry = JournalEntry.of(START, linkId, RB_12, JournalAction.WROTE,
                "Set ServiceNow state to Closed because Jira status became Done",
                List.of("status-map:done", "ownership:status"), "state: 2 -> 3");

        JournalEntry stored = journal().append(entry);

        assertThat(stored.id()).isPositive();
        assertThat(stored).isEqualTo(entry.withId(stored.id()));
        assertThat(journal().forSubject(RB_12, 10)).containsExactly(stored);
        assertThat(journal().forLink(linkId)).containsExactly(stored);
    }

    @Test
    void entriesAboutARecordComeNewestFirstAndAreLimited() {
        UUID linkId = UUID.randomUUID();
        JournalEntry received = journal().append(entry(0, linkId, RB_12, JournalAction.RECEIVED, "issue_updated arrived"));
        JournalEntry wrote = journal().append(entry(1, linkId, RB_12, JournalAction.WROTE, "wrote state"));
        JournalEntry echo = journal().append(entry(2, linkId, RB_12, JournalAction.SKIPPED, "echo of our write"));
        journal().append(entry(3, null, new ExternalRef(JIRA, "RB-13"), JournalAction.RECEIVED, "other issue"));
        journal().append(entry(4, null, new ExternalRef(SERVICENOW, "RB-12"), JournalAction.RECEIVED, "same id, other system"));

        assertThat(journal().forSubject(RB_12, 10)).containsExactly(echo, wrote, received);
        assertThat(journal().forSubject(RB_12, 2)).containsExactly(echo, wrote);
    }

    @Test
    void entriesWrittenInTheSameInstantKeepTheirOrder() {
        JournalEntry first = journal().append(entry(0, null, RB_12, JournalAction.RECEIVED, "first"));
        JournalEntry second = journal().append(entry(0, null, RB_12, JournalAction.SKIPPED, "second"));

        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(journal().forSubject(RB_12, 10)).containsExactly(second, first);
    }

    @Test
    void aLinksHistorySpansBothSidesAndOnlyThatLink() {
        UUID linkId = UUID.randomUUID();
        JournalEntry fromJira = journal().append(entry(0, linkId, RB_12, JournalAction.RECEIVED, "from Jira"));
        JournalEntry toServiceNow = journal().append(entry(1, linkId, new ExternalRef(SERVICENOW, "sn-1"),
                JournalAction.WROTE, "to ServiceNow"));
        journal().append(entry(2, UUID.randomUUID(), RB_12, JournalAction.CONFLICT, "another link"));
        journal().append(entry(3, null, RB_12, JournalAction.ERROR, "no link"));

        assertThat(journal().forLink(linkId)).containsExactly(toServiceNow, fromJira);
    }

    @Test
    void entriesWithoutLinkOrDetailAreKept() {
        JournalEntry stored = journal().append(entry(0, null, RB_12, JournalAction.ERROR, "mapping failed"));

        assertThat(journal().forSubject(RB_12, 1)).singleElement().satisfies(found -> {
            assertThat(found.linkId()).isNull();
            assertThat(found.detail()).isNull();
            assertThat(found.ruleIds()).isEmpty();
            assertThat(found).isEqualTo(stored);
        });
    }

    @Test
    void aStoredEntryCannotBeAppendedAgain() {
        JournalEntry stored = journal().append(entry(0, null, RB_12, JournalAction.RECEIVED, "once"));

        assertThatThrownBy(() -> journal().append(stored))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("append-only");
        assertThat(journal().forSubject(RB_12, 10)).hasSize(1);
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> journal().forSubject(RB_12, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit must be at least 1");
    }

    @Test
    void longDetailTextIsKeptWhole() {
        String detail = "field diff line\n".repeat(20_000);
        JournalEntry stored = journal().append(JournalEntry.of(START, null, RB_12, JournalAction.CONFLICT,
                "both sides changed description", List.of("conflict:park"), detail));

        assertThat(journal().forSubject(RB_12, 1)).singleElement()
                .extracting(JournalEntry::detail).isEqualTo(detail);
        assertThat(stored.detail()).hasSize(detail.length());
    }
}
